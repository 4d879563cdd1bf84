package io.github.d365bridge.flow.dmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DmfCheckScheduleTest {

    private static final Duration FIRST = Duration.ofSeconds(5);
    private final DmfCheckSchedule schedule = new DmfCheckSchedule(FIRST, Duration.ofSeconds(60));

    @Test
    void checksEverySecondWhileTheJobIsYoung() {
        assertThat(schedule.nextDelay(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.nextDelay(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.nextDelay(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void thenATenthOfTheJobsAgeUpToTheCap() {
        assertThat(schedule.nextDelay(Duration.ofSeconds(16))).isEqualTo(Duration.ofMillis(1_600));
        assertThat(schedule.nextDelay(Duration.ofSeconds(200))).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.nextDelay(Duration.ofMinutes(30))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aSixteenSecondJobIsSeenWithinATenthOfItsTimeAndAThirtyMinuteOneCostsSomeSeventyChecks() {
        Duration job = Duration.ofMillis(16_300);
        assertThat(firstCheckAfter(job)).isGreaterThanOrEqualTo(job).isLessThanOrEqualTo(job.plus(job.dividedBy(10)));
        assertThat(checksUntil(Duration.ofSeconds(16))).isLessThanOrEqualTo(12);
        assertThat(checksUntil(Duration.ofMinutes(30))).isLessThanOrEqualTo(75);
    }

    @Test
    void aFirstCheckDelayBelowASecondIsAlsoTheFloor() {
        DmfCheckSchedule quick = new DmfCheckSchedule(Duration.ofMillis(300), Duration.ofSeconds(2));
        assertThat(quick.nextDelay(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(300));
        assertThat(quick.nextDelay(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aClockThatWentBackwardsStillWaitsTheFloor() {
        assertThat(schedule.nextDelay(Duration.ofSeconds(-3))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesAFloorAboveTheCap() {
        assertThatThrownBy(() -> new DmfCheckSchedule(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** When the check that finds a job of {@code jobLength} ended comes (the first one after the first-check delay). */
    private Duration firstCheckAfter(Duration jobLength) {
        Duration at = FIRST;
        while (at.compareTo(jobLength) < 0) {
            at = at.plus(schedule.nextDelay(at));
        }
        return at;
    }

    private int checksUntil(Duration end) {
        Duration at = FIRST;
        int checks = 1;
        while (at.compareTo(end) < 0) {
            at = at.plus(schedule.nextDelay(at));
            checks++;
        }
        return checks;
    }
}
