package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.github.d365bridge.sandbox.commerce.api.OrderApi;

/**
 * The sandbox refuses order writes without exactly the fields Adobe's file requires: its lists are
 * compared with the required fields read from the file, so neither can drift from the other.
 */
class RequiredFieldsContractTest {

    private static JsonNode contract;

    @BeforeAll
    static void read() throws IOException {
        contract = new YAMLMapper().readTree(Files.readString(
                Path.of("..", "shared", "contracts", "adobe-commerce", "admin-schema-2.4.8.yaml")));
    }

    @Test
    void orderSaveAndCommentRequireWhatTheContractRequires() {
        assertThat(OrderApi.SAVE_REQUIRED.paths()).containsExactlyInAnyOrderElementsOf(required("/V1/orders", "post"));
        assertThat(OrderApi.COMMENT_REQUIRED.paths())
                .containsExactlyInAnyOrderElementsOf(required("/V1/orders/{id}/comments", "post"));
    }

    /** Required body fields of a route, snake_case as the sandbox sees them ({@code statusHistory} too). */
    private static List<String> required(String path, String method) {
        JsonNode body = null;
        for (JsonNode parameter : contract.path("paths").path(path).path(method).path("parameters")) {
            if (parameter.path("in").asText().equals("body")) {
                body = parameter.get("schema");
            }
        }
        List<String> paths = new ArrayList<>();
        collect(body, "", paths);
        return paths;
    }

    private static void collect(JsonNode schema, String prefix, List<String> paths) {
        schema = resolve(schema);
        for (JsonNode name : schema.path("required")) {
            String field = name.asText().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
            String here = prefix + field;
            paths.add(here);
            JsonNode property = resolve(schema.path("properties").path(name.asText()));
            if (property.path("type").asText().equals("array")) {
                collect(property.path("items"), here + "[].", paths);
            } else if (property.has("properties")) {
                collect(property, here + ".", paths);
            }
        }
    }

    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : contract.path("definitions").path(ref.substring("#/definitions/".length()));
    }
}
