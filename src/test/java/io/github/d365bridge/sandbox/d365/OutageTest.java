package io.github.d365bridge.sandbox.d365;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An outage window takes the whole sandbox down (tokens, OData, DMF) and ends by itself. */
class OutageTest {

    private static D365Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = D365Sandbox.start(SandboxHttp.options().build());
        http = new SandboxHttp(sandbox);
        http.token();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void everyCallIsDroppedDuringTheWindowAndAnsweredAfterIt() {
        sandbox.faults().outage().schedule(Instant.now().plusMillis(300), Duration.ofMillis(1000));
        assertThat(http.get("/data/CustomersV3?$top=1").statusCode()).as("before the window").isEqualTo(200);
        await().atMost(Duration.ofSeconds(2)).until(() -> sandbox.faults().outage().active());
        assertThatThrownBy(() -> http.get("/data/CustomersV3?$top=1")).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> http.tokenFor(SandboxHttp.CLIENT_ID, SandboxHttp.SECRET))
                .as("the token endpoint is down too").isInstanceOf(UncheckedIOException.class);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> http.get("/data/CustomersV3?$top=1").statusCode() == 200);
        assertThat(sandbox.faults().injected().get("outage")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aWindowMustLastAPositiveTime() {
        assertThatThrownBy(() -> sandbox.faults().outage().startNow(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
