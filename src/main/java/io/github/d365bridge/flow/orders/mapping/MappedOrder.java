package io.github.d365bridge.flow.orders.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.d365bridge.flow.orders.OrderKey;

/**
 * One Commerce order as D365 package rows: the header of {@code SalesOrderHeadersV2} and the lines of
 * {@code SalesOrderLinesV3}, keyed by upper-case field name ({@link SalesOrderFields}), every column
 * present (empty when unset). The header's {@code SALESORDERNUMBER} is a package-local placeholder that
 * the lines repeat; D365 gives the order its real number on import.
 *
 * @param orderKey    the Commerce order ({@code CUSTOMERSORDERREFERENCE})
 * @param legalEntity the {@code dataAreaId} to import into: one package per legal entity
 * @param header      header row
 * @param lines       line rows, at least one
 */
public record MappedOrder(OrderKey orderKey, String legalEntity, Map<String, String> header,
        List<Map<String, String>> lines) {

    public MappedOrder {
        Objects.requireNonNull(orderKey, "orderKey");
        Objects.requireNonNull(legalEntity, "legalEntity");
        header = row(header, SalesOrderFields.HEADER);
        lines = lines.stream().map(line -> row(line, SalesOrderFields.LINE)).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("order " + orderKey + " has no lines");
        }
    }

    /** The placeholder order number linking the lines to the header inside a package. */
    public String packageOrderNumber() {
        return header.get(SalesOrderFields.SALES_ORDER_NUMBER);
    }

    /** The header's values in {@link SalesOrderFields#HEADER} order, as the package writer takes them. */
    public List<String> headerValues() {
        return SalesOrderFields.HEADER.stream().map(header::get).toList();
    }

    /** Each line's values in {@link SalesOrderFields#LINE} order. */
    public List<List<String>> lineValues() {
        return lines.stream().map(line -> SalesOrderFields.LINE.stream().map(line::get).toList()).toList();
    }

    /** A copy in column order that refuses columns the package would not write. */
    private static Map<String, String> row(Map<String, String> values, List<String> columns) {
        for (String key : values.keySet()) {
            if (!columns.contains(key)) {
                throw new IllegalArgumentException("column " + key + " is not one of " + columns);
            }
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (String column : columns) {
            String value = values.get(column);
            copy.put(column, value == null ? "" : value);
        }
        return Collections.unmodifiableMap(copy);
    }
}
