package io.github.d365bridge.sandbox.commerce.bulk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.faults.SandboxFaults;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.sandbox.commerce.http.SnakeCaseKeys;
import io.github.d365bridge.sandbox.commerce.http.StoreScope;
import io.github.d365bridge.ground.Json;

/**
 * Accepts {@code /async/V1/…} and {@code /async/bulk/V1/…} calls: each element becomes a queued
 * operation, answered at once with 202 and {@code request_items}. Elements that cannot be turned
 * into a call of the sync route (not an object, a {@code by<Param>} value or a required member
 * missing) are rejected on the spot, stored with status 5, and flagged with {@code errors: true}.
 */
public final class AsyncBulkApi {

    /** Commerce's input limit for async requests, applied only when input limits are on. */
    public static final int MAX_ASYNC_ITEMS = 5000;

    private final BulkStore store;
    private final SandboxFaults faults;
    private final boolean inputLimits;
    private final Supplier<String> now;

    public AsyncBulkApi(BulkStore store, SandboxFaults faults, boolean inputLimits, Supplier<String> now) {
        this.store = store;
        this.faults = faults;
        this.inputLimits = inputLimits;
        this.now = now;
    }

    public ObjectNode accept(RouteTable.BulkMatch match, StoreScope scope, JsonNode rawBody, boolean bulk) {
        List<JsonNode> elements = new ArrayList<>();
        if (bulk) {
            if (rawBody == null || !rawBody.isArray()) {
                throw CommerceException.badRequest("The request body of a bulk call must be a JSON array of requests.");
            }
            rawBody.forEach(elements::add);
        } else {
            elements.add(rawBody);
        }
        if (inputLimits && elements.size() > MAX_ASYNC_ITEMS) {
            throw CommerceException.positional(400, "Maximum items of type \"%1\" is %2", "request", MAX_ASYNC_ITEMS);
        }
        String uuid = UUID.randomUUID().toString();
        Route route = match.route();
        String topic = topic(route);
        List<BulkOperation> operations = new ArrayList<>();
        ObjectNode answer = Json.mapper().createObjectNode().put("bulk_uuid", uuid);
        ArrayNode items = answer.putArray("request_items");
        boolean errors = false;
        for (int i = 0; i < elements.size(); i++) {
            JsonNode raw = elements.get(i);
            String request = raw == null ? "null" : raw.toString();
            String hash = sha256(envelope(request));
            ObjectNode item = items.addObject().put("id", i).put("data_hash", hash);
            String problem = problem(raw, match.paramNames(), route);
            if (problem != null) {
                errors = true;
                item.put("status", "rejected").put("error_message", problem).put("error_code", 0);
                BulkOperation rejected = new BulkOperation(i, uuid, topic, request, route, scope, Map.of(), null,
                        BulkOperation.REJECTED);
                rejected.resultMessage = problem;
                operations.add(rejected);
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            match.paramNames().forEach(name -> params.put(name, raw.get(name).asText()));
            operations.add(new BulkOperation(i, uuid, topic, request, route, scope, params,
                    faults.bulkItemFailure(i, raw).orElse(null), BulkOperation.OPEN));
            item.put("status", "accepted");
        }
        answer.put("errors", errors);
        operations.forEach(op -> op.batchSize = elements.size());
        store.add(new BulkStore.Bulk(uuid, "Topic " + topic, now.get(), operations));
        return answer;
    }

    private static String problem(JsonNode raw, List<String> paramNames, Route route) {
        if (raw == null || !raw.isObject()) {
            return "Each request of the bulk must be a JSON object.";
        }
        for (String name : paramNames) {
            JsonNode value = raw.get(name);
            if (value == null || value.isNull() || value.asText().isBlank()) {
                return "\"" + name + "\" is required. Enter and try again.";
            }
        }
        JsonNode body = SnakeCaseKeys.normalize(raw);
        for (String key : route.requiredBodyKeys()) {
            if (!body.hasNonNull(key)) {
                return "\"" + key + "\" is required. Enter and try again.";
            }
        }
        return null;
    }

    /** Commerce keeps the request as {@code meta_information} of a small JSON envelope. */
    private static String envelope(String request) {
        ObjectNode envelope = Json.mapper().createObjectNode().putNull("entity_id").put("entity_link", "")
                .put("meta_information", request);
        return envelope.toString();
    }

    /** Commerce's topics name the service method; the sandbox names the route instead. */
    private static String topic(Route route) {
        return "async." + route.template().substring(1).replaceAll("[{}]", "").replace('/', '.').toLowerCase(Locale.ROOT)
                + "." + route.method().toLowerCase(Locale.ROOT);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
