package io.github.d365bridge.flow.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SHA-256 (first 128 bits, base64url) of a payload in canonical form: object members sorted by name, so the
 * same content hashes the same whatever order the mapper built it in. 128 bits make an accidental collision
 * between two versions of one record (the only comparison that matters) practically impossible.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String type, JsonNode payload) {
        StringBuilder canonical = new StringBuilder(256).append(type).append('\u0000');
        append(canonical, payload);
        return ofText(canonical.toString());
    }

    static String ofText(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void append(StringBuilder out, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                fields.add(it.next());
            }
            fields.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (Map.Entry<String, JsonNode> field : fields) {
                out.append(quote(field.getKey())).append(':');
                append(out, field.getValue());
                out.append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (JsonNode element : node) {
                append(out, element);
                out.append(',');
            }
            out.append(']');
        } else if (node.isTextual()) {
            out.append(quote(node.textValue()));
        } else if (node.isNumber()) {
            // 10, 10.0 and 1E1 are one amount: compare numbers by value
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            out.append(node.asText());
        }
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
