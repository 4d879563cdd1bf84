package io.github.d365bridge.client.commerce;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Commerce writes and filters dates as UTC text {@code YYYY-MM-DD HH:MM:SS} without a zone; an ISO
 * string with {@code T} or an offset would be compared as text against that column and match wrongly.
 */
public final class CommerceDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private CommerceDates() {
    }

    /** Seconds precision; the fraction is dropped (Commerce columns hold whole seconds). */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** @throws IllegalArgumentException when the text is not in Commerce's date format */
    public static Instant parse(String text) {
        try {
            return LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("Not a Commerce date (YYYY-MM-DD HH:MM:SS, UTC): " + text, e);
        }
    }
}
