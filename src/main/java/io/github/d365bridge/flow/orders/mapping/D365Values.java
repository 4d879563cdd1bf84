package io.github.d365bridge.flow.orders.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Values in the form D365's CSV import reads whatever the user's locale: decimals invariant ({@code .},
 * no grouping, no exponent, no trailing zeros), dates {@code yyyy-MM-dd}. Text is never trimmed.
 */
final class D365Values {

    private D365Values() {
    }

    static String decimal(BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** The date of a Commerce UTC timestamp ({@code 2026-03-14 09:26:53}), if it has one. */
    static Optional<String> date(String commerceTimestamp) {
        if (commerceTimestamp == null || commerceTimestamp.length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(commerceTimestamp.substring(0, 10)).toString());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
