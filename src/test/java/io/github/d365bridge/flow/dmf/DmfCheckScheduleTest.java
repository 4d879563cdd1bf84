package io.github.d365bridge.flow.dmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DmfCheckScheduleTest {

    private final DmfCheckSchedule schedule = new DmfCheckSchedule(Duration.ofSeconds(5), Duration.ofSeconds(60));

    @Test
    void checksEveryFiveSecondsWhileTheJobIsYoung() {
        assertThat(schedule.nextDelay(Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.nextDelay(Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.nextDelay(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void thenAQuarterOfTheJobsAgeUpToTheCap() {
        assertThat(schedule.nextDelay(Duration.ofSeconds(40))).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.nextDelay(Duration.ofSeconds(200))).isEqualTo(Duration.ofSeconds(50));
        assertThat(schedule.nextDelay(Duration.ofMinutes(30))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aFifteenSecondJobIsSeenAfterTwentySecondsAndAThirtyMinuteOneCostsFewChecks() {
        assertThat(firstCheckAfter(Duration.ofMillis(15_200))).isEqualTo(Duration.ofSeconds(20));
        Duration at = Duration.ZERO;
        int checks = 0;
        while (at.compareTo(Duration.ofMinutes(30)) < 0) {
            at = at.plus(schedule.nextDelay(at));
            checks++;
        }
        assertThat(checks).isLessThanOrEqualTo(45);
    }

    @Test
    void aClockThatWentBackwardsStillWaitsTheFloor() {
        assertThat(schedule.nextDelay(Duration.ofSeconds(-3))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesAFloorAboveTheCap() {
        assertThatThrownBy(() -> new DmfCheckSchedule(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Duration firstCheckAfter(Duration jobLength) {
        Duration at = Duration.ZERO;
        do {
            at = at.plus(schedule.nextDelay(at));
        } while (at.compareTo(jobLength) < 0);
        return at;
    }
}
