package io.github.d365bridge.sandbox.d365.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.model.Field;
import io.github.d365bridge.sandbox.d365.odata.ODataJson;
import io.github.d365bridge.sandbox.d365.seed.CustomerChange;
import io.github.d365bridge.sandbox.d365.seed.CustomerChange.Aspect;
import io.github.d365bridge.sandbox.d365.seed.CustomerChanges;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The customer change simulation over HTTP, for benchmarks that drive the sandbox from outside:
 *
 * <ul>
 * <li>{@code POST /_sandbox/customers/change} {@code {"dataAreaId":"usmf", "count":250 | "percent":1,
 *     "seed":7, "aspects":["NAME","EMAIL","ADDRESS","PHONE"], "oneAspectEach":false}}: dataAreaId left
 *     out means all legal entities; aspects default to NAME, EMAIL, ADDRESS</li>
 * <li>{@code POST /_sandbox/customers/delete} {@code {"dataAreaId", "count" | "percent", "seed"}}</li>
 * <li>{@code POST /_sandbox/customers/add} {@code {"dataAreaId", "count", "seed"}}</li>
 * <li>{@code GET /_sandbox/customers/changes}: everything simulated since the last reset</li>
 * </ul>
 *
 * Each answers {@code {"count":n,"changes":[{"kind","dataAreaId","CustomerAccount","fields":{name:
 * {"before","after"}}}]}} with the records it touched, in the order the log keeps; values as OData
 * sends them. Wrong input answers 400.
 */
final class CustomerChangeEndpoints {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<Aspect> DEFAULT_ASPECTS = List.of(Aspect.NAME, Aspect.EMAIL, Aspect.ADDRESS);

    private final CustomerChanges changes;

    CustomerChangeEndpoints(CustomerChanges changes) {
        this.changes = changes;
    }

    void mount(Router router) {
        router.post("/_sandbox/customers/change").blockingHandler(ctx -> handle(ctx, body -> {
            String company = company(body);
            List<Aspect> aspects = aspects(body);
            boolean each = body.path("oneAspectEach").asBoolean(false);
            long seed = body.path("seed").asLong(1);
            return body.has("percent")
                    ? changes.changeShare(company, body.get("percent").asDouble(), seed, aspects, each)
                    : changes.change(company, count(body), seed, aspects, each);
        }), false);
        router.post("/_sandbox/customers/delete").blockingHandler(ctx -> handle(ctx, body -> {
            String company = company(body);
            int count = body.has("percent")
                    ? CustomerChanges.share(changes.liveCount(company), body.get("percent").asDouble()) : count(body);
            return changes.delete(company, count, body.path("seed").asLong(1));
        }), false);
        router.post("/_sandbox/customers/add").blockingHandler(ctx -> handle(ctx,
                body -> changes.add(company(body), count(body), body.path("seed").asLong(1))), false);
        router.get("/_sandbox/customers/changes").handler(ctx -> ControlEndpoints.json(ctx, 200, answer(changes.log())));
    }

    private interface Action {
        List<CustomerChange> run(JsonNode body);
    }

    private static void handle(RoutingContext ctx, Action action) {
        try {
            String text = ctx.body().asString();
            JsonNode body = MAPPER.readTree(text == null || text.isBlank() ? "{}" : text);
            ControlEndpoints.json(ctx, 200, answer(action.run(body)));
        } catch (IOException | IllegalArgumentException e) {
            ControlEndpoints.json(ctx, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static String company(JsonNode body) {
        return body.hasNonNull("dataAreaId") ? body.get("dataAreaId").asText() : null;
    }

    private static int count(JsonNode body) {
        if (!body.has("count") || !body.get("count").canConvertToInt()) {
            throw new IllegalArgumentException("give \"count\" (a whole number) or \"percent\"");
        }
        return body.get("count").asInt();
    }

    private static List<Aspect> aspects(JsonNode body) {
        if (!body.has("aspects")) {
            return DEFAULT_ASPECTS;
        }
        List<Aspect> aspects = new ArrayList<>();
        for (JsonNode aspect : body.get("aspects")) {
            aspects.add(Aspect.valueOf(aspect.asText()));
        }
        return aspects;
    }

    private static Map<String, Object> answer(List<CustomerChange> done) {
        List<Map<String, Object>> items = new ArrayList<>(done.size());
        for (CustomerChange change : done) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", change.kind().name());
            item.put("dataAreaId", change.dataAreaId());
            item.put("CustomerAccount", change.customerAccount());
            if (change.kind() == CustomerChange.Kind.CHANGED) {
                Map<String, Object> fields = new LinkedHashMap<>();
                change.after().forEach((name, after) -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("before", wire(name, change.before().get(name)));
                    values.put("after", wire(name, after));
                    fields.put(name, values);
                });
                item.put("fields", fields);
            }
            items.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", done.size());
        answer.put("changes", items);
        return answer;
    }

    /** A value as OData sends it: numbers as numbers, everything else as its JSON text. */
    private static Object wire(String name, Object value) {
        Field field = EntityCatalog.CUSTOMERS.field(name).orElseThrow();
        if (field.kind().isNumeric()) {
            return value == null ? 0 : value;
        }
        return ODataJson.text(field, value);
    }
}
