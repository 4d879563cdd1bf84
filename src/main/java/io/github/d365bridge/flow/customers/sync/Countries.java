package io.github.d365bridge.flow.customers.sync;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * ISO 3166 alpha-2 codes, as Commerce wants them, from what D365 gives: its ISO code field when set (real
 * tenants often leave {@code AddressCountryRegionISOCode} empty), else its country/region id, which is the
 * alpha-3 code in standard set-ups.
 */
final class Countries {

    private static final Map<String, String> ALPHA3_TO_ALPHA2 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            try {
                ALPHA3_TO_ALPHA2.put(new Locale("", alpha2).getISO3Country(), alpha2);
            } catch (MissingResourceException ignored) {
                // a code without an alpha-3 form cannot come from D365's alpha-3 ids
            }
        }
    }

    private Countries() {
    }

    static Optional<String> alpha2(String isoCode, String regionId) {
        if (isoCode != null && isoCode.strip().length() == 2) {
            return Optional.of(isoCode.strip().toUpperCase(Locale.ROOT));
        }
        if (regionId == null || regionId.isBlank()) {
            return Optional.empty();
        }
        String id = regionId.strip().toUpperCase(Locale.ROOT);
        if (id.length() == 2 && ALPHA3_TO_ALPHA2.containsValue(id)) {
            return Optional.of(id);
        }
        String alpha2 = ALPHA3_TO_ALPHA2.get(id);
        if (alpha2 == null) {
            throw new IllegalArgumentException("country/region '" + regionId + "' is no ISO 3166 alpha-3 code and"
                    + " AddressCountryRegionISOCode is empty");
        }
        return Optional.of(alpha2);
    }
}
