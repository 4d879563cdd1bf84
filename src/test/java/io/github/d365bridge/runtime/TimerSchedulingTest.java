package io.github.d365bridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.testing.BridgeTestProfile;
import io.github.d365bridge.testing.TickTimerHandler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The standalone runtime schedules timers from the same six-field NCRONTAB settings the Functions host reads. */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class TimerSchedulingTest {

    @Inject
    TickTimerHandler tick;

    @Test
    void timerRunsOnItsNcrontabScheduleEachRunInItsOwnCorrelation() {
        int before = tick.runs().size();
        await().atMost(Duration.ofSeconds(10)).until(() -> tick.runs().size() >= before + 3);
        assertThat(new HashSet<>(tick.runs())).hasSameSizeAs(tick.runs());
    }
}
