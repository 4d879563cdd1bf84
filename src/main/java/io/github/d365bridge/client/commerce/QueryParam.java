package io.github.d365bridge.client.commerce;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One decoded query (or form) parameter. Lists of these keep their order and allow repeated names,
 * which a map would not: the search renderer emits them in a stable order and the OAuth signer signs
 * exactly the list that goes on the wire.
 */
public record QueryParam(String name, String value) {

    public QueryParam {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
    }

    public static QueryParam of(String name, String value) {
        return new QueryParam(name, value);
    }

    /**
     * Splits a raw (still encoded) query or form body into decoded pairs. A name without {@code =}
     * gets an empty value, as RFC 5849 section 3.4.1.3.1 does with the {@code c2} of its example.
     */
    public static List<QueryParam> parse(String rawQuery) {
        List<QueryParam> result = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            result.add(new QueryParam(PercentEncoding.decode(name, true), PercentEncoding.decode(value, true)));
        }
        return result;
    }

    /**
     * The encoded query string ({@code a=1&b=x%20y}), without a leading {@code ?}. Brackets in names are
     * encoded too: they are not allowed literally in a URI query and the signature covers the encoded
     * form either way.
     */
    public static String toQueryString(List<QueryParam> params) {
        StringBuilder out = new StringBuilder();
        for (QueryParam p : params) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(PercentEncoding.encode(p.name())).append('=').append(PercentEncoding.encode(p.value()));
        }
        return out.toString();
    }
}
