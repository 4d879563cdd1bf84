package io.github.d365bridge.client.commerce;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.ground.Json;

/**
 * Readers of successful answers. Commerce answers some writes with bare values ({@code 42},
 * {@code true}, {@code []}, {@code "token"}); each reader checks the shape it was promised and throws
 * {@link UnexpectedAnswerException} otherwise, which the HTTP layer turns into a message naming the call.
 */
public final class CommerceAnswers {

    private CommerceAnswers() {
    }

    /** Reads one JSON answer; may throw {@link UnexpectedAnswerException} or Jackson's mapping errors. */
    @FunctionalInterface
    public interface AnswerReader<T> {
        T read(JsonNode json) throws JsonProcessingException;
    }

    /** The answer did not have the shape the endpoint documents. */
    public static final class UnexpectedAnswerException extends IllegalArgumentException {
        public UnexpectedAnswerException(String message) {
            super(message);
        }
    }

    public static <T> AnswerReader<T> as(Class<T> type) {
        return json -> {
            if (!json.isObject()) {
                throw new UnexpectedAnswerException("expected a JSON object, got " + json.getNodeType());
            }
            return Json.mapper().treeToValue(json, type);
        };
    }

    public static <T> AnswerReader<List<T>> listOf(Class<T> type) {
        return json -> {
            if (!json.isArray()) {
                throw new UnexpectedAnswerException("expected a JSON array, got " + json.getNodeType());
            }
            List<T> items = new ArrayList<>(json.size());
            for (JsonNode item : json) {
                items.add(Json.mapper().treeToValue(item, type));
            }
            return items;
        };
    }

    /** A bare integer id ({@code 42} or, from some versions, {@code "42"}). */
    public static AnswerReader<Long> id() {
        return json -> {
            if (json.canConvertToExactIntegral() || json.isIntegralNumber()) {
                return json.asLong();
            }
            if (json.isTextual() && json.asText().matches("\\d{1,18}")) {
                return Long.parseLong(json.asText());
            }
            throw new UnexpectedAnswerException("expected a bare integer id, got " + json.getNodeType());
        };
    }

    public static AnswerReader<Boolean> isTrue() {
        return json -> {
            if (!json.isBoolean() || !json.asBoolean()) {
                throw new UnexpectedAnswerException("expected true, got " + describe(json));
            }
            return Boolean.TRUE;
        };
    }

    /** Void operations (source-item saves) answer {@code []}. */
    public static AnswerReader<Void> emptyArray() {
        return json -> {
            if (!json.isArray() || !json.isEmpty()) {
                throw new UnexpectedAnswerException("expected [], got " + describe(json));
            }
            return null;
        };
    }

    /** A JSON string literal. The value may be a secret (admin token): never echoed in a failure. */
    public static AnswerReader<String> string() {
        return json -> {
            if (!json.isTextual()) {
                throw new UnexpectedAnswerException("expected a JSON string, got " + json.getNodeType());
            }
            return json.asText();
        };
    }

    public static String describe(JsonNode json) {
        return json.isContainerNode() ? json.getNodeType() + " of " + json.size() : json.getNodeType().toString();
    }
}
