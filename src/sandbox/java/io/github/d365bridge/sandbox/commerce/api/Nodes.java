package io.github.d365bridge.sandbox.commerce.api;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.http.CommerceException;

/** Small readers for request bodies that answer Magento's errors instead of throwing Jackson's. */
final class Nodes {

    private Nodes() {
    }

    static ObjectNode object(JsonNode node, String name) {
        if (!(node instanceof ObjectNode object)) {
            throw CommerceException.named(400, "\"%fieldName\" is required. Enter and try again.", Map.of("fieldName", name));
        }
        return object.deepCopy();
    }

    static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw CommerceException.named(400, "\"%fieldName\" is required. Enter and try again.", Map.of("fieldName", field));
        }
        return value.asText();
    }

    static int intValue(JsonNode node, String field, int fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return fallback;
        }
        if (value.isIntegralNumber() || value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
            return value.asInt();
        }
        throw CommerceException.badRequest("The \"%1\" value's type is invalid. The \"%2\" type was expected. Verify and try again.",
                value.asText(), "int");
    }

    static double number(JsonNode node, String field, double fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        try {
            return Double.parseDouble(value.asText());
        } catch (NumberFormatException e) {
            throw CommerceException.badRequest("The \"%1\" value's type is invalid. The \"%2\" type was expected. Verify and try again.",
                    value.asText(), "float");
        }
    }

    /** {@code "%fieldName" is required. Enter and try again.}, the phrase of Magento's required-field checks. */
    static CommerceException required(String field) {
        return CommerceException.named(400, "\"%fieldName\" is required. Enter and try again.", Map.of("fieldName", field));
    }

    /** The field as text, null when absent, null or a JSON null; numbers as their text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    /** PHP's {@code empty()}: absent, null, "", "0", 0, false and [] are all empty. */
    static boolean empty(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return true;
        }
        if (value.isContainerNode()) {
            return value.isEmpty();
        }
        if (value.isBoolean()) {
            return !value.asBoolean();
        }
        String text = value.asText();
        return text.isEmpty() || text.equals("0") || value.isNumber() && value.asDouble() == 0;
    }

    static CommerceException noSuchEntity(String field, Object value) {
        return CommerceException.named(404, "No such entity with %fieldName = %fieldValue",
                ordered("fieldName", field, "fieldValue", String.valueOf(value)));
    }

    static CommerceException invalidValue(String field, Object value) {
        return CommerceException.named(400, "Invalid value of \"%value\" provided for the %fieldName field.",
                ordered("fieldName", field, "value", String.valueOf(value)));
    }

    /** Two named parameters in the order Magento's phrase lists them, so answers are byte-for-byte stable. */
    static Map<String, String> ordered(String name1, String value1, String name2, String value2) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put(name1, value1);
        parameters.put(name2, value2);
        return parameters;
    }
}
