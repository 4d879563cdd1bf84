package io.github.d365bridge.sandbox.commerce.auth;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.d365bridge.client.commerce.VerificationResult;
import io.github.d365bridge.client.commerce.auth.OAuth1Verifier;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;

/**
 * Decides whether a call may run, for the three ways Commerce accepts: an OAuth 1.0a signed request
 * (checked by the project's own {@link OAuth1Verifier}, plus a nonce table as Commerce keeps one),
 * the integration access token as a bearer (only when the store enables it), or an admin token.
 * Every refusal is the one 401 Commerce gives for all of them, naming the route's ACL resource;
 * the reason is kept for tests, never sent.
 */
public final class SandboxAuthenticator {

    static final String NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";

    private final OAuth1Verifier oauth;
    private final String integrationToken;
    private final boolean bearerEnabled;
    private final AdminTokenService adminTokens;
    private final Map<String, Boolean> seenNonces = new ConcurrentHashMap<>();
    private volatile String lastRefusal = "";

    public SandboxAuthenticator(CommerceSandboxOptions options, AdminTokenService adminTokens) {
        this.oauth = new OAuth1Verifier(options.integration(), options.clock(), java.time.Duration.ofMinutes(10));
        this.integrationToken = options.integration().token();
        this.bearerEnabled = options.integrationBearerEnabled();
        this.adminTokens = adminTokens;
    }

    /**
     * @param requestUri the URL as the client addressed it (scheme, Host header, raw path and query)
     * @throws CommerceException 401 when the caller is not authenticated
     */
    public void authenticate(String method, URI requestUri, String authorization, String aclResource) {
        String reason = refusal(method, requestUri, authorization);
        if (reason != null) {
            lastRefusal = reason;
            throw CommerceException.named(401, NOT_AUTHORIZED, Map.of("resources", aclResource));
        }
    }

    private String refusal(String method, URI requestUri, String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return "no Authorization header";
        }
        String lower = authorization.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("oauth ")) {
            VerificationResult result = oauth.verify(method, requestUri, authorization);
            if (result.invalid()) {
                return "OAuth: " + result.reason();
            }
            String nonce = nonceOf(authorization);
            if (nonce != null && seenNonces.putIfAbsent(nonce, Boolean.TRUE) != null) {
                return "OAuth: nonce already used";
            }
            return null;
        }
        if (lower.startsWith("bearer ")) {
            String token = authorization.trim().substring(7).trim();
            if (adminTokens.valid(token)) {
                return null;
            }
            if (MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), integrationToken.getBytes(StandardCharsets.UTF_8))) {
                return bearerEnabled ? null
                        : "integration token used as bearer while oauth/consumer/enable_integration_as_bearer is off";
            }
            return "unknown or expired bearer token";
        }
        return "unsupported Authorization scheme";
    }

    /** Commerce refuses a nonce it has seen for the consumer; the verifier leaves that to us. */
    private static String nonceOf(String header) {
        int at = header.indexOf("oauth_nonce=\"");
        if (at < 0) {
            return null;
        }
        int start = at + "oauth_nonce=\"".length();
        int end = header.indexOf('"', start);
        return end < 0 ? null : header.substring(start, end);
    }

    /** Why the last call was refused, for tests: the HTTP answer never tells. */
    public String lastRefusal() {
        return lastRefusal;
    }
}
