package io.github.d365bridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;

/** The local run's webhook target is the bridge's own endpoint on loopback, whatever the root path looks like. */
class LocalWebhookRouteTest {

    @Test
    void targetsTheWebhookEndpointBelowTheRootPathOnLoopback() {
        for (String root : new String[] {"/api", "/api/", "api", " /api "}) {
            assertThat(LocalWebhookRoute.to(8080, root, 15).target())
                    .hasToString("http://127.0.0.1:8080/api/intake/commerce/webhook");
        }
        assertThat(LocalWebhookRoute.to(41234, "/", 0).target()).hasToString("http://127.0.0.1:41234/intake/commerce/webhook");
        assertThat(LocalWebhookRoute.to(41234, null, 0).target()).hasToString("http://127.0.0.1:41234/intake/commerce/webhook");
    }

    @Test
    void deliversEachOrderOnceAsAWebhookExceptTheShareLeftToThePoll() {
        DeliveryPolicy policy = LocalWebhookRoute.to(8080, "/api", 15).policy();

        assertThat(policy.copies()).isEqualTo(1);
        assertThat(policy.outOfOrder()).isFalse();
        assertThat(policy.webhook()).isTrue();
        assertThat(policy.ioEvents()).isFalse();
        assertThat(policy.neverDeliverPercent()).isEqualTo(15);
    }

    @Test
    void refusesAPortNotYetKnownAndAShareOutsidePercent() {
        assertThatThrownBy(() -> LocalWebhookRoute.to(-1, "/api", 15)).hasMessageContaining("not a listening port");
        assertThatThrownBy(() -> LocalWebhookRoute.to(0, "/api", 15)).hasMessageContaining("not a listening port");
        assertThatThrownBy(() -> LocalWebhookRoute.to(8080, "/api", 101))
                .hasMessageContaining("bridge.local.webhook-loss-percent");
    }
}
