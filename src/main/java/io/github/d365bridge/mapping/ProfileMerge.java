package io.github.d365bridge.mapping;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges an override profile over the default one: objects merge key by key (so an override names
 * only what differs, e.g. one store or one delivery mode), lists and values replace, and a key set to
 * null ({@code ~}) removes the default's entry (e.g. a default store the deployment does not have).
 */
final class ProfileMerge {

    private ProfileMerge() {
    }

    /** Merges {@code override} into a copy of {@code base}. */
    static ObjectNode merge(ObjectNode base, ObjectNode override) {
        ObjectNode result = base.deepCopy();
        mergeInto(result, override);
        return result;
    }

    private static void mergeInto(ObjectNode target, ObjectNode override) {
        Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && existing != null && existing.isObject()) {
                mergeInto((ObjectNode) existing, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }
}
