package io.github.d365bridge.flow.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.github.d365bridge.config.Connections;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.runtime.TimerHandler;

/**
 * The inventory sync's schedule ({@code INVENTORY_SYNC_SCHEDULE}): starts a full run, or, while one is in
 * progress, resumes it where it stalled. Without D365 and Commerce configured there is nothing to sync: it
 * says so and returns.
 */
@ApplicationScoped
public class InventorySyncTimerHandler implements TimerHandler {

    public static final String SCHEDULE_SETTING = "INVENTORY_SYNC_SCHEDULE";
    private static final Logger LOG = Logger.getLogger(InventorySyncTimerHandler.class);

    @Inject
    SyncEngine engine;
    @Inject
    Connections connections;
    @Inject
    InventorySyncConfig config;

    @Override
    public String scheduleSetting() {
        return SCHEDULE_SETTING;
    }

    @Override
    public String name() {
        return "inventory-sync";
    }

    @Override
    public void run() {
        if (!config.enabled()) {
            return;
        }
        if (!connections.d365() || !connections.commerce()) {
            LOG.infof("Inventory sync skipped: %s not configured", !connections.d365() ? "D365" : "Commerce");
            return;
        }
        engine.start(InventorySyncFlow.NAME, SyncEngine.RunRequest.full("timer"));
    }
}
