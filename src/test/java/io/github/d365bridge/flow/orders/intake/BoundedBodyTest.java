package io.github.d365bridge.flow.orders.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;

/** A body without Content-Length (chunked) is still cut off at the limit, and lengths are read safely. */
class BoundedBodyTest {

    @Test
    void readsUpToTheLimitAndRefusesOneByteMore() {
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[1024]), 1024)).hasSize(1024);
        assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(new byte[1025]), 1024))
                .isInstanceOfSatisfying(IntakeRejection.class, r -> assertThat(r.status()).isEqualTo(413));
        assertThat(BoundedBody.read(null, 10)).isEmpty();
    }

    @Test
    void contentLengthCheckHandlesHugeAndOddValues() {
        assertThat(IntakeBodyLimitFilter.tooLarge("262145", 262144)).isTrue();
        assertThat(IntakeBodyLimitFilter.tooLarge("262144", 262144)).isFalse();
        assertThat(IntakeBodyLimitFilter.tooLarge("99999999999999999999", 262144)).isTrue();
        assertThat(IntakeBodyLimitFilter.tooLarge("-1", 262144)).isFalse();
        assertThat(IntakeBodyLimitFilter.tooLarge("0262145", 262144)).isTrue();
        // not a length at all: left to the HTTP layer and the bounded read
        for (String notALength : new String[] {"", "12a", "1 2", "+300000", "\u0661\u0662\u0663\u0664\u0665\u0666\u0667"}) {
            assertThat(IntakeBodyLimitFilter.tooLarge(notALength, 262144)).as(notALength).isFalse();
        }
    }
}
