package io.github.d365bridge.sandbox.d365.control;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.d365bridge.sandbox.d365.SandboxFaults;
import io.github.d365bridge.sandbox.d365.events.BusinessEventPublisher;
import io.github.d365bridge.sandbox.d365.events.InvoicePosting;
import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.seed.CustomerChanges;
import io.github.d365bridge.sandbox.d365.seed.OnHandChanges;
import io.github.d365bridge.sandbox.d365.seed.ProductChanges;
import io.github.d365bridge.sandbox.d365.seed.RelationChanges;
import io.github.d365bridge.sandbox.d365.seed.VariantChanges;
import io.github.d365bridge.sandbox.d365.odata.ODataJson;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /_sandbox/...}: fault switches, call counters, invoicing an order, reset, the customer
 * change simulation ({@code /_sandbox/customers/change|delete|add}, {@code GET /_sandbox/customers/changes}),
 * product renames and variant and relation changes ({@code /_sandbox/variants|relations/add|remove}).
 * Every call needs the header {@code X-Sandbox-Key} with the configured control key.
 */
public final class ControlEndpoints {

    public static final String KEY_HEADER = "X-Sandbox-Key";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String controlKey;
    private final SandboxFaults faults;
    private final InvoicePosting invoicing;
    private final BusinessEventPublisher publisher;
    private final Runnable reset;
    private final String serviceBase;
    private final CustomerChangeEndpoints customers;
    private final ProductChanges productChanges;
    private final OnHandChanges onHandChanges;
    private final ProductStructureEndpoints productStructure;

    public ControlEndpoints(String controlKey, SandboxFaults faults, InvoicePosting invoicing,
            BusinessEventPublisher publisher, Runnable reset, String serviceBase, CustomerChanges customerChanges,
            ProductChanges productChanges, VariantChanges variantChanges, RelationChanges relationChanges,
            OnHandChanges onHandChanges) {
        this.onHandChanges = onHandChanges;
        this.controlKey = controlKey;
        this.faults = faults;
        this.invoicing = invoicing;
        this.publisher = publisher;
        this.reset = reset;
        this.serviceBase = serviceBase;
        this.customers = new CustomerChangeEndpoints(customerChanges);
        this.productChanges = productChanges;
        this.productStructure = new ProductStructureEndpoints(variantChanges, relationChanges);
    }

    public void mount(Router router) {
        router.route("/_sandbox/*").handler(this::requireKey);
        router.get("/_sandbox/counters").handler(ctx -> json(ctx, 200, faults.counters()));
        router.get("/_sandbox/injected").handler(ctx -> json(ctx, 200, faults.injected()));
        router.delete("/_sandbox/counters").handler(ctx -> {
            faults.resetCounters();
            ctx.response().setStatusCode(204).end();
        });
        router.post("/_sandbox/faults").handler(this::setFaults);
        router.delete("/_sandbox/faults").handler(ctx -> {
            faults.clear();
            ctx.response().setStatusCode(204).end();
        });
        router.post("/_sandbox/invoice").blockingHandler(this::invoice, false);
        router.get("/_sandbox/events").handler(ctx -> json(ctx, 200, publisher.attempts()));
        router.post("/_sandbox/reset").blockingHandler(ctx -> {
            reset.run();
            ctx.response().setStatusCode(204).end();
        }, false);
        customers.mount(router);
        productStructure.mount(router);
        // {"legalEntity": "usmf", "percent": 1, "seed": 7} -> {"count": n}: one more unit on n on-hand rows
        router.post("/_sandbox/onhand/receive").blockingHandler(ctx -> {
            try {
                String text = ctx.body().asString();
                JsonNode body = new ObjectMapper().readTree(text == null || text.isBlank() ? "{}" : text);
                int moved = onHandChanges.receive(body.path("legalEntity").asText("usmf"), body.path("percent").asDouble(1),
                        body.path("seed").asLong(1));
                json(ctx, 200, Map.of("count", moved));
            } catch (IOException | IllegalArgumentException e) {
                json(ctx, 400, Map.of("error", String.valueOf(e.getMessage())));
            }
        }, false);
        // {"percent": 1, "seed": 7} -> {"count": n, "products": [ProductNumber, ...]}
        router.post("/_sandbox/products/rename").blockingHandler(ctx -> {
            try {
                String text = ctx.body().asString();
                JsonNode body = new ObjectMapper()
                        .readTree(text == null || text.isBlank() ? "{}" : text);
                List<String> renamed = productChanges.rename(body.path("percent").asDouble(1), body.path("seed").asLong(1));
                json(ctx, 200, Map.of("count", renamed.size(), "products", renamed));
            } catch (IOException | IllegalArgumentException e) {
                json(ctx, 400, Map.of("error", String.valueOf(e.getMessage())));
            }
        }, false);
    }

    private void requireKey(RoutingContext ctx) {
        if (!controlKey.equals(ctx.request().getHeader(KEY_HEADER))) {
            ctx.response().setStatusCode(401).end();
            return;
        }
        ctx.next();
    }

    /**
     * Body: any of throttlePercent, retryAfterSeconds, errorPercent, errorStatus, latencyMs, dropPercent,
     * stuckDmfJobs, failNext{count,status,retryAfterSeconds}, loseAnswers[{action,percent,next,how}],
     * lateDmfJobs{next,percent,byMs}, outage{startInMs,lengthMs}.
     */
    private void setFaults(RoutingContext ctx) {
        try {
            JsonNode body = MAPPER.readTree(ctx.body().asString() == null ? "{}" : ctx.body().asString());
            if (body.has("throttlePercent")) {
                faults.throttle(body.get("throttlePercent").asInt(),
                        body.hasNonNull("retryAfterSeconds") ? body.get("retryAfterSeconds").asInt() : null);
            }
            if (body.has("errorPercent")) {
                faults.serverErrors(body.get("errorPercent").asInt(), body.path("errorStatus").asInt(503));
            }
            if (body.has("latencyMs")) {
                faults.latency(Duration.ofMillis(body.get("latencyMs").asLong()));
            }
            if (body.has("dropPercent")) {
                faults.dropConnections(body.get("dropPercent").asInt());
            }
            if (body.has("stuckDmfJobs")) {
                faults.stuckDmfJobs(body.get("stuckDmfJobs").asBoolean());
            }
            for (JsonNode rule : body.path("loseAnswers")) {
                faults.loseAnswers(rule.path("action").asText(), rule.path("percent").asInt(0), rule.path("next").asInt(0),
                        io.github.d365bridge.sandbox.d365.AnswerLoss.How.valueOf(rule.path("how").asText("RESET")));
            }
            JsonNode late = body.path("lateDmfJobs");
            if (late.isObject()) {
                faults.lateDmfJobs(late.path("next").asInt(0), late.path("percent").asInt(0),
                        Duration.ofMillis(late.path("byMs").asLong()));
            }
            JsonNode outage = body.path("outage");
            if (outage.isObject()) {
                faults.outage().schedule(java.time.Instant.now().plusMillis(outage.path("startInMs").asLong(0)),
                        Duration.ofMillis(outage.path("lengthMs").asLong()));
            }
            JsonNode next = body.path("failNext");
            if (next.isObject()) {
                faults.failNext(next.path("count").asInt(1), next.path("status").asInt(503),
                        next.hasNonNull("retryAfterSeconds") ? next.get("retryAfterSeconds").asInt() : null);
            }
            ctx.response().setStatusCode(204).end();
        } catch (IOException | IllegalArgumentException e) {
            json(ctx, 400, Map.of("error", e.getMessage()));
        }
    }

    private void invoice(RoutingContext ctx) {
        try {
            JsonNode body = MAPPER.readTree(ctx.body().asString() == null ? "{}" : ctx.body().asString());
            Map<String, Object> invoice = invoicing.invoice(body.path("dataAreaId").asText(),
                    body.path("salesOrderNumber").asText());
            ctx.response().setStatusCode(201).putHeader("Content-Type", ODataJson.CONTENT_TYPE)
                    .end(io.vertx.core.buffer.Buffer.buffer(
                            ODataJson.entity(serviceBase, EntityCatalog.SALES_INVOICE_HEADERS, null, invoice)));
        } catch (IOException | IllegalArgumentException e) {
            json(ctx, 404, Map.of("error", String.valueOf(e.getMessage())));
        } catch (IllegalStateException e) {
            json(ctx, 409, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    static void json(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            ctx.fail(e);
        }
    }
}
