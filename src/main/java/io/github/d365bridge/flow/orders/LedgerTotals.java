package io.github.d365bridge.flow.orders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.azure.data.tables.models.TableEntity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.github.d365bridge.ground.Json;

/**
 * A ledger partition's count of the written-back orders moved out of it into the archive, in total and by the
 * source of their first signal. It changes in the same transaction that deletes the moved orders' rows, so an
 * order is counted either here or by its own {@code w|} row, never both and never neither.
 */
record LedgerTotals(long writtenBack, Map<String, Long> bySource) {

    static final LedgerTotals NONE = new LedgerTotals(0, Map.of());

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    static LedgerTotals of(TableEntity row) {
        Object count = row.getProperty("WrittenBack");
        Object sources = row.getProperty("BySource");
        Map<String, Long> bySource = Map.of();
        if (sources instanceof String json) {
            try {
                bySource = Json.mapper().readValue(json, COUNTS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Ledger totals of " + row.getPartitionKey() + " are not readable", e);
            }
        }
        return new LedgerTotals(count instanceof Number n ? n.longValue() : 0, bySource);
    }

    /** These totals with {@code moved} added. */
    LedgerTotals plus(List<LedgerEntry> moved) {
        Map<String, Long> sources = new HashMap<>(bySource);
        moved.forEach(entry -> sources.merge(sourceOf(entry.source()), 1L, Long::sum));
        return new LedgerTotals(writtenBack + moved.size(), sources);
    }

    TableEntity row(String partition) {
        TableEntity row = new TableEntity(partition, LedgerRows.TOTALS_ROW);
        row.addProperty("WrittenBack", writtenBack);
        try {
            row.addProperty("BySource", Json.mapper().writeValueAsString(new TreeMap<>(bySource)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return row;
    }

    static String sourceOf(String source) {
        return source == null ? LedgerCounts.UNKNOWN_SOURCE : source;
    }
}
