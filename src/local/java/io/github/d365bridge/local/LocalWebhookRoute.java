package io.github.d365bridge.local;

import java.net.URI;

import io.github.d365bridge.flow.orders.intake.CommerceIntakeResource;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;

/**
 * Where the local run's Commerce sandbox sends its order webhooks, and how many demo orders it leaves
 * without one: the bridge's own webhook endpoint on loopback, at the port its HTTP server really listens
 * on (so {@code quarkus.http.port=0} works too).
 *
 * @param target      the webhook endpoint, e.g. {@code http://127.0.0.1:8080/api/intake/commerce/webhook}
 * @param lossPercent share of demo orders that get no webhook at all, left for the polling safety net
 */
record LocalWebhookRoute(URI target, int lossPercent) {

    LocalWebhookRoute {
        if (lossPercent < 0 || lossPercent > 100) {
            throw new IllegalArgumentException("bridge.local.webhook-loss-percent must be 0-100, got " + lossPercent);
        }
    }

    /** @param rootPath {@code quarkus.http.root-path}, e.g. {@code /api} */
    static LocalWebhookRoute to(int port, String rootPath, int lossPercent) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("not a listening port: " + port);
        }
        String root = rootPath == null ? "" : rootPath.strip().replaceAll("/+$", "");
        if (!root.isEmpty() && !root.startsWith("/")) {
            root = "/" + root;
        }
        return new LocalWebhookRoute(URI.create("http://127.0.0.1:" + port + root + CommerceIntakeResource.WEBHOOK_PATH),
                lossPercent);
    }

    /** One signed webhook per order, in placement order; no I/O Events (the local run has no Adobe key host). */
    DeliveryPolicy policy() {
        return new DeliveryPolicy(1, false, lossPercent, true, false);
    }

    /** Deliveries made from now on follow this route. */
    void applyTo(CommerceSandbox sandbox) {
        sandbox.orders().policy(policy());
        sandbox.deliverWebhooksTo(target);
    }
}
