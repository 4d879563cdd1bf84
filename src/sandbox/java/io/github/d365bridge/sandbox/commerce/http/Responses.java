package io.github.d365bridge.sandbox.commerce.http;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.commerce.faults.FaultKind;
import io.github.d365bridge.sandbox.commerce.faults.FaultRule;
import io.github.d365bridge.ground.Json;
import io.vertx.ext.web.RoutingContext;

/** Writes answers the way Commerce (and the proxy in front of it) does. */
public final class Responses {

    private Responses() {
    }

    public static void json(RoutingContext ctx, int status, JsonNode body) {
        String text = body.toString();
        TrafficLog.record(ctx, status, text);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(text);
    }

    public static void error(RoutingContext ctx, CommerceException e) {
        json(ctx, e.status(), e.body());
    }

    /** Magento hides the exception and logs it under a report id of {@code webapi-} + uniqid. */
    public static CommerceException internalError() {
        byte[] bytes = new byte[7];
        ThreadLocalRandom.current().nextBytes(bytes);
        String id = "webapi-" + HexFormat.of().formatHex(bytes).substring(0, 13);
        return CommerceException.of(500, "Internal Error. Details are available in Magento log file. Report ID: " + id);
    }

    /** Loses the answer of a call that was carried out: closes the connection, or the proxy's 502 page. */
    static void answerLost(RoutingContext ctx, FaultRule rule) {
        if (rule.kind() == FaultKind.ANSWER_LOST_RESET) {
            TrafficLog.record(ctx, 0, "");
            ctx.request().connection().close();
            return;
        }
        fault(ctx, new FaultRule(rule.route(), FaultKind.BAD_GATEWAY, 100, 1, java.time.Duration.ZERO, null));
    }

    /** @return true when the fault answered the call, false for latency-only and answer-lost faults */
    static boolean fault(RoutingContext ctx, FaultRule rule) {
        FaultKind kind = rule.kind();
        switch (kind) {
            case LATENCY, ANSWER_LOST_RESET, ANSWER_LOST_BAD_GATEWAY -> {
                return false;
            }
            case THROTTLE -> {
                if (rule.retryAfterSeconds() != null) {
                    ctx.response().putHeader("Retry-After", String.valueOf(rule.retryAfterSeconds()));
                }
                json(ctx, 429, Json.mapper().createObjectNode().put("message", "Too Many Requests").putNull("trace"));
            }
            case SERVER_ERROR -> error(ctx, internalError());
            default -> {
                if (rule.retryAfterSeconds() != null) {
                    ctx.response().putHeader("Retry-After", String.valueOf(rule.retryAfterSeconds()));
                }
                String title = kind == FaultKind.BAD_GATEWAY ? "502 Bad Gateway" : "503 Service Temporarily Unavailable";
                String page = "<html><head><title>" + title + "</title></head><body><center><h1>" + title
                        + "</h1></center><hr><center>nginx</center></body></html>";
                TrafficLog.record(ctx, kind.status(), page);
                ctx.response().setStatusCode(kind.status()).putHeader("Content-Type", "text/html").end(page);
            }
        }
        return true;
    }
}
