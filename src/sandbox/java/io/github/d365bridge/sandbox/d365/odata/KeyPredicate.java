package io.github.d365bridge.sandbox.d365.odata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.model.Field;
import io.github.d365bridge.sandbox.d365.model.FieldKind;

/**
 * The key segment of an entity URL, {@code (dataAreaId='usmf',CustomerAccount='O''Neil')}: every key
 * named (or one bare value for a single-key entity), strings quoted with {@code ''} for a quote,
 * integers bare. Values are kept exactly, spaces included.
 */
final class KeyPredicate {

    private KeyPredicate() {
    }

    /** Key values in the schema's key order; {@code text} is what is inside the parentheses. */
    static List<Object> parse(String text, EntitySchema schema) {
        Map<String, Object> named = new LinkedHashMap<>();
        List<Object> bare = new ArrayList<>();
        int pos = 0;
        while (pos <= text.length()) {
            int eq = nameEnd(text, pos);
            String name = null;
            if (eq > 0) {
                name = text.substring(pos, eq).trim();
                pos = eq + 1;
            }
            int[] end = new int[1];
            String raw = value(text, pos, end);
            pos = end[0];
            if (name == null) {
                bare.add(raw);
            } else if (named.put(name, raw) != null) {
                throw mismatch(schema);
            }
            if (pos >= text.length()) {
                break;
            }
            if (text.charAt(pos) != ',') {
                throw ODataException.badRequest("Bad Request - Error in query syntax: key segment '(" + text + ")'.");
            }
            pos++;
        }
        List<String> keys = schema.keys();
        if (!bare.isEmpty() && (!named.isEmpty() || keys.size() != 1 || bare.size() != 1)) {
            throw mismatch(schema);
        }
        if (!bare.isEmpty()) {
            named.put(keys.get(0), bare.get(0));
        }
        if (named.size() != keys.size() || !named.keySet().containsAll(keys)) {
            throw mismatch(schema);
        }
        List<Object> values = new ArrayList<>();
        for (String key : keys) {
            values.add(typed(schema.field(key).orElseThrow(), (String) named.get(key)));
        }
        return values;
    }

    /** Position of the {@code =} of {@code name=} at {@code pos}, or -1 when the value is bare. */
    private static int nameEnd(String text, int pos) {
        for (int i = pos; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                return i;
            }
            if (c == '\'' || c == ',') {
                return -1;
            }
        }
        return -1;
    }

    /** The raw value at pos: a quoted string keeps its quotes so typing can tell it from a number. */
    private static String value(String text, int pos, int[] end) {
        if (pos < text.length() && text.charAt(pos) == '\'') {
            StringBuilder value = new StringBuilder("'");
            int i = pos + 1;
            while (i < text.length()) {
                char c = text.charAt(i++);
                if (c == '\'') {
                    if (i < text.length() && text.charAt(i) == '\'') {
                        value.append('\'');
                        i++;
                    } else {
                        end[0] = i;
                        return value.append('\'').toString();
                    }
                } else {
                    value.append(c);
                }
            }
            throw ODataException.badRequest("Bad Request - Error in query syntax: unterminated string in key.");
        }
        int i = pos;
        while (i < text.length() && text.charAt(i) != ',') {
            i++;
        }
        end[0] = i;
        return text.substring(pos, i).trim();
    }

    private static Object typed(Field field, String raw) {
        boolean quoted = raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'");
        if (field.kind() == FieldKind.STRING && quoted) {
            return raw.substring(1, raw.length() - 1);
        }
        if ((field.kind() == FieldKind.INT64 || field.kind() == FieldKind.INT32) && !quoted) {
            try {
                return Long.parseLong(raw);
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw ODataException.badRequest("The key value (" + raw + ") from request is not valid. The key value should"
                + " be format of type '" + field.typeName() + "'.");
    }

    private static ODataException mismatch(EntitySchema schema) {
        return ODataException.badRequest("The number of keys specified in the URI does not match number of key"
                + " properties for the resource '" + schema.qualifiedTypeName() + "'. Keys: "
                + Arrays.toString(schema.keys().toArray()));
    }

    /** The key segment for a row, as D365 writes it in Location headers. */
    static String format(EntitySchema schema, Map<String, Object> row) {
        StringBuilder text = new StringBuilder("(");
        for (String key : schema.keys()) {
            if (text.length() > 1) {
                text.append(',');
            }
            Object value = row.get(key);
            text.append(key).append('=');
            text.append(value instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(value));
        }
        return text.append(')').toString();
    }
}
