package io.github.d365bridge.sandbox.d365.dmf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.github.d365bridge.sandbox.d365.model.Field;
import io.github.d365bridge.sandbox.d365.model.FieldKind;
import io.github.d365bridge.sandbox.d365.rules.RuleViolation;

/**
 * Turns the text of a package cell into a typed value. Numbers are invariant ({@code 1234.5}); dates
 * may be ISO (date or date-time) or the en-US form D365 writes with an en-US user
 * ({@code 1/31/2024 12:00:00 AM}); an empty cell is the field's empty value; enums by member name.
 */
final class CsvValues {

    private static final List<DateTimeFormatter> US_DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss", Locale.US));
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

    private CsvValues() {
    }

    static Object parse(Field field, String text) {
        FieldKind kind = field.kind();
        if (text.isEmpty()) {
            return switch (kind) {
                case STRING -> "";
                case DECIMAL -> BigDecimal.ZERO;
                case INT32, INT64 -> 0L;
                case DATE, DATETIME -> null;
                case ENUM -> field.enumType().defaultMember();
            };
        }
        try {
            return switch (kind) {
                case STRING -> text;
                case DECIMAL -> new BigDecimal(text.trim());
                case INT32, INT64 -> Long.parseLong(text.trim());
                case DATE -> instant(text.trim()).atOffset(ZoneOffset.UTC).toLocalDate();
                case DATETIME -> instant(text.trim());
                case ENUM -> field.enumType().members().stream().filter(m -> m.equalsIgnoreCase(text.trim()))
                        .findFirst().orElseThrow(IllegalArgumentException::new);
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new RuleViolation("Unable to convert data value '" + text + "' for field '"
                    + field.name().toUpperCase(Locale.ROOT) + "' to type " + field.typeName() + ".");
        }
    }

    private static Instant instant(String text) {
        if (text.contains("/")) {
            for (DateTimeFormatter format : US_DATE_TIMES) {
                try {
                    return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException ignored) {
                    // next form
                }
            }
            return LocalDate.parse(text, US_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }
}
