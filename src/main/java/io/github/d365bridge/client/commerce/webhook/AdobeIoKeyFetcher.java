package io.github.d365bridge.client.commerce.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fetches Adobe I/O Events public keys from Adobe's static key host. The path comes from a request
 * header, i.e. from whoever calls our endpoint, so it is held to a plain-path shape and the resulting
 * URL's host is checked against an allow-list: a forged path must not turn into a request to another
 * host (or a key the caller controls). Redirects are not followed for the same reason.
 */
public final class AdobeIoKeyFetcher implements PublicKeyFetcher {

    public static final URI DEFAULT_BASE = URI.create("https://static.adobeioevents.com");
    public static final Set<String> DEFAULT_ALLOWED_HOSTS = Set.of("static.adobeioevents.com");

    /** Slash-separated plain segments ending in .pem; no dots-only segments, no query, no authority. */
    private static final Pattern SAFE_PATH = Pattern.compile("^(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}){1,8}$");
    private static final int MAX_KEY_BYTES = 16 * 1024;

    private final HttpClient client;
    private final URI base;
    private final Set<String> allowedHosts;
    private final Duration timeout;

    public AdobeIoKeyFetcher(HttpClient client, URI base, Set<String> allowedHosts, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.base = Objects.requireNonNull(base, "base");
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        checkHost(base);
    }

    public static AdobeIoKeyFetcher create() {
        Duration timeout = Duration.ofSeconds(3);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new AdobeIoKeyFetcher(client, DEFAULT_BASE, DEFAULT_ALLOWED_HOSTS, timeout);
    }

    /** @throws IllegalArgumentException when the path is not a plain .pem path on an allowed host */
    public URI keyUrl(String keyPath) {
        if (keyPath == null || !SAFE_PATH.matcher(keyPath).matches() || !keyPath.endsWith(".pem")) {
            throw new IllegalArgumentException("Public key path is not an acceptable key path");
        }
        URI url = URI.create(base.toString().replaceAll("/+$", "") + keyPath);
        checkHost(url);
        return url;
    }

    @Override
    public PublicKey fetch(String keyPath) throws IOException {
        URI url = keyUrl(keyPath);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while fetching public key " + url, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("Public key " + url + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_KEY_BYTES + 1);
            if (bytes.length > MAX_KEY_BYTES) {
                throw new IOException("Public key " + url + " is larger than " + MAX_KEY_BYTES + " bytes");
            }
            return PemPublicKeys.parse(new String(bytes, StandardCharsets.US_ASCII));
        }
    }

    private void checkHost(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getRawUserInfo() != null
                || !allowedHosts.contains(host)) {
            throw new IllegalArgumentException("Public key URL host is not on the allow-list");
        }
    }
}
