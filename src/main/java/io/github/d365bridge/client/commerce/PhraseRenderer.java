package io.github.d365bridge.client.commerce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fills the placeholders of a Commerce error phrase the way Magento's Placeholder renderer does
 * ({@code strtr}): {@code %name} from a parameters object, {@code %1}, {@code %2}... from a parameters
 * list (list index 0 is {@code %1}; an integer key {@code n} of an object is {@code %(n+1)}), the
 * longest placeholder wins at each position and replaced text is not scanned again.
 */
public final class PhraseRenderer {

    private PhraseRenderer() {
    }

    public static String render(String phrase, JsonNode parameters) {
        if (phrase == null) {
            return "";
        }
        Map<String, String> replacements = placeholders(parameters);
        if (replacements.isEmpty() || phrase.indexOf('%') < 0) {
            return phrase;
        }
        List<String> keys = new ArrayList<>(replacements.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder out = new StringBuilder(phrase.length() + 32);
        int i = 0;
        outer:
        while (i < phrase.length()) {
            if (phrase.charAt(i) == '%') {
                for (String key : keys) {
                    if (phrase.startsWith(key, i)) {
                        out.append(replacements.get(key));
                        i += key.length();
                        continue outer;
                    }
                }
            }
            out.append(phrase.charAt(i++));
        }
        return out.toString();
    }

    private static Map<String, String> placeholders(JsonNode parameters) {
        Map<String, String> result = new LinkedHashMap<>();
        if (parameters == null) {
            return result;
        }
        if (parameters.isArray()) {
            for (int i = 0; i < parameters.size(); i++) {
                result.put("%" + (i + 1), text(parameters.get(i)));
            }
        } else if (parameters.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                result.put("%" + placeholderName(field.getKey()), text(field.getValue()));
            }
        }
        return result;
    }

    /** PHP turns numeric string keys into integers, and the renderer shifts integer keys by one. */
    private static String placeholderName(String key) {
        if (key.matches("0|[1-9][0-9]{0,8}")) {
            return Integer.toString(Integer.parseInt(key) + 1);
        }
        return key;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(text(v)));
            return String.join(", ", parts);
        }
        return value.toString();
    }
}
