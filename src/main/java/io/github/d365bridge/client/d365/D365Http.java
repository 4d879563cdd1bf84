package io.github.d365bridge.client.d365;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Function;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.client.core.HttpTransport;
import io.github.d365bridge.ground.PermanentFailureException;
import io.github.d365bridge.client.core.RetryPolicy;
import io.github.d365bridge.client.d365.auth.TokenSource;

/**
 * Sends authorised requests to D365: bearer token, one token refresh on 401, retry of retriable
 * failures through the client's {@link RetryPolicy}, and D365's error text on every failure.
 */
public final class D365Http {

    /** Builds the request for one attempt (the body publisher must be reusable). */
    @FunctionalInterface
    public interface RequestFactory {
        HttpRequest.Builder create(HttpTransport http);
    }

    private final HttpTransport http;
    private final TokenSource tokens;
    private final RetryPolicy retry;

    public D365Http(HttpTransport http, TokenSource tokens, RetryPolicy retry) {
        this.http = http;
        this.tokens = tokens;
        this.retry = retry;
    }

    /**
     * Executes with retries and hands the successful (2xx) answer to {@code reader}, which must close
     * its body. Failures of the reader itself are retried too when retriable (a dropped connection
     * while reading).
     */
    public <T> T execute(String operation, RequestFactory request, Function<HttpResponse<InputStream>, T> reader) {
        return retry.execute(operation, () -> reader.apply(sendAuthorized(operation, request)));
    }

    /** One attempt: sends, re-authenticates once on 401, throws on any non-2xx answer. */
    public HttpResponse<InputStream> sendAuthorized(String operation, RequestFactory request) {
        HttpResponse<InputStream> response = http.send(
                request.create(http).header("Authorization", "Bearer " + tokens.token()).build(), operation);
        if (response.statusCode() == 401) {
            HttpTransport.text(response, 0);
            response = http.send(request.create(http).header("Authorization", "Bearer " + tokens.refreshedToken())
                    .build(), operation);
            if (response.statusCode() == 401) {
                String body = HttpTransport.text(response, 4096);
                throw new PermanentFailureException(ExternalSystem.D365, operation + ": D365 refused a fresh token"
                        + " (HTTP 401). The application is probably not registered in F&O under System administration"
                        + " > Setup > Microsoft Entra applications, or its user lacks the needed roles"
                        + (body.isBlank() ? "" : ": " + body));
            }
        }
        if (response.statusCode() >= 400) {
            String body = HttpTransport.text(response, 16_384);
            throw D365Errors.from(operation, response.statusCode(), body, HttpTransport.retryAfter(response));
        }
        return response;
    }

    public HttpTransport transport() {
        return http;
    }

    /** Fails with the D365 system tag when an answer is not what the protocol promises. */
    public static BridgeException malformed(String operation, String what) {
        return new PermanentFailureException(ExternalSystem.D365, operation + ": " + what);
    }

    static URI resolve(URI root, String relative) {
        return URI.create(root.toString() + relative);
    }
}
