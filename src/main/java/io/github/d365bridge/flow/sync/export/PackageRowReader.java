package io.github.d365bridge.flow.sync.export;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.github.d365bridge.ground.Json;

/**
 * Turns the rows of an export package (upper-case column names, every value text) into the entity type the
 * flow reads from OData, so one mapper serves both sources. Columns match properties by name whatever the case
 * ({@code CUSTOMERACCOUNT} is {@code CustomerAccount}); columns the type does not know are dropped before the
 * row is spooled, so a snapshot holds about a tenth of the ~300 fields D365 exports. An empty cell of a number,
 * date, enum or flag is null, as OData has it; text stays text.
 * <p>
 * Assumed, unconfirmed: D365's CSV export writes numbers with a point and no grouping, as its OData does.
 * A cell that does not parse fails that row alone, naming the field and the value.
 */
final class PackageRowReader<T> {

    private final ObjectMapper mapper;
    private final Class<T> type;
    private final Set<String> columns;

    PackageRowReader(Class<T> type) {
        this.type = type;
        JsonMapper.Builder builder = JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.mapper = builder.build();
        for (LogicalType kind : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.DateTime, LogicalType.Enum, LogicalType.POJO}) {
            mapper.coercionConfigFor(kind).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        }
        this.columns = Json.mapper().getSerializationConfig().introspect(Json.mapper().constructType(type))
                .findProperties().stream().map(p -> p.getName().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The columns of {@code row} the type reads, for the snapshot. */
    Map<String, String> known(Map<String, String> row) {
        Map<String, String> kept = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (columns.contains(column.toUpperCase(Locale.ROOT))) {
                kept.put(column, value);
            }
        });
        return kept;
    }

    /** @throws IllegalArgumentException naming the cell that does not fit the type */
    T read(Map<String, String> row) {
        try {
            return mapper.convertValue(row, type);
        } catch (IllegalArgumentException bad) {
            Throwable cause = bad.getCause() != null ? bad.getCause() : bad;
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst()
                    .orElse("");
            throw new IllegalArgumentException("export row does not fit " + type.getSimpleName() + ": " + message, bad);
        }
    }
}
