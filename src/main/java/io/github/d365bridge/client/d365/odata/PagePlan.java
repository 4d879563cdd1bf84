package io.github.d365bridge.client.d365.odata;

import java.net.URI;
import java.util.Objects;

import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;

/**
 * Where the next page comes from: the server's {@code @odata.nextLink} when it sends one (checked to
 * point at the same D365 host), otherwise, with client paging on, {@code $skip} advanced by the page
 * size while pages come back full. Also enforces the caller's {@code $top} across pages.
 */
final class PagePlan {

    private final URI setUrl;
    private final ODataQuery query;
    private final Integer clientPageSize;

    PagePlan(URI setUrl, ODataQuery query, Integer clientPageSize) {
        this.setUrl = setUrl;
        this.query = query;
        this.clientPageSize = clientPageSize;
    }

    URI firstPage() {
        return pageAt(query.skip().orElse(0));
    }

    boolean limitReached(long delivered) {
        return query.top().isPresent() && delivered >= query.top().getAsInt();
    }

    URI following(URI current, String nextLink, int rowsInPage, int pageIndex) {
        if (nextLink != null && !nextLink.isBlank()) {
            URI next = current.resolve(nextLink);
            if (!Objects.equals(next.getHost(), setUrl.getHost()) || next.getPort() != setUrl.getPort()
                    || !Objects.equals(next.getScheme(), setUrl.getScheme())) {
                throw new PermanentFailureException(ExternalSystem.D365, "Refusing @odata.nextLink to another host: "
                        + next.getScheme() + "://" + next.getHost() + " (expected " + setUrl.getHost() + ")");
            }
            return next;
        }
        if (clientPageSize != null && rowsInPage >= clientPageSize) {
            return pageAt(query.skip().orElse(0) + (pageIndex + 1) * clientPageSize);
        }
        return null;
    }

    private URI pageAt(int skip) {
        Integer top = clientPageSize == null ? null
                : query.top().isPresent() ? Math.min(clientPageSize, query.top().getAsInt()) : clientPageSize;
        String queryString = query.toQueryString(top, skip);
        return URI.create(setUrl + (queryString.isEmpty() ? "" : "?" + queryString));
    }
}
