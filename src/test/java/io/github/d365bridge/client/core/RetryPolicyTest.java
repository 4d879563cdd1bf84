package io.github.d365bridge.client.core;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final ThrottleGate gate = new ThrottleGate(Clock.systemUTC());
    private final RetryPolicy policy = new RetryPolicy(new RetryPolicy.RetryOptions(4, Duration.ofMillis(10),
            Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofMillis(300)), gate, Clock.systemUTC());

    @Test
    void retriesRetriableFailuresUntilSuccess() {
        AtomicInteger calls = new AtomicInteger();
        String result = policy.execute("op", () -> {
            if (calls.incrementAndGet() < 3) {
                throw BridgeException.builder(ExternalSystem.D365, "busy").httpStatus(503).build();
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void permanentFailuresAreNotRetriedAndAttemptsAreBounded() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> policy.execute("op", () -> {
            calls.incrementAndGet();
            throw BridgeException.builder(ExternalSystem.D365, "bad").httpStatus(400).build();
        })).hasMessageContaining("bad");
        assertThat(calls).hasValue(1);

        AtomicInteger always = new AtomicInteger();
        assertThatThrownBy(() -> policy.execute("op", () -> {
            always.incrementAndGet();
            throw BridgeException.builder(ExternalSystem.D365, "down").httpStatus(500).build();
        }));
        assertThat(always).hasValue(4);
    }

    @Test
    void throttlingClosesTheGateForEveryCallerForTheRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();
        policy.execute("op", () -> {
            if (calls.incrementAndGet() == 1) {
                throw BridgeException.builder(ExternalSystem.D365, "slow down").httpStatus(429)
                        .retryAfter(Duration.ofMillis(400)).build();
            }
            return null;
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        gate.closeFor(Duration.ofMillis(300));
        long other = System.nanoTime();
        policy.execute("another caller", () -> null);
        assertThat(Duration.ofNanos(System.nanoTime() - other)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }
}
