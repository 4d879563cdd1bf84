package io.github.d365bridge.client.d365;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.client.d365.odata.ODataQuery;

/** Tokens are renewed before they expire, so no call ever runs into a 401 because of expiry. */
class D365TokenLifetimeTest {

    @Test
    void tokenIsRenewedBeforeExpiryWithoutA401() {
        try (D365TestEnvironment env = new D365TestEnvironment(b -> b.tokenLifetime(Duration.ofSeconds(3)))) {
            D365Client client = env.client();
            String countPath = "/data/CustomersV3";
            client.odata().count(CustomerV3.ENTITY_SET, ODataQuery.all());
            long issued = env.sandbox.tokensIssued();
            long calls = env.sandbox.faults().calls(countPath);

            Instant later = Instant.now().plusSeconds(3);
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(later));
            client.odata().count(CustomerV3.ENTITY_SET, ODataQuery.all());

            assertThat(env.sandbox.tokensIssued()).isEqualTo(issued + 1);
            assertThat(env.sandbox.faults().calls(countPath)).as("no 401 and retry").isEqualTo(calls + 1);
        }
    }
}
