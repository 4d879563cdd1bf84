package io.github.d365bridge.sandbox.d365.rules;

import static io.github.d365bridge.sandbox.d365.rules.RowDefaults.string;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.github.d365bridge.sandbox.d365.D365SandboxData;
import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.store.DuplicateKeyException;
import io.github.d365bridge.sandbox.d365.store.NumberSequences.Purpose;

/**
 * The business logic the sandbox runs on writes, shared by OData and DMF: number sequences, defaults
 * taken from the customer and the released product, the relation checks D365 makes (customer and
 * item must exist in the order's company), and order totals kept in step with the lines.
 */
public final class WriteRules {

    private final D365SandboxData data;
    private final Consumer<Map<String, Object>> onOrderCreated;

    /** @param onOrderCreated told of every new sales order header (automatic invoicing hooks in here) */
    public WriteRules(D365SandboxData data, Consumer<Map<String, Object>> onOrderCreated) {
        this.data = data;
        this.onOrderCreated = onOrderCreated;
    }

    /** Completes, validates and stores a new row; answers the stored row. */
    public Map<String, Object> create(EntitySchema schema, Map<String, Object> given, String callerCompany) {
        Map<String, Object> values = new LinkedHashMap<>(given);
        if (schema.isPerCompany()) {
            String company = string(values, "dataAreaId");
            values.put("dataAreaId", (company.isEmpty() ? callerCompany : company).toLowerCase(Locale.ROOT));
        }
        Map<String, Object> row = RowDefaults.complete(schema, values);
        String set = schema == EntityCatalog.SALES_ORDER_LINES_V1 ? EntityCatalog.SALES_ORDER_LINES.setName()
                : schema.setName();
        switch (set) {
            case "CustomersV3" -> CustomerRules.complete(data, row, given);
            case "SalesOrderHeadersV2" -> SalesOrderRules.completeHeader(data, row, given);
            case "SalesOrderLinesV3" -> SalesOrderRules.completeLine(data, row, given);
            default -> requireKeys(schema, given);
        }
        try {
            data.table(schema.setName()).insert(row);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("Cannot create a record in " + schema.typeName() + ". "
                    + schema.keys().stream().map(k -> k + ": " + row.get(k)).toList() + ". The record already exists.");
        }
        if (set.equals("SalesOrderLinesV3")) {
            SalesOrderRules.recalculateTotals(data, string(row, "dataAreaId"), string(row, "SalesOrderNumber"));
        }
        if (set.equals("SalesOrderHeadersV2")) {
            onOrderCreated.accept(row);
        }
        return data.table(schema.setName()).find(keyValues(schema, row)).orElse(row);
    }

    /** Applies changed fields to an existing row; key fields may be repeated but not changed. */
    public Map<String, Object> update(EntitySchema schema, Map<String, Object> existing, Map<String, Object> changes) {
        for (String key : schema.keys()) {
            if (changes.containsKey(key) && !String.valueOf(changes.get(key)).equalsIgnoreCase(String.valueOf(existing.get(key)))) {
                throw new RuleViolation("The key field '" + key + "' cannot be changed.");
            }
        }
        Map<String, Object> row = new LinkedHashMap<>(existing);
        changes.forEach((field, value) -> {
            if (!schema.keys().contains(field)) {
                row.put(field, value);
            }
        });
        boolean line = schema.setName().startsWith("SalesOrderLines");
        if (line && !changes.containsKey("LineAmount")) {
            row.put("LineAmount", SalesOrderRules.lineAmount(row));
        }
        data.table(schema.setName()).replace(row);
        if (line) {
            SalesOrderRules.recalculateTotals(data, string(row, "dataAreaId"), string(row, "SalesOrderNumber"));
        }
        return row;
    }

    /** Deletes a row; an order header takes its lines with it, as in D365. */
    public void delete(EntitySchema schema, Map<String, Object> existing) {
        data.table(schema.setName()).delete(keyValues(schema, existing));
        String company = string(existing, "dataAreaId");
        String order = string(existing, "SalesOrderNumber");
        if (schema == EntityCatalog.SALES_ORDER_HEADERS) {
            data.rows(EntityCatalog.SALES_ORDER_LINES.setName(), l -> order.equals(l.get("SalesOrderNumber"))
                    && company.equals(l.get("dataAreaId"))).forEach(l -> data.table(EntityCatalog.SALES_ORDER_LINES
                            .setName()).delete(keyValues(EntityCatalog.SALES_ORDER_LINES, l)));
        } else if (schema.setName().startsWith("SalesOrderLines")) {
            SalesOrderRules.recalculateTotals(data, company, order);
        }
    }

    public static List<Object> keyValues(EntitySchema schema, Map<String, Object> row) {
        return schema.keys().stream().map(row::get).map(v -> (Object) v).toList();
    }

    private static void requireKeys(EntitySchema schema, Map<String, Object> given) {
        for (String key : schema.keys()) {
            if (!given.containsKey(key)) {
                throw RuleViolation.mandatory(key);
            }
        }
    }

    /** Now, at the second, as D365 stores date-times. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    static String next(D365SandboxData data, Purpose purpose, String company) {
        return data.sequences().next(purpose, company);
    }
}
