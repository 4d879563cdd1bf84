package io.github.d365bridge.sandbox.commerce.http;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One call of a synchronous route, whether it came over HTTP or from the async bulk consumer: the
 * bulk consumer replays stored operations through the very same handlers.
 *
 * @param body request body with every object key already in snake_case
 */
public record ApiCall(String method, StoreScope store, Map<String, String> pathParams,
        Map<String, List<String>> query, JsonNode body) {

    public ApiCall {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        body = body == null ? MissingNode.getInstance() : body;
    }

    public String path(String name) {
        return pathParams.get(name);
    }

    /** A path parameter declared as an integer in the contract; Magento answers 400 otherwise. */
    public int pathInt(String name) {
        String value = pathParams.get(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw CommerceException.badRequest("The \"%1\" value's type is invalid. The \"%2\" type was expected. Verify and try again.",
                    value, "int");
        }
    }

    /** The body member a route needs ({@code customer}, {@code product} …), 400 when absent. */
    public JsonNode member(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            throw CommerceException.named(400, "\"%fieldName\" is required. Enter and try again.",
                    Map.of("fieldName", name));
        }
        return value;
    }
}
