package io.github.d365bridge.client.commerce;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.github.d365bridge.ground.Json;

/**
 * One REST call as the sub-clients describe it: method, store code, the path below {@code V1} (already
 * encoded, see {@link #path(String, Object...)}), query parameters, JSON body and the error context.
 * The body is serialised once, so every retry sends the same bytes.
 *
 * @param store      store code, or null for {@code /rest/V1} (the admin token endpoint)
 * @param prefix     {@code V1}, or {@code async/bulk/V1} for bulk submissions
 * @param repeatable whether sending the call twice has the effect of sending it once (reads, PUTs,
 *                   upserts); a call that is not is never repeated after an answer that leaves open
 *                   whether it was applied (502, 504, timeout)
 */
public record CommerceRequest(String method, String store, String prefix, String path, List<QueryParam> query,
        byte[] body, CommerceCall call, boolean repeatable) {

    public CommerceRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = List.copyOf(query);
        call = call.store(store);
    }

    public static CommerceRequest of(String method, String store, String path, String operation) {
        return new CommerceRequest(method, store, "V1", path, List.of(), null, CommerceCall.of(operation),
                !"POST".equals(method));
    }

    public CommerceRequest query(List<QueryParam> params) {
        return new CommerceRequest(method, store, prefix, path, params, body, call, repeatable);
    }

    public CommerceRequest json(Object value) {
        try {
            return new CommerceRequest(method, store, prefix, path, query, Json.mapper().writeValueAsBytes(value), call,
                    repeatable);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(call.operation() + ": cannot serialise the request body", e);
        }
    }

    /** Names the business record (SKU, email, order number) in every error message of this call. */
    public CommerceRequest record(String key) {
        return new CommerceRequest(method, store, prefix, path, query, body, call.record(key), repeatable);
    }

    public CommerceRequest bulk() {
        return new CommerceRequest(method, store, "async/bulk/V1", path, query, body, call, false);
    }

    /** Marks a POST that upserts (prices, source items, links): safe to send again. */
    public CommerceRequest upsert() {
        return new CommerceRequest(method, store, prefix, path, query, body, call, true);
    }

    public boolean isRead() {
        return "GET".equals(method);
    }

    /**
     * Fills each {@code {}} of {@code template} with the percent-encoded value, so a SKU such as
     * {@code A/B 10%} stays one path segment ({@code A%2FB%2010%25}) and cannot reach another route.
     */
    public static String path(String template, Object... segments) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (Object segment : segments) {
            int at = template.indexOf("{}", from);
            if (at < 0) {
                throw new IllegalArgumentException("More segments than placeholders in " + template);
            }
            String text = Objects.requireNonNull(segment, "path segment of " + template).toString();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("Empty path segment in " + template);
            }
            out.append(template, from, at).append(PercentEncoding.encode(text));
            from = at + 2;
        }
        if (template.indexOf("{}", from) >= 0) {
            throw new IllegalArgumentException("Fewer segments than placeholders in " + template);
        }
        return out.append(template.substring(from)).toString();
    }
}
