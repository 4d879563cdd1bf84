package io.github.d365bridge.flow.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.github.d365bridge.config.Connections;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.runtime.TimerHandler;

/**
 * The catalog sync's schedule ({@code CATALOG_SYNC_SCHEDULE}): starts a full run, or, while one is in
 * progress, resumes it where it stalled. Without D365 and Commerce configured there is nothing to sync: it
 * says so and returns.
 */
@ApplicationScoped
public class CatalogSyncTimerHandler implements TimerHandler {

    public static final String SCHEDULE_SETTING = "CATALOG_SYNC_SCHEDULE";
    private static final Logger LOG = Logger.getLogger(CatalogSyncTimerHandler.class);

    @Inject
    SyncEngine engine;
    @Inject
    Connections connections;
    @Inject
    CatalogSyncConfig config;

    @Override
    public String scheduleSetting() {
        return SCHEDULE_SETTING;
    }

    @Override
    public String name() {
        return "catalog-sync";
    }

    @Override
    public void run() {
        if (!config.enabled()) {
            return;
        }
        if (!connections.d365() || !connections.commerce()) {
            LOG.infof("Catalog sync skipped: %s not configured", !connections.d365() ? "D365" : "Commerce");
            return;
        }
        engine.start(CatalogSyncFlow.NAME, SyncEngine.RunRequest.full("timer"));
    }
}
