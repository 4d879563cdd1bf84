package io.github.d365bridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.PercentEncoding;
import io.github.d365bridge.client.commerce.QueryParam;
import io.github.d365bridge.sandbox.commerce.http.TrafficLog.Exchange;
import io.github.d365bridge.ground.Json;

/**
 * Adobe's admin-schema-2.4.8 as a strict checker of the requests a client sent: method, path, query and
 * body, with the body's {@code required} fields enforced (unlike {@link CommerceContract}, which checks
 * whole conversations and tolerates what Commerce tolerates on input). The only allowances, each for a
 * stated reason: the file's {@code api_key} security scheme is not what Commerce uses (the bridge signs
 * with OAuth 1.0a or sends a bearer); the file lists each searchCriteria key once, with index 0 and in
 * camelCase, while Commerce reads any index and snake_case too; async bulk routes are not in the file,
 * so each element of a bulk is checked as the synchronous request it stands for (the API notes, §6);
 * a company's {@code reject_reason} and {@code rejected_at}, which the file requires although only a
 * rejection sets them (a client cannot truthfully send them for a company that was never rejected, and
 * an empty {@code rejected_at} would be stored as a time).
 */
public final class CommerceRequestContract {

    private static final Pattern BULK = Pattern.compile("^/rest/([^/]+)/async/bulk/(V1/.*)$");
    private static final Pattern ASYNC = Pattern.compile("^/rest/([^/]+)/async/(V1/.*)$");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    private static final Pattern SNAKE = Pattern.compile("_([a-z])");
    private static final String COMPANY_REJECTION_ONLY = "[Path '/company'] Object has missing required properties "
            + "([\"reject_reason\",\"rejected_at\"])";

    private final OpenApiInteractionValidator validator;

    private CommerceRequestContract(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    public static CommerceRequestContract load() {
        return new CommerceRequestContract(OpenApiInteractionValidator.createForInlineApiSpecification(
                CommerceContract.spec())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    /** Every violation of every request, each naming method, path and the rule broken. */
    public List<String> checkAll(List<Exchange> exchanges) {
        List<String> problems = new ArrayList<>();
        exchanges.forEach(e -> problems.addAll(check(e)));
        return problems;
    }

    public List<String> check(Exchange exchange) {
        String path = exchange.uri().getRawPath();
        Matcher bulk = BULK.matcher(path);
        if (bulk.matches()) {
            return checkBulk(exchange, bulk.group(1), bulk.group(2));
        }
        Matcher async = ASYNC.matcher(path);
        String syncPath = async.matches() ? "/rest/" + async.group(1) + "/" + async.group(2) : path;
        return validate(exchange.method(), syncPath, exchange.uri().getRawQuery(), exchange.requestBody());
    }

    private List<String> checkBulk(Exchange exchange, String store, String route) {
        JsonNode bodies = json(exchange.requestBody());
        if (!bodies.isArray()) {
            return List.of(exchange.method() + " " + exchange.uri().getPath() + ": a bulk body must be an array");
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode body : bodies) {
            ObjectNode element = body.deepCopy();
            StringBuilder syncPath = new StringBuilder("/rest/").append(store);
            for (String segment : route.split("/")) {
                syncPath.append('/').append(pathValue(segment, element));
            }
            problems.addAll(validate(exchange.method(), syncPath.toString(), null, element.toString()));
        }
        return problems;
    }

    /** A {@code by<Param>} segment takes the element's {@code param} value, which leaves the body. */
    private static String pathValue(String segment, ObjectNode element) {
        if (!segment.matches("by[A-Z]\\w*")) {
            return segment;
        }
        String name = segment.substring(2, 3).toLowerCase(Locale.ROOT) + segment.substring(3);
        JsonNode value = element.remove(name);
        return value == null ? segment : PercentEncoding.encode(value.asText());
    }

    /**
     * The file lists each searchCriteria key once, so several filters or sort orders would read as one
     * key given twice: each repeated key goes into a further request of its own, and every one of them
     * is validated (the first with the body).
     */
    private List<String> validate(String method, String rawPath, String rawQuery, String body) {
        String path = rawPath.replaceFirst("^/rest/(?:(?!V1/)[^/]+/)?V1/", "/rest/default/V1/");
        List<Map<String, String>> queries = new ArrayList<>();
        queries.add(new LinkedHashMap<>());
        for (QueryParam param : QueryParam.parse(rawQuery)) {
            String name = asListedInContract(param.name());
            Map<String, String> free = queries.stream().filter(q -> !q.containsKey(name)).findFirst().orElseGet(() -> {
                queries.add(new LinkedHashMap<>());
                return queries.get(queries.size() - 1);
            });
            free.put(name, param.value());
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
            queries.get(i).forEach(request::withQueryParam);
            if (body != null && i == 0) {
                request.withBody(body).withContentType("application/json");
            }
            validator.validateRequest(request.build()).getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .filter(m -> !m.getMessage().equals(COMPANY_REJECTION_ONLY))
                    .forEach(m -> problems.add(method + " " + rawPath + ": " + m.getKey() + " " + m.getMessage()));
        }
        return problems;
    }

    /** {@code searchCriteria[filter_groups][3][filters][1][condition_type]} as the file lists it. */
    static String asListedInContract(String name) {
        if (!name.startsWith("searchCriteria[")) {
            return name;
        }
        String indexed = INDEX.matcher(name).replaceAll("[0]");
        return SNAKE.matcher(indexed).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
