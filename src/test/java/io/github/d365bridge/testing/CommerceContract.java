package io.github.d365bridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.QueryParam;
import io.github.d365bridge.sandbox.commerce.http.TrafficLog.Exchange;
import io.github.d365bridge.ground.Json;

/**
 * Adobe's admin-schema-2.4.8 (from {@code ../shared/contracts}) as a checker of recorded traffic:
 * every request and answer is validated against the file; async/bulk routes, which the file lacks,
 * against the API notes. Documented relaxations, each for a stated reason: request-body "required"
 * (Commerce generates it from non-nullable getters and does not enforce it on input); error
 * {@code parameters} given as an object (Commerce sends named placeholders as an object while the file
 * types a list of such objects); {@code "trace":null} (dropped); source-items' {@code []} (the file
 * declares no 200 answer for it); MSI's {@code %field} placeholder name; the {@code %value} placeholder of
 * Magento's "Invalid value of "%value" provided for the %fieldName field." (the file lists only
 * {@code resources}, {@code fieldName} and {@code fieldValue}); positional parameters, which Magento
 * sends as a list of strings for {@code %1}-style phrases while the file types a list of objects.
 */
public final class CommerceContract {

    private static final Pattern MSI_FIELD_PLACEHOLDER = Pattern.compile(
            "\\[Path '/errors/\\d+/parameters/0'\\] Object instance has properties which are not allowed by the schema: \\[\"field\"\\]");
    private static final Pattern VALUE_PLACEHOLDER = Pattern.compile(
            "\\[Path '(/errors/\\d+)?/parameters/0'\\] Object instance has properties which are not allowed by the schema: \\[\"value\"\\]");
    private static final Pattern POSITIONAL_PARAMETER = Pattern.compile(
            "\\[Path '(/errors/\\d+)?/parameters/\\d+'\\] Instance type \\((string|integer|number)\\) does not match any allowed"
                    + " primitive type \\(allowed: \\[\"object\"\\]\\)");

    private final OpenApiInteractionValidator validator;

    private CommerceContract(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    public static CommerceContract load() {
        return new CommerceContract(OpenApiInteractionValidator.createForInlineApiSpecification(spec())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.body.schema.required", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    /** The contract's text, with the one patch it needs to be parsed strictly. */
    static String spec() {
        Path file = Path.of("..", "shared", "contracts", "adobe-commerce", "admin-schema-2.4.8.yaml");
        try {
            // info.description is a $ref to a file that is not shipped: a plain string keeps the parser strict.
            String spec = Files.readString(file).replace("  description:\n    $ref: intro/redocly-intro.md",
                    "  description: Adobe Commerce admin REST API");
            if (spec.contains("redocly-intro.md")) {
                throw new IllegalStateException("the contract's description $ref was not patched");
            }
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException("The Commerce contract is read from " + file.toAbsolutePath(), e);
        }
    }

    /** Problems of one exchange; empty when it conforms. */
    public List<String> check(Exchange exchange) {
        String path = exchange.uri().getRawPath();
        List<String> problems = new ArrayList<>();
        if (path.contains("/async/")) {
            checkAsyncAgainstNotes(exchange, problems);
        } else if (path.endsWith("/V1/inventory/source-items") && exchange.status() == 200) {
            if (!"[]".equals(exchange.responseBody())) {
                problems.add("source-items success must be [] (notes), got " + exchange.responseBody());
            }
        } else if (exchange.status() >= 500 || exchange.status() == 429) {
            // Faults injected on purpose (proxy HTML, throttling): not answers of the API itself.
            return problems;
        } else {
            problems.addAll(validate(exchange));
        }
        return problems;
    }

    /** Problems of every exchange, and how many were checked against the file itself. */
    public List<String> checkAll(List<Exchange> exchanges) {
        List<String> problems = new ArrayList<>();
        exchanges.forEach(e -> problems.addAll(check(e)));
        return problems;
    }

    private List<String> validate(Exchange exchange) {
        String path = exchange.uri().getRawPath().replaceFirst("^/rest/(?:(?!V1/)[^/]+/)?V1/", "/rest/default/V1/");
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), path);
        for (QueryParam param : QueryParam.parse(exchange.uri().getRawQuery())) {
            request.withQueryParam(param.name(), param.value());
        }
        if (exchange.requestBody() != null) {
            request.withBody(exchange.requestBody()).withContentType("application/json");
        }
        SimpleResponse response = SimpleResponse.Builder.status(exchange.status()).withContentType("application/json")
                .withBody(normalizedError(exchange)).build();
        List<String> problems = new ArrayList<>();
        validator.validate(request.build(), response).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !MSI_FIELD_PLACEHOLDER.matcher(m.getMessage()).find())
                .filter(m -> !VALUE_PLACEHOLDER.matcher(m.getMessage()).find())
                .filter(m -> !POSITIONAL_PARAMETER.matcher(m.getMessage()).find())
                .forEach(m -> problems.add(exchange.method() + " " + exchange.uri().getPath() + " -> "
                        + exchange.status() + ": " + m.getKey() + " " + m.getMessage()));
        return problems;
    }

    private static String normalizedError(Exchange exchange) {
        if (exchange.status() < 400) {
            return exchange.responseBody();
        }
        ObjectNode error = (ObjectNode) json(exchange.responseBody());
        if (error.has("trace") && error.get("trace").isNull()) {
            error.remove("trace");
        }
        normalizeParameters(error);
        error.path("errors").forEach(e -> normalizeParameters((ObjectNode) e));
        return error.toString();
    }

    private static void normalizeParameters(ObjectNode error) {
        JsonNode parameters = error.get("parameters");
        if (parameters != null && parameters.isObject()) {
            ArrayNode list = Json.mapper().createArrayNode();
            list.add(parameters);
            error.set("parameters", list);
        }
    }

    private static void checkAsyncAgainstNotes(Exchange exchange, List<String> problems) {
        JsonNode body = json(exchange.responseBody());
        if (exchange.status() != 202 || !body.path("bulk_uuid").isTextual() || !body.path("errors").isBoolean()
                || !body.path("request_items").isArray()) {
            problems.add("async answer does not follow the notes: " + exchange.status() + " " + exchange.responseBody());
            return;
        }
        for (JsonNode item : body.get("request_items")) {
            boolean shaped = item.path("id").isInt() && item.path("data_hash").isTextual()
                    && List.of("accepted", "rejected").contains(item.path("status").asText())
                    && (item.path("status").asText().equals("accepted") || item.path("error_message").isTextual());
            if (!shaped) {
                problems.add("async request item does not follow the notes: " + item);
            }
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
