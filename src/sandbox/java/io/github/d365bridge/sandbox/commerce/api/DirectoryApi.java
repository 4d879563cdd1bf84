package io.github.d365bridge.sandbox.commerce.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.ground.Json;
import io.github.d365bridge.sandbox.commerce.data.Directory;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;

/**
 * {@code GET /V1/directory/countries/{countryId}}: a country with its regions ({@code available_regions} only
 * for countries that have a list), as integrations read it to turn a region code into the {@code region_id}
 * addresses and companies must carry. Unknown countries answer Magento's 404.
 */
public final class DirectoryApi {

    static final String ACL = "Magento_Backend::store";

    public void register(RouteTable routes) {
        routes.add(new Route("GET", "/V1/directory/countries/{countryId}", ACL, List.of(), call -> {
            String country = call.path("countryId").toUpperCase(Locale.ROOT);
            if (!Directory.isCountry(country)) {
                throw CommerceException.named(404, "Requested country is not available.", Map.of());
            }
            ObjectNode answer = Json.mapper().createObjectNode().put("id", country)
                    .put("two_letter_abbreviation", country)
                    .put("three_letter_abbreviation", new Locale("", country).getISO3Country())
                    .put("full_name_locale", new Locale("", country).getDisplayCountry(Locale.US))
                    .put("full_name_english", new Locale("", country).getDisplayCountry(Locale.US));
            if (!Directory.regions(country).isEmpty()) {
                ArrayNode regions = answer.putArray("available_regions");
                Directory.regions(country).stream().sorted().forEach(id -> {
                    String code = Directory.regionCode(country, id).orElseThrow();
                    regions.addObject().put("id", String.valueOf(id)).put("code", code).put("name", code);
                });
            }
            return answer;
        }));
    }
}
