package io.github.d365bridge.client.commerce.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.PercentEncoding;
import io.github.d365bridge.client.commerce.QueryParam;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.client.commerce.search.SortOrder;

/**
 * Commerce verifies signatures with Laminas OAuth, which orders encoded parameter names with PHP
 * {@code strnatcmp} instead of RFC 5849's byte order. This pins the reason for SearchCriteria's limit
 * of ten entries per list: up to that size both orders agree for everything the client signs.
 */
class CommerceSortOrderTest {

    /** Enough of strnatcmp for these keys: digit runs compare by value, everything else by byte. */
    private static final Comparator<String> NATURAL = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = i;
                int ej = j;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int byValue = new java.math.BigInteger(a.substring(i, ei)).compareTo(new java.math.BigInteger(b.substring(j, ej)));
                if (byValue != 0) {
                    return byValue;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    @Test
    void rfcOrderEqualsCommerceOrderForTheLargestAllowedSearch() {
        SearchCriteria.Builder builder = SearchCriteria.builder();
        for (int g = 0; g < SearchCriteria.MAX_ENTRIES; g++) {
            Filter[] filters = new Filter[SearchCriteria.MAX_ENTRIES];
            for (int f = 0; f < filters.length; f++) {
                filters[f] = Filter.eq("field" + g + f, "v" + f);
            }
            builder.anyOf(filters).sortBy(SortOrder.asc("s" + g));
        }
        List<String> names = encodedNames(builder.build().toQueryParams());

        assertThat(sorted(names, Comparator.naturalOrder())).isEqualTo(sorted(names, NATURAL));
    }

    @Test
    void ordersWouldDivergeAtIndexTen() {
        List<String> names = List.of(
                PercentEncoding.encode("searchCriteria[sort_orders][2][field]"),
                PercentEncoding.encode("searchCriteria[sort_orders][10][field]"));
        assertThat(sorted(names, Comparator.naturalOrder())).isNotEqualTo(sorted(names, NATURAL));
    }

    private static List<String> encodedNames(List<QueryParam> params) {
        List<String> names = new ArrayList<>();
        params.forEach(p -> names.add(PercentEncoding.encode(p.name())));
        names.add("oauth_consumer_key");
        names.add("oauth_nonce");
        return names;
    }

    private static List<String> sorted(List<String> names, Comparator<String> order) {
        List<String> copy = new ArrayList<>(names);
        copy.sort(order);
        return copy;
    }
}
