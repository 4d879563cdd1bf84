package io.github.d365bridge.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;

import reactor.core.publisher.Mono;

/**
 * Counts the blob and table requests a storage client sends (added to its pipeline), so a test can show
 * that a sweep costs in proportion to what it deletes rather than to what it keeps. Each request is kept
 * as {@code METHOD path?query}; a retried request counts each time it is sent.
 */
public final class StorageRequestCounter implements HttpPipelinePolicy {

    private final List<String> requests = new CopyOnWriteArrayList<>();

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        var request = context.getHttpRequest();
        String query = request.getUrl().getQuery();
        requests.add(request.getHttpMethod() + " " + request.getUrl().getPath() + (query == null ? "" : "?" + query));
        return next.process();
    }

    /** Requests since the last {@link #reset()}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public int count() {
        return requests.size();
    }

    public void reset() {
        requests.clear();
    }
}
