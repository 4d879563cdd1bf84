package io.github.d365bridge.client.d365.odata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Query options for one OData read, as an immutable options object. {@link #company(String)} scopes
 * the read to one legal entity the way D365 requires ({@code cross-company=true} plus a
 * {@code dataAreaId} filter): without cross-company D365 silently returns only the caller's default
 * company.
 */
public final class ODataQuery {

    private final String filter;
    private final List<String> select;
    private final List<String> orderBy;
    private final Integer top;
    private final Integer skip;
    private final boolean count;
    private final boolean crossCompany;
    private final String company;

    private ODataQuery(String filter, List<String> select, List<String> orderBy, Integer top, Integer skip,
            boolean count, boolean crossCompany, String company) {
        this.filter = filter;
        this.select = List.copyOf(select);
        this.orderBy = List.copyOf(orderBy);
        this.top = top;
        this.skip = skip;
        this.count = count;
        this.crossCompany = crossCompany;
        this.company = company;
    }

    /** All rows of the caller's default company (D365's behaviour without options). */
    public static ODataQuery all() {
        return new ODataQuery(null, List.of(), List.of(), null, null, false, false, null);
    }

    /** Rows of one legal entity, e.g. {@code usmf}. */
    public ODataQuery company(String dataAreaId) {
        return new ODataQuery(filter, select, orderBy, top, skip, count, true, dataAreaId);
    }

    /** Rows of every legal entity the caller may read. */
    public ODataQuery crossCompany() {
        return new ODataQuery(filter, select, orderBy, top, skip, count, true, company);
    }

    /** A {@code $filter} expression; build literals with {@link ODataLiteral}. */
    public ODataQuery filter(String expression) {
        return new ODataQuery(expression, select, orderBy, top, skip, count, crossCompany, company);
    }

    public ODataQuery select(String... fields) {
        return new ODataQuery(filter, List.of(fields), orderBy, top, skip, count, crossCompany, company);
    }

    /** {@code $orderby} terms such as {@code "SalesOrderNumber desc"}. */
    public ODataQuery orderBy(String... terms) {
        return new ODataQuery(filter, select, List.of(terms), top, skip, count, crossCompany, company);
    }

    /** At most this many rows in total. */
    public ODataQuery top(int value) {
        return new ODataQuery(filter, select, orderBy, value, skip, count, crossCompany, company);
    }

    public ODataQuery skip(int value) {
        return new ODataQuery(filter, select, orderBy, top, value, count, crossCompany, company);
    }

    public ODataQuery withCount() {
        return new ODataQuery(filter, select, orderBy, top, skip, true, crossCompany, company);
    }

    public OptionalInt top() {
        return top == null ? OptionalInt.empty() : OptionalInt.of(top);
    }

    public OptionalInt skip() {
        return skip == null ? OptionalInt.empty() : OptionalInt.of(skip);
    }

    public Optional<String> company() {
        return Optional.ofNullable(company);
    }

    /** The query string (without {@code ?}), percent-encoded; {@code top}/{@code skip} may be overridden for paging. */
    public String toQueryString(Integer topOverride, Integer skipOverride) {
        List<String> parts = new ArrayList<>();
        if (crossCompany) {
            parts.add("cross-company=true");
        }
        String effectiveFilter = company == null ? filter
                : filter == null ? "dataAreaId eq " + ODataLiteral.string(company)
                : "dataAreaId eq " + ODataLiteral.string(company) + " and (" + filter + ")";
        add(parts, "$filter", effectiveFilter);
        add(parts, "$select", select.isEmpty() ? null : String.join(",", select));
        add(parts, "$orderby", orderBy.isEmpty() ? null : String.join(",", orderBy));
        Integer effectiveTop = topOverride != null ? topOverride : top;
        Integer effectiveSkip = skipOverride != null ? skipOverride : skip;
        add(parts, "$top", effectiveTop == null ? null : effectiveTop.toString());
        add(parts, "$skip", effectiveSkip == null || effectiveSkip == 0 ? null : effectiveSkip.toString());
        if (count) {
            parts.add("$count=true");
        }
        return String.join("&", parts);
    }

    @Override
    public String toString() {
        return toQueryString(null, null);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + encode(value));
        }
    }

    static String encode(String value) {
        // URLEncoder is for forms: spaces must be %20 in a query string D365 parses as OData.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
