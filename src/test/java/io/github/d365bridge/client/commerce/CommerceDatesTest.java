package io.github.d365bridge.client.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CommerceDatesTest {

    @Test
    void formatsAndParsesUtcWithoutZone() {
        assertThat(CommerceDates.format(Instant.parse("2026-03-04T05:06:07.999Z"))).isEqualTo("2026-03-04 05:06:07");
        assertThat(CommerceDates.parse("2026-03-04 05:06:07")).isEqualTo(Instant.parse("2026-03-04T05:06:07Z"));
    }

    @Test
    void refusesIsoText() {
        assertThatThrownBy(() -> CommerceDates.parse("2026-03-04T05:06:07Z")).isInstanceOf(IllegalArgumentException.class);
    }
}
