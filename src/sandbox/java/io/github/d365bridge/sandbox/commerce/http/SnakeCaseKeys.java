package io.github.d365bridge.sandbox.commerce.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.ground.Json;

/**
 * Commerce's input processor maps {@code sourceItems} and {@code source_items} to the same setter,
 * so request bodies may use either; handlers then read one spelling only. A body that sends both
 * spellings of one key is refused rather than silently merged.
 */
public final class SnakeCaseKeys {

    private SnakeCaseKeys() {
    }

    public static String snake(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    public static JsonNode normalize(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode out = Json.mapper().createObjectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> field : fields) {
                String key = snake(field.getKey());
                if (out.has(key)) {
                    throw CommerceException.badRequest("Request body has both spellings of \"%1\"", key);
                }
                out.set(key, normalize(field.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.mapper().createArrayNode();
            node.forEach(element -> out.add(normalize(element)));
            return out;
        }
        return node;
    }
}
