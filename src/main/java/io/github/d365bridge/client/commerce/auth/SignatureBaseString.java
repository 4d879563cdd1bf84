package io.github.d365bridge.client.commerce.auth;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.github.d365bridge.client.commerce.PercentEncoding;
import io.github.d365bridge.client.commerce.QueryParam;

/**
 * Builds the RFC 5849 section 3.4.1 signature base string. Kept apart from the signer so the exact text
 * that gets signed can be tested against the RFC's worked example and shown when a signature is refused.
 */
public final class SignatureBaseString {

    private SignatureBaseString() {
    }

    /**
     * {@code METHOD&enc(base URI)&enc(normalized parameters)}.
     *
     * @param uri          the request URI as sent; its query parameters are always included
     * @param extraParams  protocol ({@code oauth_*}, without {@code realm}) and form-body parameters
     */
    public static String of(String method, URI uri, List<QueryParam> extraParams) {
        List<QueryParam> all = new ArrayList<>(QueryParam.parse(uri.getRawQuery()));
        all.addAll(extraParams);
        return method.toUpperCase(Locale.ROOT)
                + '&' + PercentEncoding.encode(baseUri(uri))
                + '&' + PercentEncoding.encode(normalizedParameters(all));
    }

    /**
     * Scheme and host in lower case, the port only when it is not the scheme's default, the path as it
     * was sent (still percent-encoded), no query or fragment (section 3.4.1.2).
     */
    public static String baseUri(URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("OAuth signing needs an absolute http(s) URL with a host");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || port == 80 && scheme.equals("http")
                || port == 443 && scheme.equals("https");
        if (!defaultPort) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        return out.toString();
    }

    /**
     * Section 3.4.1.3.2: encode names and values, sort by encoded name then encoded value (so repeated
     * names are ordered by value), join as {@code name=value&...}. {@code oauth_signature} is left out.
     */
    public static String normalizedParameters(List<QueryParam> params) {
        List<String[]> encoded = new ArrayList<>(params.size());
        for (QueryParam p : params) {
            if (!p.name().equals("oauth_signature")) {
                encoded.add(new String[] {PercentEncoding.encode(p.name()), PercentEncoding.encode(p.value())});
            }
        }
        // Encoded text is pure ASCII, so String order is the byte order the RFC asks for.
        encoded.sort(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : encoded) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }
}
