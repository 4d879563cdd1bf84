package io.github.d365bridge.local;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.github.d365bridge.config.IntakeConfig;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;

/**
 * Makes the local run's Commerce sandbox deliver its demo orders as signed webhooks to this bridge, as a
 * store subscribed to {@code observer.sales_order_save_after} would: the sandbox is pointed at the port
 * the HTTP server really listens on, also after a live reload. The intake verifies each call with the public key of
 * {@link LocalWebhookKeySource}; nothing about the check is relaxed. A configurable share of orders gets
 * no webhook, so the polling safety net visibly has work too. Dev build only.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class LocalWebhooks {

    private static final Logger LOG = Logger.getLogger(LocalWebhooks.class);

    private final CommerceSandbox commerce;
    private final HttpServer http;
    private final Optional<LocalWebhookKeySource> keys;
    private final Optional<String> intakeKey;
    private final String rootPath;
    private final int configuredPort;
    private final int lossPercent;
    private boolean settled;

    @Inject
    public LocalWebhooks(LocalSandboxes sandboxes, HttpServer http, IntakeConfig intake, Config config,
            @ConfigProperty(name = "quarkus.http.root-path") String rootPath,
            @ConfigProperty(name = "quarkus.http.port") int configuredPort,
            @ConfigProperty(name = "bridge.local.webhook-loss-percent", defaultValue = "15") int lossPercent) {
        this.commerce = sandboxes.commerce();
        this.http = http;
        this.keys = LocalWebhookKeySource.in(config);
        this.intakeKey = intake.webhookPublicKey();
        this.rootPath = rootPath;
        this.configuredPort = configuredPort;
        this.lossPercent = lossPercent;
    }

    /** The first start with {@code quarkus.http.port=0}: the real port is known once the server listens. */
    void onHttpStart(@ObservesAsync HttpServerStart started) {
        if (http.getPort() > 0) {
            connect(http.getPort());
        }
    }

    /**
     * A fixed port is known at start. After a live reload it is the only way to learn the port at all: the
     * app restarts but the server keeps listening and announces nothing. (At the first start the server
     * listens before the sandbox's first order, 60 / orders-per-minute seconds later.)
     */
    void onStart(@Observes StartupEvent start) {
        int port = http.getPort() > 0 ? http.getPort() : configuredPort;
        if (port > 0) {
            connect(port);
        } else {
            LOG.info("quarkus.http.port=0: the sandbox's webhooks start once the server announces its port. After a"
                    + " live reload it does not, and the poll alone picks the demo orders up until the next start");
        }
    }

    private synchronized void connect(int port) {
        if (settled) {
            return;
        }
        settled = true;
        if (keys.isEmpty()) {
            LOG.info("Local webhooks are off (bridge.local.webhooks=false): the poll picks the demo orders up");
            return;
        }
        if (!keys.get().isTheIntakeKey(intakeKey)) {
            LOG.warn("bridge.intake.webhook-public-key is set to a key of your own, which the Commerce sandbox cannot"
                    + " sign for: it sends no webhooks, and the poll picks the demo orders up");
            return;
        }
        LocalWebhookRoute route = LocalWebhookRoute.to(port, rootPath, lossPercent);
        route.applyTo(commerce);
        LOG.infof("Commerce sandbox delivers signed order webhooks to %s; %d%% of demo orders get none and are left"
                + " to the poll (bridge.local.webhook-loss-percent)", route.target(), route.lossPercent());
    }
}
