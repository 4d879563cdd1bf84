package io.github.d365bridge.flow.orders.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.github.d365bridge.client.commerce.VerificationResult;
import io.github.d365bridge.client.commerce.webhook.CommerceWebhookVerifier;
import io.github.d365bridge.client.commerce.webhook.IoEventsChallenge;
import io.github.d365bridge.client.commerce.webhook.IoEventsVerifier;
import io.github.d365bridge.client.commerce.webhook.RequestHeaders;
import io.github.d365bridge.ground.Correlation;
import io.github.d365bridge.config.IntakeConfig;
import io.github.d365bridge.ground.Json;

/**
 * Order intake over HTTP ({@code /api/intake/commerce/...}), anonymous at the host: each call proves
 * itself by signature over the exact body bytes. Per call: bound the body, verify, validate, enqueue,
 * answer — nothing slower (no Commerce call, no ledger read), since Commerce waits for webhooks and
 * Adobe expects events answered within 10 s. Refused calls (401/400/413) and ignored event types enqueue
 * nothing.
 */
@Path(CommerceIntakeResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class CommerceIntakeResource {

    /** Below {@code quarkus.http.root-path} ({@code /api}). */
    public static final String PATH = "/intake/commerce";
    static final String WEBHOOK = "/webhook";
    /** Where Commerce Webhooks are delivered, below the root path. */
    public static final String WEBHOOK_PATH = PATH + WEBHOOK;

    private static final Logger LOG = Logger.getLogger(CommerceIntakeResource.class);

    private static final Map<String, Object> SUCCESS = Map.of("op", "success");
    /**
     * The webhook's answer as text: an entity of this type is written as it is, while a map went through
     * the JSON writer lookup and Jackson on every call, a cost the profile showed on Commerce's checkout path.
     */
    static final String WEBHOOK_SUCCESS = "{\"op\":\"success\"}";

    @Inject
    IntakeVerifiers verifiers;
    @Inject
    OrderIntake intake;
    @Inject
    IntakeConfig config;

    /**
     * Commerce Webhooks: answer {@code {"op":"success"}}, never an exception (that would block the store).
     * Non-blocking from end to end: it runs on the event loop and the enqueue holds no thread while
     * Storage answers, because Commerce waits for this answer during checkout and a thread per waiting
     * call is what made the intake cost twice a bare enqueue. (The buffered body is bounded by the
     * Content-Length filter and {@code quarkus.http.limits.max-body-size} before it is read, and by
     * {@code bridge.intake.max-body-bytes} here.)
     */
    @POST
    @Path(WEBHOOK)
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> webhook(byte[] body, @Context HttpHeaders headers) {
        try (Correlation.Scope scope = Correlation.open(null)) {
            ParsedDelivery delivery;
            try {
                CommerceWebhookVerifier verifier = verifiers.webhook().orElseThrow(() -> new IntakeRejection(503,
                        "webhook intake is not configured"));
                byte[] raw = BoundedBody.check(body, config.maxBodyBytes());
                delivery = accept("webhook", raw,
                        verifier.verify(RequestHeaders.ofMultiValued(headers.getRequestHeaders()), raw),
                        OrderEventParser::parseWebhook);
                return intake.enqueueAsync(delivery.orders(), "webhook")
                        .thenApply(sent -> Response.ok(WEBHOOK_SUCCESS, MediaType.APPLICATION_JSON_TYPE).build())
                        .exceptionally(failure -> notEnqueued("webhook", failure));
            } catch (IntakeRejection rejection) {
                return CompletableFuture.completedFuture(refused("webhook", rejection));
            }
        }
    }

    /** Adobe I/O Events registration handshake. */
    @GET
    @Path("/events")
    public Response challenge(@QueryParam("challenge") String challenge) {
        IoEventsChallenge.Reply reply = IoEventsChallenge.reply(challenge);
        if (!reply.accepted()) {
            return error(400, reply.reason());
        }
        return Response.ok(reply.body(), IoEventsChallenge.CONTENT_TYPE).build();
    }

    /** Adobe I/O Events deliveries: one CloudEvent or an array of them. */
    @POST
    @Path("/events")
    @Consumes(MediaType.WILDCARD)
    public Response events(InputStream body, @Context HttpHeaders headers) {
        RequestHeaders request = RequestHeaders.ofMultiValued(headers.getRequestHeaders());
        try (Correlation.Scope scope = Correlation.open(request.get("x-adobe-event-id").orElse(null))) {
            return handle("io-event", body, () -> verifiers.ioEvents().map(v -> (Function<byte[], VerificationResult>)
                    raw -> verifyEvent(v, request, raw)), OrderEventParser::parseIoEvents, SUCCESS);
        }
    }

    private Response handle(String source, InputStream body,
            java.util.function.Supplier<Optional<Function<byte[], VerificationResult>>> verifier,
            Function<byte[], ParsedDelivery> parser, Map<String, Object> success) {
        try {
            Function<byte[], VerificationResult> check = verifier.get().orElseThrow(() -> new IntakeRejection(503,
                    source + " intake is not configured"));
            byte[] raw = BoundedBody.read(body, config.maxBodyBytes());
            ParsedDelivery delivery = accept(source, raw, check.apply(raw), parser);
            intake.enqueue(delivery.orders(), source);
            return Response.ok(success).build();
        } catch (IntakeRejection rejection) {
            return refused(source, rejection);
        }
    }

    /** Signature first, then the body's shape; the orders to enqueue. @throws IntakeRejection */
    private static ParsedDelivery accept(String source, byte[] raw, VerificationResult verification,
            Function<byte[], ParsedDelivery> parser) {
        if (verification.invalid()) {
            throw new IntakeRejection(401, verification.reason());
        }
        ParsedDelivery delivery = parser.apply(raw);
        if (!delivery.ignoredTypes().isEmpty()) {
            LOG.infof("Acknowledged and ignored %s event type(s) %s", source, delivery.ignoredTypes());
        }
        return delivery;
    }

    private static Response refused(String source, IntakeRejection rejection) {
        LOG.warnf("Refused %s call with %d: %s", source, rejection.status(), rejection.getMessage());
        return error(rejection.status(), rejection.getMessage());
    }

    /**
     * Storage did not take the message: 503, so the sender retries, and the poll picks the order up in
     * any case. Nothing was acknowledged, so nothing is lost.
     */
    private static Response notEnqueued(String source, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        LOG.errorf(cause, "Could not enqueue a %s delivery", source);
        return error(503, "the order could not be queued; retry later");
    }

    /**
     * Headers first (a call without them is simply unsigned), then well-formed JSON (so a garbled body
     * answers 400, not a misleading 401), then signatures and recipient client id.
     */
    private static VerificationResult verifyEvent(IoEventsVerifier verifier, RequestHeaders headers, byte[] raw) {
        for (String name : List.of(IoEventsVerifier.SIGNATURE_1, IoEventsVerifier.SIGNATURE_2,
                IoEventsVerifier.KEY_PATH_1, IoEventsVerifier.KEY_PATH_2)) {
            if (headers.get(name).isEmpty()) {
                return VerificationResult.invalid("Header " + name + " is missing");
            }
        }
        try {
            Json.mapper().readTree(raw);
        } catch (IOException e) {
            throw IntakeRejection.badRequest("body is not well-formed JSON");
        }
        return verifier.verify(headers, raw);
    }

    private static Response error(int status, String reason) {
        Response.ResponseBuilder builder = Response.status(status).entity(Map.of("error", reason))
                .type(MediaType.APPLICATION_JSON);
        if (status == 401) {
            builder.header("WWW-Authenticate", "Signature");
        }
        return builder.build();
    }
}
