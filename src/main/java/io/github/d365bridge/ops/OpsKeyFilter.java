package io.github.d365bridge.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * Guards every operator path at the HTTP layer, before any endpoint (REST or Funqy) sees the request.
 * On Azure the catch-all HTTP function is anonymous, so this filter is the only thing between the
 * internet and the operator endpoints.
 */
@ApplicationScoped
public class OpsKeyFilter {

    public static final String HEADER = "X-Ops-Key";

    @Inject
    OpsKeyProvider keys;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (path.contains("/ops/") || path.endsWith("/ops")) {
                if (!keys.matches(rc.request().getHeader(HEADER))) {
                    rc.response().setStatusCode(401)
                            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .putHeader("WWW-Authenticate", "OpsKey header=\"" + HEADER + "\"")
                            .end("{\"error\":\"missing or wrong " + HEADER + " header\"}");
                    return;
                }
            }
            rc.next();
        }, 100);
    }
}
