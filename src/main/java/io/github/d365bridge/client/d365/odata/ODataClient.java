package io.github.d365bridge.client.d365.odata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.client.d365.D365Http;
import io.github.d365bridge.ground.Json;

/**
 * OData reads and writes against {@code <base>/data/}. Reads stream (see {@link PageIterator}); writes
 * follow D365: POST answers the created entity (201, or 200 through some proxies), PATCH answers 204
 * without a body.
 */
public final class ODataClient {

    private final D365Http http;
    private final URI dataRoot;
    private final Integer clientPageSize;

    public ODataClient(D365Http http, URI dataRoot, Optional<Integer> clientPageSize) {
        this.http = http;
        this.dataRoot = dataRoot;
        this.clientPageSize = clientPageSize.orElse(null);
    }

    /**
     * All rows matching {@code query}, fetched lazily page by page. Close the stream (try-with-resources)
     * when not reading to the end, so the open HTTP answer is released.
     */
    public <T> Stream<T> stream(String entitySet, ODataQuery query, Class<T> type) {
        PageIterator<T> rows = new PageIterator<>(http, "read " + entitySet, type,
                new PagePlan(setUrl(entitySet), query, clientPageSize));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(rows::close);
    }

    /** The number of matching rows ({@code $count} with {@code $top=0}). */
    public long count(String entitySet, ODataQuery query) {
        String queryString = query.withCount().toQueryString(0, null);
        return http.execute("count " + entitySet, h -> h.request(URI.create(setUrl(entitySet) + "?" + queryString))
                .header("Accept", "application/json").GET(), answer -> {
                    JsonNode body = readJson("count " + entitySet, answer);
                    JsonNode count = body.get("@odata.count");
                    if (count == null || !count.canConvertToLong()) {
                        throw D365Http.malformed("count " + entitySet, "answer has no @odata.count");
                    }
                    return count.asLong();
                });
    }

    /** One row by key; empty when D365 answers 404. */
    public <T> Optional<T> get(String entitySet, ODataKey key, Class<T> type) {
        String operation = "get " + entitySet + key;
        try {
            return Optional.of(http.execute(operation, h -> h.request(entityUrl(entitySet, key))
                    .header("Accept", "application/json").GET(), answer -> convert(operation, readJson(operation, answer), type)));
        } catch (BridgeException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates a row; answers the entity as D365 stored it (with generated numbers). */
    public <T> T create(String entitySet, Object body, Class<T> type) {
        String operation = "create " + entitySet;
        byte[] json = toJson(operation, body);
        return http.execute(operation, h -> h.request(setUrl(entitySet)).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json)),
                answer -> convert(operation, readJson(operation, answer), type));
    }

    /**
     * Updates the given fields of a row (PATCH, answered 204). With an ETag the update only applies if
     * the row is unchanged since it was read (412 otherwise, which is permanent for this attempt).
     */
    public void update(String entitySet, ODataKey key, Object changes, Optional<String> etag) {
        String operation = "update " + entitySet + key;
        byte[] json = toJson(operation, changes);
        http.execute(operation, h -> {
            HttpRequest.Builder request = h.request(entityUrl(entitySet, key)).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(json));
            etag.ifPresent(value -> request.header("If-Match", value));
            return request;
        }, answer -> {
            readJson(operation, answer);
            return null;
        });
    }

    /** Deletes a row (204); false when it does not exist (404). */
    public boolean delete(String entitySet, ODataKey key) {
        String operation = "delete " + entitySet + key;
        try {
            http.execute(operation, h -> h.request(entityUrl(entitySet, key)).DELETE(), answer -> {
                readJson(operation, answer);
                return null;
            });
            return true;
        } catch (BridgeException e) {
            if (e.httpStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    private URI setUrl(String entitySet) {
        if (!entitySet.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Not an entity set name: " + entitySet);
        }
        return URI.create(dataRoot + entitySet);
    }

    /**
     * Key access names the company in the key, but D365 may still scope the request to the caller's
     * default company; {@code cross-company=true} makes a key of another company reachable either way.
     */
    private URI entityUrl(String entitySet, ODataKey key) {
        return URI.create(setUrl(entitySet) + key.toPathSegment() + "?cross-company=true");
    }

    private static JsonNode readJson(String operation, HttpResponse<InputStream> answer) {
        try (InputStream body = answer.body()) {
            byte[] bytes = body.readAllBytes();
            if (bytes.length == 0) {
                return Json.mapper().createObjectNode();
            }
            return Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw D365Http.malformed(operation, "answer is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(operation + ": reading the answer failed", e);
        }
    }

    private static <T> T convert(String operation, JsonNode json, Class<T> type) {
        try {
            return Json.mapper().treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw D365Http.malformed(operation, "answer does not fit " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    private static byte[] toJson(String operation, Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(operation + ": body cannot be serialised", e);
        }
    }
}
