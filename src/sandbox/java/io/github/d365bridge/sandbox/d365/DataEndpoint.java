package io.github.d365bridge.sandbox.d365;

import java.util.Optional;

import io.github.d365bridge.sandbox.d365.auth.BearerCheck;
import io.github.d365bridge.sandbox.d365.dmf.DmfService;
import io.github.d365bridge.sandbox.d365.odata.ODataException;
import io.github.d365bridge.sandbox.d365.odata.ODataService;
import io.vertx.ext.web.RoutingContext;

/**
 * Everything under {@code /data/} (cloud) and {@code /namespaces/AXSF/data/} (AD FS): counts the
 * call, applies injected faults, checks the bearer token for the mode, then hands over to DMF or OData.
 */
final class DataEndpoint {

    private static final String DMF_PREFIX = "DataManagementDefinitionGroups/";

    private final SandboxFaults faults;
    private final BearerCheck bearer;
    private final ODataService odata;
    private final DmfService dmf;

    DataEndpoint(SandboxFaults faults, BearerCheck bearer, ODataService odata, DmfService dmf) {
        this.faults = faults;
        this.bearer = bearer;
        this.odata = odata;
        this.dmf = dmf;
    }

    /**
     * @param serviceBase cloud base URL or the AD FS {@code …/namespaces/AXSF} URL; tokens must be for it
     * @param prefix      the path prefix up to and including {@code /data/}
     */
    void handle(RoutingContext ctx, String serviceBase, String prefix) {
        String path = ctx.request().path();
        String rest = path.length() >= prefix.length() ? path.substring(prefix.length()) : "";
        boolean isDmf = rest.startsWith(DMF_PREFIX);
        SandboxFaults.Decision decision = faults.decide(path, !isDmf);
        if (!decision.latency().isZero()) {
            sleep(decision.latency().toMillis());
        }
        if (decision.kind() == SandboxFaults.Decision.Kind.DROP) {
            ctx.request().connection().close();
            return;
        }
        if (decision.kind() == SandboxFaults.Decision.Kind.ANSWER) {
            answerFault(ctx, decision);
            return;
        }
        Optional<BearerCheck.Caller> caller = bearer.caller(ctx.request().getHeader("Authorization"), serviceBase);
        if (caller.isEmpty()) {
            // D365 answers a missing, expired or foreign token with 401 and no body
            ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
            return;
        }
        if (!isDmf) {
            int end = rest.indexOf('(');
            String set = end < 0 ? (rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest) : rest.substring(0, end);
            faults.seen(ctx.request().method().name() + " " + set, "");
        }
        if (isDmf) {
            dmf.handle(ctx, serviceBase, rest.substring(DMF_PREFIX.length()), caller.get().defaultCompany());
        } else {
            odata.handle(ctx, serviceBase, rest, caller.get().defaultCompany());
        }
    }

    private static void answerFault(RoutingContext ctx, SandboxFaults.Decision decision) {
        if (decision.retryAfterSeconds() != null) {
            ctx.response().putHeader("Retry-After", Integer.toString(decision.retryAfterSeconds()));
        }
        String message = switch (decision.status()) {
            case 429 -> "Rate limit is exceeded. Try again later.";
            case 503 -> "The service is unavailable.";
            default -> "An error has occurred.";
        };
        ODataService.error(ctx, new ODataException(decision.status(), message, "System.Exception"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
