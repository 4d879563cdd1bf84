package io.github.d365bridge.flow.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What is an order key and what is not; refusals say which part is wrong. */
class OrderKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"default:000000042", "eu_en:R/1#2?3", "default:a:b", "default:100%"})
    void keysParseIntoStoreCodeAndIncrementIdAndPrintAsTheyCame(String text) {
        OrderKey key = OrderKey.parse(text);
        assertThat(key.toString()).isEqualTo(text);
        assertThat(key.storeCode()).doesNotContain(":");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "no-colon            | must be '<store code>:<increment id>'",
            ":000000042          | store code is empty",
            "default:            | increment id is empty",
            "'default:   '       | increment id is empty",
            "sssssssssssssssssssssssssssssssss:1 | store code is longer than 32",
            "default:123456789012345678901234567890123456789012345678901 | increment id is longer than 50"})
    void malformedKeysAreRefusedNamingThePart(String text, String problem) {
        assertThatThrownBy(() -> OrderKey.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, OrderKey.MAX_INCREMENT_ID_LENGTH})
    void incrementIdsUpToTheCommerceColumnLengthAreKeys(int length) {
        assertThat(OrderKey.incrementIdProblem("9".repeat(length))).isEmpty();
        assertThat(OrderKey.incrementIdProblem("9".repeat(OrderKey.MAX_INCREMENT_ID_LENGTH + 1))).isPresent();
    }
}
