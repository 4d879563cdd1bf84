package io.github.d365bridge.client.commerce.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.github.d365bridge.client.commerce.CommerceAnswers;
import io.github.d365bridge.client.commerce.CommerceHttp;
import io.github.d365bridge.client.commerce.CommerceRequest;

/**
 * {@code GET /V1/directory/countries/{countryId}}: the regions of a country, so a region code (D365's
 * {@code AddressState}) becomes the {@code region_id} Commerce requires on addresses and companies of countries
 * with a region list. Answers are kept per country for the client's life: the directory changes with a store's
 * configuration, not with its traffic.
 */
public final class DirectoryClient {

    private final CommerceHttp http;
    private final String store;
    private final Map<String, Map<String, Integer>> regionsByCountry = new ConcurrentHashMap<>();

    public DirectoryClient(CommerceHttp http, String store) {
        this.http = http;
        this.store = store;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Country(String id, @JsonProperty("available_regions") List<Region> availableRegions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Region(String id, String code, String name) {
    }

    /** The region id for a code (or name) in a country; empty when the country has no such region or no list. */
    public Optional<Integer> regionId(String countryId, String regionCodeOrName) {
        if (regionCodeOrName == null || regionCodeOrName.isBlank()) {
            return Optional.empty();
        }
        Map<String, Integer> regions = regionsByCountry.computeIfAbsent(countryId.toUpperCase(Locale.ROOT), this::load);
        return Optional.ofNullable(regions.get(regionCodeOrName.strip().toUpperCase(Locale.ROOT)));
    }

    private Map<String, Integer> load(String countryId) {
        Country country = http.execute(CommerceRequest.of("GET", store, CommerceRequest.path("directory/countries/{}",
                countryId), "directory.country").record(countryId), CommerceAnswers.as(Country.class));
        Map<String, Integer> regions = new HashMap<>();
        if (country.availableRegions() != null) {
            for (Region region : country.availableRegions()) {
                regions.put(region.code().toUpperCase(Locale.ROOT), Integer.valueOf(region.id()));
                if (region.name() != null) {
                    regions.putIfAbsent(region.name().toUpperCase(Locale.ROOT), Integer.valueOf(region.id()));
                }
            }
        }
        return Map.copyOf(regions);
    }
}
