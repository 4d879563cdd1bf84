package io.github.d365bridge.sandbox.d365.odata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.model.Field;

/** One item of {@code $orderby}: a property and its direction. */
record OrderKey(Field field, boolean descending) {

    /** Parses {@code Name [asc|desc], …}; unknown properties and other words are 400. */
    static List<OrderKey> parse(String text, EntitySchema schema) {
        List<OrderKey> keys = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String[] words = item.trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw ODataException.badRequest("Syntax error in $orderby '" + text + "'.");
            }
            Field field = schema.field(words[0])
                    .orElseThrow(() -> ODataException.unknownProperty(words[0], schema.qualifiedTypeName()));
            boolean descending = false;
            if (words.length == 2) {
                if (words[1].equals("desc")) {
                    descending = true;
                } else if (!words[1].equals("asc")) {
                    throw ODataException.badRequest("Syntax error in $orderby '" + text + "': expected asc or desc.");
                }
            }
            keys.add(new OrderKey(field, descending));
        }
        return keys;
    }

    static Comparator<Map<String, Object>> comparator(List<OrderKey> keys) {
        Comparator<Map<String, Object>> result = (a, b) -> 0;
        for (OrderKey key : keys) {
            Comparator<Map<String, Object>> one = Comparator.comparing(
                    row -> Values.comparable(key.field(), row.get(key.field().name())), Values.comparator());
            result = result.thenComparing(key.descending() ? one.reversed() : one);
        }
        return result;
    }
}
