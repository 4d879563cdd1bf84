package io.github.d365bridge.sandbox.commerce.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The slice of Magento's directory (countries and regions) the address rules read. Countries: every
 * ISO 3166-1 code, which is what a stock store allows ({@code general/country/allow}). Regions: the
 * ids Magento's install data gives the United States (1-65), Canada (66-78) and Germany (79-94); other
 * countries are treated as having no region list, so any free-text region passes. A region is required
 * for the US and Canada ({@code general/region/state_required} lists both), optional for Germany.
 * Postcodes may be left out for Magento's default optional-zip countries.
 */
public final class Directory {

    /** Magento's default {@code general/country/optional_zip_countries}. */
    public static final Set<String> OPTIONAL_ZIP = Set.of("HK", "IE", "MO", "PA");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> REGION_REQUIRED = Set.of("US", "CA");
    private static final Map<String, Map<Integer, String>> REGIONS = Map.of(
            "US", numbered(1, "AL", "AK", "AS", "AZ", "AR", "AE", "AA", "AE", "AE", "AE", "AP", "CA", "CO", "CT", "DE",
                    "DC", "FM", "FL", "GA", "GU", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MH", "MD", "MA",
                    "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "MP", "OH", "OK", "OR",
                    "PW", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VI", "VA", "WA", "WV", "WI", "WY"),
            "CA", numbered(66, "AB", "BC", "MB", "NL", "NB", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"),
            "DE", numbered(79, "NDS", "BAW", "BAY", "BER", "BRG", "BRE", "HAM", "HES", "MEC", "NRW", "RHE", "SAR", "SAS",
                    "SAC", "SCN", "THE"));

    private Directory() {
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    public static boolean regionRequired(String country) {
        return REGION_REQUIRED.contains(country);
    }

    /** Region ids of the country, empty when it has no region list. */
    public static Set<Integer> regions(String country) {
        return REGIONS.getOrDefault(country, Map.of()).keySet();
    }

    public static Optional<String> regionCode(String country, int regionId) {
        return Optional.ofNullable(REGIONS.getOrDefault(country, Map.of()).get(regionId));
    }

    private static Map<Integer, String> numbered(int first, String... codes) {
        Map<Integer, String> regions = new LinkedHashMap<>();
        List<String> list = List.of(codes);
        for (int i = 0; i < list.size(); i++) {
            regions.put(first + i, list.get(i));
        }
        return Map.copyOf(regions);
    }
}
