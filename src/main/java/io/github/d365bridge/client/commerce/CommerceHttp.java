package io.github.d365bridge.client.commerce;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.CommerceAnswers.AnswerReader;
import io.github.d365bridge.client.commerce.auth.CommerceAuth;
import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.client.core.HttpTransport;
import io.github.d365bridge.ground.PermanentFailureException;
import io.github.d365bridge.client.core.RetryPolicy;
import io.github.d365bridge.ground.Json;

/**
 * Sends Commerce REST calls: builds the URL, authorises each attempt (the OAuth signature covers the
 * exact URL sent), renews an admin token once on 401, retries retriable failures through the client's
 * {@link RetryPolicy} and turns every failure into a message that names operation, store and record.
 */
public final class CommerceHttp {

    private static final int MAX_ERROR_BODY = 16_384;

    private final HttpTransport transport;
    private final URI baseUrl;
    private final CommerceAuth auth;
    private final RetryPolicy retry;
    private final CommerceErrorParser errors;

    public CommerceHttp(HttpTransport transport, URI baseUrl, CommerceAuth auth, RetryPolicy retry,
            CommerceErrorParser errors) {
        this.transport = transport;
        this.baseUrl = baseUrl;
        this.auth = auth;
        this.retry = retry;
        this.errors = errors;
    }

    /** Runs the call with retries and reads the 2xx answer; throws on anything else. */
    public <T> T execute(CommerceRequest request, AnswerReader<T> reader) {
        return withRetries(request, sent -> attempt(request, reader, false, sent)).value();
    }

    /**
     * As {@link #execute} but a 404 "doesn't exist" answer means empty. A 404 "Request does not match any
     * route" still fails: a wrong URL or a missing module must not read as a missing record.
     */
    public <T> Optional<T> find(CommerceRequest request, AnswerReader<T> reader) {
        Answer<T> answer = withRetries(request, sent -> attempt(request, reader, true, sent));
        return answer.found() ? Optional.ofNullable(answer.value()) : Optional.empty();
    }

    /**
     * Retriable failures are retried in-call, except that a call which is not repeatable (creating an
     * invoice, a shipment, a customer) is not sent again after an answer that leaves open whether
     * Commerce applied it (502, 504, timeout or connection lost after sending): a second invoice or
     * shipment would be real damage. Such a failure stays retriable for the queue's redelivery, where
     * the flow asks Commerce first (architecture §2.3).
     */
    private <T> Answer<T> withRetries(CommerceRequest request, Function<AtomicBoolean, Answer<T>> attempt) {
        String operation = request.call().operation();
        if (request.repeatable()) {
            return retry.execute(operation, () -> attempt.apply(new AtomicBoolean()));
        }
        try {
            return retry.execute(operation, () -> {
                // Set once the request itself goes out: an admin login failing before that sent nothing.
                AtomicBoolean sent = new AtomicBoolean();
                try {
                    return attempt.apply(sent);
                } catch (BridgeException failure) {
                    if (sent.get() && OutcomeUnknown.applies(failure)) {
                        throw new OutcomeUnknown(failure);
                    }
                    throw failure;
                }
            });
        } catch (OutcomeUnknown unknown) {
            throw unknown.asReported("Commerce " + request.call().authMode(auth.mode()).describe());
        }
    }

    public URI uri(CommerceRequest request) {
        StringBuilder url = new StringBuilder(baseUrl.toString()).append("/rest/");
        if (request.store() != null) {
            url.append(PercentEncoding.encode(request.store())).append('/');
        }
        url.append(request.prefix()).append('/').append(request.path());
        if (!request.query().isEmpty()) {
            url.append('?').append(QueryParam.toQueryString(request.query()));
        }
        return URI.create(url.toString());
    }

    private <T> Answer<T> attempt(CommerceRequest request, AnswerReader<T> reader, boolean notFoundIsEmpty,
            AtomicBoolean sent) {
        URI uri = uri(request);
        CommerceCall call = request.call().authMode(auth.mode());
        String header = auth.authorization(request.method(), uri);
        sent.set(true);
        HttpResponse<InputStream> response = send(request, uri, header);
        if (response.statusCode() == 401 && auth.renewAfterUnauthorized(header)) {
            HttpTransport.text(response, 0);
            // A 401 applied nothing, so a login failing here again sent nothing new.
            sent.set(false);
            String renewed = auth.authorization(request.method(), uri);
            sent.set(true);
            response = send(request, uri, renewed);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer<>(true, read(response, call, request.isRead(), reader));
        }
        String body = HttpTransport.text(response, MAX_ERROR_BODY);
        if (status == 404 && notFoundIsEmpty && !body.contains("Request does not match any route")) {
            return new Answer<>(false, null);
        }
        if (status < 400) {
            // Redirects are not followed: a moved base URL or an http→https hop is a configuration error.
            throw new PermanentFailureException(ExternalSystem.COMMERCE, "Commerce " + call.describe()
                    + " answered unexpected HTTP " + status + response.headers().firstValue("Location")
                            .map(l -> " (redirect to " + l + "); check bridge.commerce.base-url").orElse(""));
        }
        throw errors.parse(call, status, body, response.headers().firstValue("Retry-After").orElse(null));
    }

    private HttpResponse<InputStream> send(CommerceRequest request, URI uri, String authorization) {
        HttpRequest.Builder builder = transport.request(uri).header("Authorization", authorization)
                .header("Accept", "application/json");
        if (request.body() != null) {
            builder.header("Content-Type", "application/json")
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return transport.send(builder.build(), "Commerce " + request.call().describe());
    }

    /**
     * A 2xx body that is not JSON or was cut off: retriable for reads (a dropped connection), permanent
     * for writes, whose effect is unknown and must not be repeated blindly. A body of the wrong shape is
     * permanent either way: the same call will answer the same.
     */
    private static <T> T read(HttpResponse<InputStream> response, CommerceCall call, boolean isRead,
            AnswerReader<T> reader) {
        String prefix = "Commerce " + call.describe() + " answered HTTP " + response.statusCode();
        JsonNode json;
        try (InputStream in = response.body()) {
            json = Json.mapper().readTree(in);
        } catch (IOException e) {
            String message = prefix + " with a body that is not valid JSON or was cut off ("
                    + e.getClass().getSimpleName() + ")";
            throw isRead ? new BridgeException(ExternalSystem.COMMERCE, message, e)
                    : new PermanentFailureException(ExternalSystem.COMMERCE, message
                            + "; the write may or may not have been applied", e);
        }
        if (json == null || json.isMissingNode()) {
            throw new PermanentFailureException(ExternalSystem.COMMERCE, prefix + " with an empty body");
        }
        try {
            return reader.read(json);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new PermanentFailureException(ExternalSystem.COMMERCE, prefix
                    + " with a body that does not fit the expected shape: " + firstLine(detail));
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private record Answer<T>(boolean found, T value) {
    }
}
