package io.github.d365bridge.client.commerce.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.d365bridge.client.commerce.QueryParam;
import io.github.d365bridge.client.commerce.VerificationResult;

/**
 * Checks an OAuth 1.0a (HMAC-SHA256) signed request the way Commerce does, for the Commerce sandbox:
 * so our signer is tested against an independent reading of the header rather than against itself.
 * Stricter than Commerce where strictness finds client bugs (no HMAC-SHA1, no oauth_* in the query,
 * no repeated header parameters, stale timestamps refused: Commerce itself only refuses timestamps
 * more than 600 s ahead and relies on its nonce table for the past). Never throws on bad input;
 * reasons name the failed check only.
 * Nonce replay is not tracked here (it needs shared state); the sandbox may add it on top.
 */
public final class OAuth1Verifier {

    private static final List<String> REQUIRED = List.of(
            "oauth_consumer_key", "oauth_token", "oauth_signature_method",
            "oauth_timestamp", "oauth_nonce", "oauth_signature");

    private final OAuthCredentials expected;
    private final Clock clock;
    private final Duration maxClockSkew;

    public OAuth1Verifier(OAuthCredentials expected, Clock clock, Duration maxClockSkew) {
        this.expected = Objects.requireNonNull(expected, "expected");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxClockSkew == null || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("maxClockSkew must be zero or positive");
        }
        this.maxClockSkew = maxClockSkew;
    }

    /** Ten minutes of skew either way: Commerce's TIME_DEVIATION, applied to both directions. */
    public static OAuth1Verifier create(OAuthCredentials expected) {
        return new OAuth1Verifier(expected, Clock.systemUTC(), Duration.ofMinutes(10));
    }

    /**
     * @param requestUri the URL as the client addressed it (scheme and host as the client saw them,
     *                   not as a proxy rewrote them), query included
     */
    public VerificationResult verify(String method, URI requestUri, String authorizationHeader) {
        Map<String, String> header;
        List<QueryParam> query;
        try {
            header = OAuthHeaderParser.parse(authorizationHeader);
            query = QueryParam.parse(requestUri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return VerificationResult.invalid(e.getMessage());
        }
        for (String name : REQUIRED) {
            if (header.getOrDefault(name, "").isEmpty()) {
                return VerificationResult.invalid("OAuth parameter " + name + " is missing");
            }
        }
        if (query.stream().anyMatch(p -> p.name().startsWith("oauth_"))) {
            return VerificationResult.invalid("oauth_* parameters must be sent in the Authorization header only");
        }
        if (!OAuthSignatures.METHOD.equals(header.get("oauth_signature_method"))) {
            return VerificationResult.invalid("Unsupported oauth_signature_method (expected HMAC-SHA256)");
        }
        if (header.containsKey("oauth_version") && !"1.0".equals(header.get("oauth_version"))) {
            return VerificationResult.invalid("Unsupported oauth_version (expected 1.0)");
        }
        if (!constantTimeEquals(expected.consumerKey(), header.get("oauth_consumer_key"))) {
            return VerificationResult.invalid("Unknown consumer key");
        }
        if (!constantTimeEquals(expected.token(), header.get("oauth_token"))) {
            return VerificationResult.invalid("Unknown or revoked access token");
        }
        if (header.get("oauth_nonce").length() > OAuth1Signer.MAX_NONCE_LENGTH) {
            return VerificationResult.invalid("oauth_nonce longer than " + OAuth1Signer.MAX_NONCE_LENGTH);
        }
        VerificationResult time = checkTimestamp(header.get("oauth_timestamp"));
        if (time.invalid()) {
            return time;
        }
        return checkSignature(method, requestUri, header);
    }

    private VerificationResult checkTimestamp(String value) {
        long timestamp;
        try {
            timestamp = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return VerificationResult.invalid("oauth_timestamp is not a number");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        return skew > maxClockSkew.toSeconds()
                ? VerificationResult.invalid("oauth_timestamp is " + skew + " s away from server time")
                : VerificationResult.valid("timestamp within window");
    }

    private VerificationResult checkSignature(String method, URI requestUri, Map<String, String> header) {
        List<QueryParam> protocol = new ArrayList<>();
        header.forEach((name, value) -> {
            if (!name.equals("realm") && !name.equals("oauth_signature")) {
                protocol.add(QueryParam.of(name, value));
            }
        });
        String baseString;
        try {
            baseString = SignatureBaseString.of(method, requestUri, protocol);
        } catch (IllegalArgumentException e) {
            return VerificationResult.invalid(e.getMessage());
        }
        String computed = OAuthSignatures.sign(baseString, expected.consumerSecret(), expected.tokenSecret());
        return constantTimeEquals(computed, header.get("oauth_signature"))
                ? VerificationResult.valid("OAuth 1.0a HMAC-SHA256 signature valid")
                : VerificationResult.invalid("OAuth signature does not match (method, URL, query or secrets differ)");
    }

    private static boolean constantTimeEquals(String a, String b) {
        return b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
