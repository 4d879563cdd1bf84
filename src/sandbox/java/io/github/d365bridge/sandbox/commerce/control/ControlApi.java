package io.github.d365bridge.sandbox.commerce.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.bulk.BulkConsumer;
import io.github.d365bridge.sandbox.commerce.bulk.BulkStore;
import io.github.d365bridge.sandbox.commerce.http.CallStats;
import io.github.d365bridge.sandbox.commerce.http.Latency;
import io.github.d365bridge.sandbox.commerce.http.LatencyModel;
import io.github.d365bridge.sandbox.commerce.http.WorkerPool;
import io.github.d365bridge.sandbox.commerce.faults.FaultKind;
import io.github.d365bridge.sandbox.commerce.faults.FaultRule;
import io.github.d365bridge.sandbox.commerce.faults.SandboxFaults;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.Responses;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderGenerator;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;
import io.github.d365bridge.ground.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /_sandbox/…}: what a test or an operator of the local run changes from outside the JVM.
 * Public keys are open (they stand in for Adobe's public key host); everything else needs the
 * control key in {@code x-sandbox-key}.
 */
public final class ControlApi {

    public static final String KEY_HEADER = "x-sandbox-key";

    private final String controlKey;
    private final SandboxFaults faults;
    private final OrderGenerator orders;
    private final BulkConsumer consumer;
    private final Map<String, String> publicKeys;
    private final Serving serving;

    /** How the store serves calls: latency, PHP workers, call counters and the bulk queue. */
    public record Serving(LatencyModel latency, WorkerPool workers, CallStats stats, BulkStore bulks) {
    }

    public ControlApi(String controlKey, SandboxFaults faults, OrderGenerator orders, BulkConsumer consumer,
            Map<String, String> publicKeys, Serving serving) {
        this.controlKey = controlKey;
        this.faults = faults;
        this.orders = orders;
        this.consumer = consumer;
        this.publicKeys = Map.copyOf(publicKeys);
        this.serving = serving;
    }

    public void handle(RoutingContext ctx) {
        String path = ctx.request().path().substring("/_sandbox".length());
        String method = ctx.request().method().name();
        try {
            if (path.startsWith("/keys/") && method.equals("GET")) {
                String pem = publicKeys.get(path.substring("/keys".length()));
                if (pem == null) {
                    throw CommerceException.of(404, "No such key");
                }
                ctx.response().putHeader("Content-Type", "application/x-pem-file").end(pem);
                return;
            }
            String key = ctx.request().getHeader(KEY_HEADER);
            if (key == null || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), controlKey.getBytes(StandardCharsets.UTF_8))) {
                throw CommerceException.of(401, "Control key missing or wrong (header " + KEY_HEADER + ")");
            }
            // a GET without body has no buffer at all (length -1), not an empty one
            JsonNode body = ctx.body() == null || ctx.body().length() <= 0 ? Json.mapper().createObjectNode()
                    : Json.mapper().readTree(ctx.body().asString());
            Responses.json(ctx, 200, route(method, path, body));
        } catch (CommerceException e) {
            Responses.error(ctx, e);
        } catch (java.io.IOException | RuntimeException e) {
            Responses.error(ctx, CommerceException.badRequest("Control request refused: " + e.getMessage()));
        }
    }

    private JsonNode route(String method, String path, JsonNode body) {
        switch (method + " " + path) {
            case "GET /faults" -> {
                return state();
            }
            case "POST /faults" -> {
                for (JsonNode rule : body.path("rules")) {
                    faults.add(new FaultRule(rule.path("route").asText("*"), FaultKind.valueOf(rule.path("kind").asText()),
                            rule.path("percent").asInt(100), rule.path("times").asInt(-1),
                            Duration.ofMillis(rule.path("latencyMs").asLong(0)),
                            rule.hasNonNull("retryAfterSeconds") ? rule.get("retryAfterSeconds").asInt() : null));
                }
                faults.failBulkItems(SandboxFaults.BulkFailure.RETRIABLE, ints(body.path("bulkRetriable")));
                faults.failBulkItems(SandboxFaults.BulkFailure.PERMANENT, ints(body.path("bulkPermanent")));
                for (JsonNode where : body.path("bulkFailWhere")) {
                    faults.failBulkOperationsWhere(where.path("pointer").asText(), where.path("value").asText(),
                            SandboxFaults.BulkFailure.valueOf(where.path("kind").asText("PERMANENT")));
                }
                List<String> skus = new ArrayList<>();
                body.path("tierPriceFailSkus").forEach(s -> skus.add(s.asText()));
                faults.failTierPriceRows(skus);
                return state();
            }
            case "DELETE /faults" -> {
                faults.clear();
                return state();
            }
            case "GET /injected" -> {
                return Json.mapper().valueToTree(faults.injected());
            }
            case "POST /outage" -> {
                faults.outage().schedule(java.time.Instant.now().plusMillis(body.path("startInMs").asLong(0)),
                        Duration.ofMillis(body.path("lengthMs").asLong()));
                return state();
            }
            case "POST /bulk/pause" -> {
                consumer.pause(body.path("paused").asBoolean(true));
                return bulkState();
            }
            case "GET /bulk" -> {
                return bulkState();
            }
            case "GET /stats" -> {
                return stats();
            }
            case "DELETE /stats" -> {
                serving.stats().reset();
                serving.workers().resetUsage();
                return stats();
            }
            case "GET /latency" -> {
                return latency();
            }
            case "POST /latency" -> {
                if (body.has("fixedMs") || body.has("perItemMicros")) {
                    serving.latency().defaults(Latency.of(body.path("fixedMs").asLong(0), body.path("perItemMicros").asLong(0)));
                }
                for (JsonNode route : body.path("routes")) {
                    serving.latency().route(route.path("route").asText(),
                            Latency.of(route.path("fixedMs").asLong(0), route.path("perItemMicros").asLong(0)));
                }
                if (body.has("workers")) {
                    serving.workers().size(body.path("workers").asInt());
                }
                return latency();
            }
            case "DELETE /latency" -> {
                serving.latency().clear();
                return latency();
            }
            case "POST /orders" -> {
                DeliveryPolicy policy = new DeliveryPolicy(body.path("copies").asInt(1), body.path("outOfOrder").asBoolean(false),
                        body.path("neverDeliverPercent").asInt(0), body.path("webhook").asBoolean(true),
                        body.path("ioEvents").asBoolean(true));
                ObjectNode answer = Json.mapper().createObjectNode();
                ArrayNode placed = answer.putArray("orders");
                orders.place(body.path("count").asInt(1), OrderKind.valueOf(body.path("kind").asText("MIXED")),
                        body.path("configurable").asBoolean(false), policy)
                        .forEach(o -> placed.addObject().put("entity_id", o.get("entity_id").asInt())
                                .put("increment_id", o.get("increment_id").asText()));
                return answer;
            }
            default -> throw CommerceException.of(404, "Unknown sandbox control route " + method + " " + path);
        }
    }

    private ObjectNode bulkState() {
        return Json.mapper().createObjectNode().put("paused", consumer.paused())
                .put("openOperations", serving.bulks().openCount());
    }

    /** Reads and writes by route, totals, and how the PHP workers were used. */
    private ObjectNode stats() {
        ObjectNode answer = Json.mapper().createObjectNode();
        CallStats stats = serving.stats();
        answer.set("reads", Json.mapper().valueToTree(stats.reads()));
        answer.set("writes", Json.mapper().valueToTree(stats.writes()));
        ObjectNode items = answer.putObject("items");
        stats.snapshot().forEach((route, count) -> {
            if (count.items() > 0) {
                items.put(route, count.items());
            }
        });
        answer.putObject("totals").put("reads", stats.totalReads()).put("writes", stats.totalWrites());
        answer.set("workers", Json.mapper().valueToTree(serving.workers().usage()));
        return answer;
    }

    private ObjectNode latency() {
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.set("defaults", latencyJson(serving.latency().defaults()));
        ObjectNode routes = answer.putObject("routes");
        serving.latency().routes().forEach((route, latency) -> routes.set(route, latencyJson(latency)));
        answer.put("workers", serving.workers().usage().size());
        return answer;
    }

    private static ObjectNode latencyJson(Latency latency) {
        return Json.mapper().createObjectNode().put("fixedMs", latency.fixed().toMillis())
                .put("perItemMicros", latency.perItem().toNanos() / 1000);
    }

    private ObjectNode state() {
        ObjectNode state = Json.mapper().createObjectNode();
        state.set("rules", Json.mapper().valueToTree(faults.rules().stream().map(r -> Map.of("route", r.route(),
                "kind", r.kind().name(), "percent", r.percent(), "times", r.times())).toList()));
        state.set("bulkItemFailures", Json.mapper().valueToTree(faults.bulkItemFailures()));
        state.set("bulkFailWhere", Json.mapper().valueToTree(faults.bulkFailuresWhere()));
        state.set("tierPriceFailSkus", Json.mapper().valueToTree(faults.tierPriceFailures()));
        state.set("calls", Json.mapper().valueToTree(faults.calls()));
        return state;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }
}
