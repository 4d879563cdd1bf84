package io.github.d365bridge.client.commerce.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.CommerceAnswers.UnexpectedAnswerException;
import io.github.d365bridge.client.commerce.CommerceHttp;
import io.github.d365bridge.client.commerce.CommerceRequest;
import io.github.d365bridge.ground.Json;

/**
 * Reads search answers ({@code {"items":[…],"total_count":N}}) and streams all pages lazily: a page is
 * fetched only when the previous one is consumed, and paging stops when {@code total_count} says the
 * page was the last one. It never relies on an empty page, because Commerce answers a page past the end
 * with the last page again, which would loop forever and hand out duplicates.
 */
public final class SearchResults {

    private SearchResults() {
    }

    /** One page, for callers that page themselves (e.g. to checkpoint between pages). */
    public static <T> SearchPage<T> page(CommerceHttp http, SearchCriteria criteria,
            Function<SearchCriteria, CommerceRequest> request, Class<T> type) {
        return http.execute(request.apply(criteria), json -> read(json, type, criteria));
    }

    /** Lazily streams every match from {@code first.currentPage()} on; nothing is fetched before use. */
    public static <T> Stream<T> stream(CommerceHttp http, SearchCriteria first,
            Function<SearchCriteria, CommerceRequest> request, Class<T> type) {
        Iterator<T> rows = new Iterator<>() {
            private SearchCriteria next = first;
            private Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next != null) {
                    SearchCriteria criteria = next;
                    SearchPage<T> page = http.execute(request.apply(criteria), json -> read(json, type, criteria));
                    next = page.isLast() ? null : criteria.nextPage();
                    current = page.items().iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    static <T> SearchPage<T> read(JsonNode json, Class<T> type, SearchCriteria criteria)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        if (!json.isObject() || !json.path("total_count").canConvertToLong()
                || !json.path("total_count").isIntegralNumber()) {
            throw new UnexpectedAnswerException("expected a search result with an integer total_count");
        }
        JsonNode items = json.get("items");
        if (items != null && !items.isNull() && !items.isArray()) {
            throw new UnexpectedAnswerException("search result items is " + items.getNodeType() + ", not an array");
        }
        List<T> rows = new ArrayList<>(items == null ? 0 : items.size());
        if (items != null) {
            for (JsonNode item : items) {
                rows.add(Json.mapper().treeToValue(item, type));
            }
        }
        return new SearchPage<>(rows, json.get("total_count").asLong(), criteria);
    }
}
