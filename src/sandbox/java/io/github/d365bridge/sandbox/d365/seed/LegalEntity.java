package io.github.d365bridge.sandbox.d365.seed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A company of the demo data with what its rows need: currency, country (D365 uses three-letter
 * ISO country ids such as {@code USA}), customer account prefix and a price factor against USD.
 */
public record LegalEntity(String id, String currency, String country, String accountPrefix, BigDecimal priceFactor,
        List<String> states, List<String> cities) {

    public static LegalEntity of(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "usmf", "ussi", "usrt" -> new LegalEntity(lower, "USD", "USA", "US-", BigDecimal.ONE,
                    List.of("WA", "CA", "NY", "TX", "IL"), List.of("Seattle", "Redmond", "New York", "Austin", "Chicago"));
            case "demf" -> new LegalEntity(lower, "EUR", "DEU", "DE-", new BigDecimal("0.92"),
                    List.of(""), List.of("Berlin", "München", "Köln", "Düsseldorf", "Hamburg"));
            case "gbsi" -> new LegalEntity(lower, "GBP", "GBR", "GB-", new BigDecimal("0.79"),
                    List.of(""), List.of("London", "Leeds", "Bristol", "Manchester", "Edinburgh"));
            default -> new LegalEntity(lower, "USD", "USA", lower.substring(0, Math.min(2, lower.length()))
                    .toUpperCase(Locale.ROOT) + "-", BigDecimal.ONE, List.of(""), List.of("Springfield"));
        };
    }
}
