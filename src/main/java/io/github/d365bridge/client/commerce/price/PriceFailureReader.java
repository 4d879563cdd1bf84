package io.github.d365bridge.client.commerce.price;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceAnswers.UnexpectedAnswerException;
import io.github.d365bridge.client.commerce.PhraseRenderer;
import io.github.d365bridge.ground.Json;

/**
 * Reads the per-row failures of the bulk price APIs and ties each to the request rows it names.
 * Commerce builds them with named parameters ({@code SKU}, {@code websiteId}, {@code customerGroup},
 * {@code qty}, {@code storeId}) but its contract types {@code parameters} as a string list, so the
 * names are usually lost on the wire: the values then fill the phrase's named placeholders in order of
 * first appearance, which is the order Commerce added them in.
 */
final class PriceFailureReader {

    private static final Pattern NAMED = Pattern.compile("%([A-Za-z_][A-Za-z0-9_]*)");

    private PriceFailureReader() {
    }

    static <P extends PriceRow> PriceUpdateResult<P> read(JsonNode json, List<P> requested) {
        if (!json.isArray()) {
            throw new UnexpectedAnswerException("expected a list of row failures ([] on success), got "
                    + json.getNodeType());
        }
        List<PriceRowFailure> failures = new ArrayList<>();
        for (JsonNode failure : json) {
            if (!failure.isObject() || !failure.path("message").isTextual()) {
                throw new UnexpectedAnswerException("a row failure without a message");
            }
            String phrase = failure.get("message").asText();
            Map<String, String> named = namedParameters(phrase, failure.get("parameters"));
            String text = named.isEmpty() ? PhraseRenderer.render(phrase, failure.get("parameters"))
                    : PhraseRenderer.render(phrase, toObject(named));
            failures.add(new PriceRowFailure(rowsNamed(named, requested), text));
        }
        return new PriceUpdateResult<>(requested, failures);
    }

    /** Parameter name (lower case) to value, from an object or from a list matched to the phrase. */
    private static Map<String, String> namedParameters(String phrase, JsonNode parameters) {
        Map<String, String> named = new LinkedHashMap<>();
        if (parameters == null || parameters.isNull()) {
            return named;
        }
        if (parameters.isObject()) {
            parameters.fields().forEachRemaining(e -> named.put(e.getKey(), e.getValue().asText()));
            return named;
        }
        List<String> placeholders = new ArrayList<>();
        Matcher m = NAMED.matcher(phrase);
        while (m.find()) {
            if (!placeholders.contains(m.group(1))) {
                placeholders.add(m.group(1));
            }
        }
        if (!parameters.isArray() || placeholders.size() != parameters.size()) {
            return named;
        }
        for (int i = 0; i < placeholders.size(); i++) {
            named.put(placeholders.get(i), parameters.get(i).asText());
        }
        return named;
    }

    private static ObjectNode toObject(Map<String, String> named) {
        ObjectNode object = Json.mapper().createObjectNode();
        named.forEach(object::put);
        return object;
    }

    /** Rows whose SKU and every scope value the failure names are equal to the failure's. */
    private static List<Integer> rowsNamed(Map<String, String> named, List<? extends PriceRow> requested) {
        Map<String, String> keys = new LinkedHashMap<>();
        named.forEach((k, v) -> keys.put(k.toLowerCase(Locale.ROOT).replace("_", ""), v));
        if (keys.containsKey("quantity")) {
            keys.putIfAbsent("qty", keys.get("quantity"));
        }
        String sku = keys.get("sku");
        List<Integer> rows = new ArrayList<>();
        if (sku == null) {
            return rows;
        }
        for (int i = 0; i < requested.size(); i++) {
            PriceRow row = requested.get(i);
            if (row.sku().equals(sku) && scopeMatches(row.identity(), keys)) {
                rows.add(i);
            }
        }
        return rows;
    }

    private static boolean scopeMatches(Map<String, String> identity, Map<String, String> keys) {
        for (Map.Entry<String, String> id : identity.entrySet()) {
            String named = keys.get(id.getKey());
            if (named != null && !sameValue(id.getValue(), named)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(String ours, String theirs) {
        try {
            return new BigDecimal(ours).compareTo(new BigDecimal(theirs.trim())) == 0;
        } catch (NumberFormatException notNumbers) {
            return ours.equalsIgnoreCase(theirs.trim());
        }
    }
}
