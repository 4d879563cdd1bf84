package io.github.d365bridge.sandbox.d365.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.model.Field;

/**
 * The query options of one collection read, parsed and checked against the entity.
 *
 * @param filter       null for none
 * @param select       null for all fields
 * @param orderBy      empty for the default (key) order
 * @param top          null for no limit
 * @param skip         rows to skip
 * @param count        {@code $count=true}
 * @param crossCompany {@code cross-company=true}
 * @param skipToken    the continuation of a previous page, or null
 */
record QueryOptions(FilterNode filter, List<Field> select, List<OrderKey> orderBy, Integer top, int skip,
        boolean count, boolean crossCompany, String skipToken) {

    private static final Set<String> UNSUPPORTED = Set.of("$search", "$apply", "$compute", "$levels", "$index");

    static QueryOptions parse(Map<String, String> params, EntitySchema schema) {
        for (String name : params.keySet()) {
            if (name.startsWith("$") && !Set.of("$filter", "$select", "$orderby", "$top", "$skip", "$count",
                    "$skiptoken", "$format", "$expand").contains(name)) {
                throw ODataException.badRequest(UNSUPPORTED.contains(name)
                        ? "The query parameter '" + name + "' is not supported."
                        : "The query parameter '" + name + "' is not supported or not valid.");
            }
        }
        if (params.containsKey("$expand")) {
            // D365 entities have navigation properties; the sandbox models none of them
            String first = params.get("$expand").split("[,(/]")[0].trim();
            throw ODataException.unknownProperty(first, schema.qualifiedTypeName());
        }
        String filterText = params.get("$filter");
        FilterNode filter = filterText == null || filterText.isBlank() ? null : FilterParser.parse(filterText, schema);
        String orderText = params.get("$orderby");
        List<OrderKey> orderBy = orderText == null || orderText.isBlank() ? List.of() : OrderKey.parse(orderText, schema);
        return new QueryOptions(filter, select(params.get("$select"), schema), orderBy,
                integer(params, "$top"), integer(params, "$skip") == null ? 0 : integer(params, "$skip"),
                bool(params, "$count"), "true".equalsIgnoreCase(params.get("cross-company")), params.get("$skiptoken"));
    }

    static List<Field> select(String text, EntitySchema schema) {
        if (text == null || text.isBlank() || text.trim().equals("*")) {
            return null;
        }
        List<Field> fields = new ArrayList<>();
        for (String name : text.split(",")) {
            String trimmed = name.trim();
            fields.add(schema.field(trimmed)
                    .orElseThrow(() -> ODataException.unknownProperty(trimmed, schema.qualifiedTypeName())));
        }
        return fields;
    }

    private static Integer integer(Map<String, String> params, String name) {
        String text = params.get(name);
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ODataException.badRequest("Invalid value '" + text + "' for " + name
                    + " query option found. The " + name + " query option requires a non-negative integer value.");
        }
    }

    private static boolean bool(Map<String, String> params, String name) {
        String text = params.get(name);
        if (text == null) {
            return false;
        }
        if (!text.equals("true") && !text.equals("false")) {
            throw ODataException.badRequest("'" + text + "' is not a valid count option.");
        }
        return text.equals("true");
    }
}
