package io.github.d365bridge.client.commerce.auth;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.d365bridge.client.commerce.PercentEncoding;
import io.github.d365bridge.client.commerce.QueryParam;

/**
 * Signs Commerce REST calls for an integration (OAuth 1.0a, HMAC-SHA256, RFC 5849). The JSON body is
 * not signed (Commerce only signs form bodies), so a signature depends only on method, URL and the
 * oauth_* values. Immutable and thread-safe; nonce source and clock are injectable for tests.
 */
public final class OAuth1Signer {

    /**
     * Commerce's own nonces are 32 characters and it stores every nonce it sees per consumer; its column
     * width was not confirmed, so staying at 32 keeps us inside whatever it is.
     */
    static final int MAX_NONCE_LENGTH = 32;

    private final OAuthCredentials credentials;
    private final Clock clock;
    private final Supplier<String> nonces;

    public OAuth1Signer(OAuthCredentials credentials, Clock clock, Supplier<String> nonces) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /** Production signer: system clock, 128-bit random nonces. */
    public static OAuth1Signer create(OAuthCredentials credentials) {
        SecureRandom random = new SecureRandom();
        return new OAuth1Signer(credentials, Clock.systemUTC(), () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
    }

    /** The {@code Authorization} header value for a request to {@code uri} (its query is signed). */
    public String authorizationHeader(String method, URI uri) {
        return authorizationHeader(method, uri, List.of());
    }

    /**
     * As {@link #authorizationHeader(String, URI)} for a request whose final URL is {@code uri} with
     * {@code queryParams} appended (see {@link QueryParam#toQueryString}). Signing the decoded list
     * avoids a render-and-reparse round trip between search builder and signer.
     */
    public String authorizationHeader(String method, URI uri, List<QueryParam> queryParams) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        String nonce = nonces.get();
        if (nonce == null || nonce.isEmpty() || nonce.length() > MAX_NONCE_LENGTH) {
            throw new IllegalStateException("Nonce source must give 1-" + MAX_NONCE_LENGTH + " characters");
        }
        List<QueryParam> protocol = List.of(
                QueryParam.of("oauth_consumer_key", credentials.consumerKey()),
                QueryParam.of("oauth_nonce", nonce),
                QueryParam.of("oauth_signature_method", OAuthSignatures.METHOD),
                QueryParam.of("oauth_timestamp", Long.toString(clock.instant().getEpochSecond())),
                QueryParam.of("oauth_token", credentials.token()),
                QueryParam.of("oauth_version", "1.0"));
        List<QueryParam> signed = new ArrayList<>(queryParams);
        signed.addAll(protocol);
        String baseString = SignatureBaseString.of(method, uri, signed);
        String signature = OAuthSignatures.sign(baseString, credentials.consumerSecret(), credentials.tokenSecret());

        StringBuilder header = new StringBuilder("OAuth ");
        for (QueryParam p : protocol) {
            appendParam(header, p.name(), p.value()).append(',');
        }
        return appendParam(header, "oauth_signature", signature).toString();
    }

    private static StringBuilder appendParam(StringBuilder header, String name, String value) {
        return header.append(name).append("=\"").append(PercentEncoding.encode(value)).append('"');
    }

    @Override
    public String toString() {
        return "OAuth1Signer[" + credentials + "]";
    }
}
