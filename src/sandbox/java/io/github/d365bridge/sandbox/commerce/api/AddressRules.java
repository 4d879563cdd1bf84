package io.github.d365bridge.sandbox.commerce.api;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.Directory;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.InputErrors;

/**
 * A customer address as Magento's address validators check it ({@code General}, then {@code Country}),
 * with a stock store's settings: telephone and postcode required (postcode not for the optional-zip
 * countries), company and fax optional. All problems of one address are reported together, Magento's
 * {@code InputException} way. Also fills the region object from the directory when the region id is
 * known, as Commerce answers it.
 */
final class AddressRules {

    private AddressRules() {
    }

    /**
     * Whether a new account keeps this address at all: {@code AccountManagement::createAccount} silently
     * skips addresses whose country the store does not allow, a missing one included.
     */
    static boolean allowedOnCreate(JsonNode address) {
        return Directory.isCountry(Nodes.text(address, "country_id"));
    }

    /** @throws CommerceException (400) naming every problem of the address */
    static void check(ObjectNode address) {
        InputErrors errors = new InputErrors();
        for (String field : new String[] {"firstname", "lastname"}) {
            if (blank(Nodes.text(address, field))) {
                errors.add(Nodes.required(field));
            }
        }
        JsonNode street = address.get("street");
        if (street == null || !street.isArray() || street.isEmpty() || blank(street.get(0).asText())) {
            errors.add(Nodes.required("street"));
        }
        if (blank(Nodes.text(address, "city"))) {
            errors.add(Nodes.required("city"));
        }
        if (blank(Nodes.text(address, "telephone"))) {
            errors.add(Nodes.required("telephone"));
        }
        String country = Nodes.text(address, "country_id");
        if (!Directory.OPTIONAL_ZIP.contains(country) && blank(Nodes.text(address, "postcode"))) {
            errors.add(Nodes.required("postcode"));
        }
        if (blank(country)) {
            errors.add(Nodes.required("countryId"));
        } else if (!Directory.isCountry(country)) {
            errors.add(invalid("countryId", country));
        } else {
            region(address, country, errors);
        }
        errors.throwIfAny();
    }

    private static void region(ObjectNode address, String country, InputErrors errors) {
        String regionId = regionId(address);
        Set<Integer> regions = Directory.regions(country);
        String regionText = address.path("region").isObject() ? Nodes.text(address.get("region"), "region")
                : Nodes.text(address, "region");
        boolean required = Directory.regionRequired(country);
        if (required && regions.isEmpty() && blank(regionText)) {
            errors.add(Nodes.required("region"));
        } else if (!regions.isEmpty() && blank(regionId) && required) {
            errors.add(Nodes.required("regionId"));
        } else if (!regions.isEmpty() && !blank(regionId) && !regions.contains(parse(regionId))) {
            errors.add(invalid("regionId", regionId));
        } else if (!blank(regionId)) {
            int id = parse(regionId);
            String code = Directory.regionCode(country, id).orElse(null);
            ObjectNode region = address.path("region").isObject() ? (ObjectNode) address.get("region") : address.putObject("region");
            region.put("region_id", id);
            if (code != null) {
                region.put("region_code", code);
                region.put("region", blank(Nodes.text(region, "region")) ? code : region.get("region").asText());
            }
            address.put("region_id", id);
        }
    }

    /** The address's top-level {@code region_id}, or the one inside its region object. */
    private static String regionId(ObjectNode address) {
        String top = Nodes.text(address, "region_id");
        if (!blank(top) && !"0".equals(top)) {
            return top;
        }
        JsonNode region = address.get("region");
        String inner = region != null && region.isObject() ? Nodes.text(region, "region_id") : null;
        return blank(inner) || "0".equals(inner) ? null : inner;
    }

    private static int parse(String regionId) {
        try {
            return Integer.parseInt(regionId.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static CommerceException invalid(String field, String value) {
        return Nodes.invalidValue(field, value);
    }
}
