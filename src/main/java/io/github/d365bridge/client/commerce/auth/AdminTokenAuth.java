package io.github.d365bridge.client.commerce.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.CommerceCall;
import io.github.d365bridge.client.commerce.CommerceErrorParser;
import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.client.core.HttpTransport;
import io.github.d365bridge.ground.PermanentFailureException;
import io.github.d365bridge.config.CommerceConfig.AuthMode;
import io.github.d365bridge.ground.Json;

/**
 * Admin-token mode: logs in with {@code POST /rest/V1/integration/admin/token}, caches the token and
 * fetches a new one a margin before its lifetime ends. A refused login (bad credentials, two-factor
 * auth, disabled user) puts further logins on hold for a cool-down: six failed logins lock the admin
 * account for 30 minutes, so the bridge must never keep trying bad credentials. Throttling and server
 * errors at login are not refusals and stay retriable.
 */
public final class AdminTokenAuth implements CommerceAuth {

    private static final String OPERATION = "admin-token.login";

    private final HttpTransport transport;
    private final URI tokenUrl;
    private final CommerceCredentials.AdminUser user;
    private final CommerceErrorParser errors;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration refreshMargin;
    private final Duration loginCooldown;

    private String token;
    private Instant refreshAt = Instant.MIN;
    private Instant loginOnHoldUntil = Instant.MIN;
    private String lastRefusal;

    public AdminTokenAuth(HttpTransport transport, URI baseUrl, CommerceCredentials.AdminUser user,
            CommerceErrorParser errors, Clock clock, Duration lifetime, Duration refreshMargin, Duration loginCooldown) {
        this.transport = transport;
        this.tokenUrl = URI.create(baseUrl + "/rest/V1/integration/admin/token");
        this.user = user;
        this.errors = errors;
        this.clock = clock;
        this.lifetime = lifetime;
        this.refreshMargin = refreshMargin;
        this.loginCooldown = loginCooldown;
    }

    @Override
    public AuthMode mode() {
        return AuthMode.ADMIN_TOKEN;
    }

    @Override
    public String authorization(String method, URI uri) {
        return "Bearer " + currentToken();
    }

    /** Drops the token the 401 came with (unless another thread already replaced it) and allows one retry. */
    @Override
    public synchronized boolean renewAfterUnauthorized(String headerUsed) {
        if (token != null && headerUsed.equals("Bearer " + token)) {
            token = null;
        }
        return true;
    }

    private synchronized String currentToken() {
        if (token != null && clock.instant().isBefore(refreshAt)) {
            return token;
        }
        token = null;
        return login();
    }

    private String login() {
        Instant now = clock.instant();
        if (now.isBefore(loginOnHoldUntil)) {
            throw new PermanentFailureException(ExternalSystem.COMMERCE, "Commerce admin login for user '"
                    + user.username() + "' is on hold until " + loginOnHoldUntil + " (bridge.commerce.admin-login-cooldown)"
                    + " because Commerce refused the last attempt: " + lastRefusal + ". No login is tried before then:"
                    + " six failed logins lock the admin account for 30 minutes. Fix bridge.commerce.admin-username /"
                    + " admin-password (or the account's two-factor setup) and restart the bridge.");
        }
        HttpResponse<InputStream> response = transport.send(transport.request(tokenUrl)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(credentialsBody())).build(), "Commerce " + OPERATION);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            token = readToken(response);
            refreshAt = now.plus(lifetime).minus(refreshMargin);
            return token;
        }
        String body = HttpTransport.text(response, 16_384);
        BridgeException failure = errors.parse(CommerceCall.of(OPERATION).record(user.username()), status, body,
                response.headers().firstValue("Retry-After").orElse(null));
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            loginOnHoldUntil = now.plus(loginCooldown);
            lastRefusal = failure.getMessage();
            if (failure instanceof PermanentFailureException) {
                throw failure;
            }
            throw new PermanentFailureException(ExternalSystem.COMMERCE, failure.getMessage() + ". Check"
                    + " bridge.commerce.admin-username / admin-password; no new login is tried before "
                    + loginOnHoldUntil + " (bridge.commerce.admin-login-cooldown)", failure);
        }
        throw failure;
    }

    private byte[] credentialsBody() {
        try {
            return Json.mapper().writeValueAsBytes(Map.of("username", user.username(), "password", user.password()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise the admin login body", e);
        }
    }

    /** The answer is a JSON string literal; its content is the secret, so failures never quote it. */
    private static String readToken(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            JsonNode json = Json.mapper().readTree(in);
            if (json != null && json.isTextual() && !json.asText().isBlank()) {
                return json.asText();
            }
            throw new PermanentFailureException(ExternalSystem.COMMERCE, "Commerce " + OPERATION + " answered HTTP "
                    + response.statusCode() + " without a token (expected a JSON string literal, got "
                    + (json == null ? "nothing" : json.getNodeType()) + ")");
        } catch (IOException e) {
            throw new BridgeException(ExternalSystem.COMMERCE, "Commerce " + OPERATION
                    + ": the token answer is not valid JSON or was cut off", e);
        }
    }

    @Override
    public String toString() {
        return "AdminTokenAuth[" + user + "]";
    }
}
