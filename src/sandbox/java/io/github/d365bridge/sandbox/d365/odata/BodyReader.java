package io.github.d365bridge.sandbox.d365.odata;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.model.Field;

/**
 * Reads the JSON body of a POST or PATCH into typed values, refusing what ODL refuses: unknown
 * properties, nulls for non-nullable properties, values of the wrong JSON type, unknown enum members.
 * Instance annotations ({@code @odata.etag} and the like) are ignored.
 */
final class BodyReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BodyReader() {
    }

    static Map<String, Object> read(String body, EntitySchema schema) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw ODataException.badRequest("The request body is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ODataException.badRequest("The request body must be a JSON object (an entity).");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            if (name.startsWith("@") || name.contains("@odata.")) {
                continue;
            }
            Field field = schema.field(name).orElseThrow(() -> ODataException.badRequest("The property '" + name
                    + "' does not exist on type '" + schema.qualifiedTypeName() + "'. Make sure to only use property"
                    + " names that are defined by the type or mark the type as open type."));
            values.put(name, value(field, entry.getValue()));
        }
        return values;
    }

    private static Object value(Field field, JsonNode node) {
        if (node.isNull()) {
            String type = field.typeName() + "[Nullable=False]";
            throw ODataException.badRequest("A null value was found for the property named '" + field.name()
                    + "', which has the expected type '" + type + "'. The expected type '" + type
                    + "' does not allow null values.");
        }
        switch (field.kind()) {
            case STRING -> {
                if (node.isTextual()) {
                    return node.textValue();
                }
            }
            case DECIMAL -> {
                if (node.isNumber()) {
                    return node.decimalValue();
                }
            }
            case INT32, INT64 -> {
                if (node.isIntegralNumber()) {
                    return node.longValue();
                }
            }
            case DATETIME, DATE -> {
                if (node.isTextual()) {
                    return temporal(field, node.textValue());
                }
            }
            case ENUM -> {
                if (node.isTextual()) {
                    if (!field.enumType().hasMember(node.textValue())) {
                        throw ODataException.badRequest("The value '" + node.textValue() + "' is not a valid member"
                                + " of enum type '" + field.enumType().qualifiedName() + "'.");
                    }
                    return node.textValue();
                }
            }
            default -> {
            }
        }
        throw ODataException.badRequest("Cannot convert the literal '" + node + "' to the expected type '"
                + field.typeName() + "'.");
    }

    private static Object temporal(Field field, String text) {
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            if (field.kind() == io.github.d365bridge.sandbox.d365.model.FieldKind.DATE) {
                // a day; 1900-01-01 at any time is the empty date (sent as T00:00:00Z or T12:00:00Z)
                java.time.LocalDate day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
                return day.equals(Values.EMPTY_DAY) ? null : day;
            }
            return instant.equals(Values.EMPTY_DATE) ? null : instant;
        } catch (DateTimeParseException e) {
            throw ODataException.badRequest("Cannot convert the literal '" + text + "' to the expected type '"
                    + field.typeName() + "'.");
        }
    }
}
