package io.github.d365bridge.client.d365.odata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.client.d365.D365Http;
import io.github.d365bridge.ground.Json;

/**
 * Streams the rows of an entity set page by page: one row in memory at a time, parsed straight from
 * the HTTP body. Follows {@code @odata.nextLink} (only to the D365 host it came from); where the
 * server sends none and client-side paging is on, continues with {@code $top/$skip}. A connection
 * lost mid-page re-reads that page and skips the rows already handed out.
 */
final class PageIterator<T> implements Iterator<T>, AutoCloseable {

    private static final int MAX_PAGE_RECOVERIES = 3;

    private final D365Http http;
    private final String operation;
    private final Class<T> type;
    private final PagePlan plan;
    private final ObjectReader rowReader;
    private URI pageUrl;
    private HttpResponse<InputStream> response;
    private JsonParser parser;
    private String nextLink;
    private int pageIndex;
    private int rowsInPage;
    private int recoveries;
    private long delivered;
    private T lookahead;
    private boolean finished;

    PageIterator(D365Http http, String operation, Class<T> type, PagePlan plan) {
        this.http = http;
        this.operation = operation;
        this.type = type;
        this.plan = plan;
        this.pageUrl = plan.firstPage();
        // Rows are read one by one from inside the page object: the next row is not a "trailing token".
        this.rowReader = Json.mapper().readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public boolean hasNext() {
        if (lookahead == null && !finished) {
            lookahead = advance();
        }
        return lookahead != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T row = lookahead;
        lookahead = null;
        delivered++;
        return row;
    }

    private T advance() {
        while (true) {
            if (plan.limitReached(delivered)) {
                return finish();
            }
            try {
                if (parser == null) {
                    openPage(0);
                }
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_OBJECT) {
                    T row = rowReader.readValue(parser);
                    rowsInPage++;
                    return row;
                }
                if (token != JsonToken.END_ARRAY) {
                    throw D365Http.malformed(operation, "unexpected " + token + " in the value array of " + pageUrl);
                }
                readRestOfPage();
                URI following = plan.following(pageUrl, nextLink, rowsInPage, pageIndex);
                closePage();
                if (following == null) {
                    return finish();
                }
                pageUrl = following;
                pageIndex++;
                rowsInPage = 0;
                recoveries = 0;
            } catch (JsonProcessingException malformed) {
                closePage();
                throw D365Http.malformed(operation, "row " + (rowsInPage + 1) + " of page " + pageUrl
                        + " cannot be read as " + type.getSimpleName() + ": " + malformed.getOriginalMessage());
            } catch (IOException | UncheckedIOException lost) {
                recover(lost);
            }
        }
    }

    private void openPage(int skipRows) throws IOException {
        nextLink = null;
        response = http.execute(operation, h -> h.request(pageUrl).header("Accept", "application/json").GET(),
                answer -> answer);
        parser = Json.mapper().getFactory().createParser(response.body());
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw D365Http.malformed(operation, "answer of " + pageUrl + " is not a JSON object");
        }
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_OBJECT || token == null) {
                throw D365Http.malformed(operation, "answer of " + pageUrl + " has no 'value' array");
            }
            String field = parser.currentName();
            parser.nextToken();
            if ("value".equals(field)) {
                if (!parser.isExpectedStartArrayToken()) {
                    throw D365Http.malformed(operation, "'value' of " + pageUrl + " is not an array");
                }
                break;
            }
            remember(field);
        }
        for (int i = 0; i < skipRows; i++) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw D365Http.malformed(operation, "page " + pageUrl + " shrank while re-reading it");
            }
            parser.skipChildren();
        }
    }

    private void readRestOfPage() throws IOException {
        for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_OBJECT;
                token = parser.nextToken()) {
            String field = parser.currentName();
            parser.nextToken();
            remember(field);
        }
    }

    private void remember(String field) throws IOException {
        if ("@odata.nextLink".equals(field)) {
            nextLink = parser.getValueAsString();
        } else {
            parser.skipChildren();
        }
    }

    private void recover(Exception lost) {
        closePage();
        if (++recoveries > MAX_PAGE_RECOVERIES) {
            throw new BridgeException(ExternalSystem.D365, operation + ": reading page " + pageUrl + " failed "
                    + recoveries + " times", lost);
        }
        try {
            openPage(rowsInPage);
        } catch (IOException again) {
            recover(again);
        }
    }

    private T finish() {
        finished = true;
        closePage();
        return null;
    }

    private void closePage() {
        try {
            if (parser != null) {
                parser.close();
            }
            if (response != null) {
                response.body().close();
            }
        } catch (IOException ignored) {
            // the page is abandoned either way
        }
        parser = null;
        response = null;
    }

    @Override
    public void close() {
        finished = true;
        closePage();
    }
}
