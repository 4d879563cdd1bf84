package io.github.d365bridge.flow.orders.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.github.d365bridge.config.IntakeConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * Refuses an oversized intake body from its Content-Length, before a byte of it is read or buffered:
 * the intake URLs are public, and a webhook or event is a few KiB. Bodies without a length (chunked)
 * are cut off while reading by {@link BoundedBody}.
 */
@ApplicationScoped
public class IntakeBodyLimitFilter {

    @Inject
    IntakeConfig config;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (rc.normalizedPath().contains("/intake/")) {
                String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                if (length != null && tooLarge(length.trim(), config.maxBodyBytes())) {
                    rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(BoundedBody.tooLargeJson(config.maxBodyBytes()));
                    return;
                }
            }
            rc.next();
        }, 90);
    }

    static boolean tooLarge(String contentLength, int limit) {
        if (!isDigits(contentLength)) {
            return false; // not a length: left to the HTTP layer, and to the bounded read
        }
        return contentLength.length() > 10 || Long.parseLong(contentLength) > limit;
    }

    /** One or more ASCII digits; a loop, not a regex, since every intake call passes here. */
    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
