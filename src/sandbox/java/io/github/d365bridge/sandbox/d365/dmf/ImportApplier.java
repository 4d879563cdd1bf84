package io.github.d365bridge.sandbox.d365.dmf;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.d365bridge.client.d365.pkg.PackageRow;
import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.model.Field;
import io.github.d365bridge.sandbox.d365.rules.RuleViolation;
import io.github.d365bridge.sandbox.d365.rules.WriteRules;

/**
 * Moves validated package rows into the target entities (D365's staging-to-target step) through the
 * same business logic as OData. Each row succeeds or fails on its own.
 *
 * <p>Sales order numbers: the package's {@code SALESORDERNUMBER} of a header is treated as a link
 * inside the package, the header gets a number from the sequence (the mapping's auto-generated
 * number), and lines carrying the same package number are attached to it. A line naming a number not
 * in the package must name an existing order. Assumption; a manual-number setup would keep the
 * package's numbers instead.
 */
final class ImportApplier {

    private final WriteRules rules;

    ImportApplier(WriteRules rules) {
        this.rules = rules;
    }

    /** Answers the number of rows written. */
    long apply(DmfJob job, List<ParsedEntity> entities) {
        Map<String, String> orderNumbers = new HashMap<>();
        Map<String, String> failedOrders = new HashMap<>();
        long written = 0;
        for (ParsedEntity entity : entities) {
            EntitySchema schema = entity.schema();
            for (PackageRow row : entity.rows()) {
                String packageNumber = row.get("SALESORDERNUMBER");
                try {
                    Map<String, Object> given = typed(schema, row);
                    given.put("dataAreaId", job.legalEntity());
                    if (schema == EntityCatalog.SALES_ORDER_HEADERS) {
                        given.remove("SalesOrderNumber");
                        Map<String, Object> created = rules.create(schema, given, job.legalEntity());
                        if (packageNumber != null && !packageNumber.isEmpty()) {
                            orderNumbers.put(packageNumber, (String) created.get("SalesOrderNumber"));
                        }
                    } else {
                        if (schema == EntityCatalog.SALES_ORDER_LINES && packageNumber != null) {
                            if (failedOrders.containsKey(packageNumber)) {
                                throw new RuleViolation("The sales order header of this line was not imported: "
                                        + failedOrders.get(packageNumber));
                            }
                            given.put("SalesOrderNumber", orderNumbers.getOrDefault(packageNumber, packageNumber));
                        }
                        rules.create(schema, given, job.legalEntity());
                    }
                    written++;
                } catch (RuleViolation e) {
                    if (schema == EntityCatalog.SALES_ORDER_HEADERS && packageNumber != null) {
                        failedOrders.put(packageNumber, e.getMessage());
                    }
                    job.failed(new DmfJob.FailedRow(entity.label(), row.rowNumber(), keys(schema, row, job), e.getMessage()));
                    job.error(entity.label() + ", row " + row.rowNumber() + ": " + e.getMessage());
                }
            }
        }
        return written;
    }

    private static Map<String, Object> typed(EntitySchema schema, PackageRow row) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (Map.Entry<String, String> cell : row.values().entrySet()) {
            Field field = schema.fieldIgnoringCase(cell.getKey()).orElse(null);
            if (field == null) {
                continue; // a real staging column the sandbox does not model
            }
            try {
                given.put(field.name(), CsvValues.parse(field, cell.getValue()));
            } catch (RuleViolation e) {
                given.put("__invalid__", e.getMessage());
            }
        }
        Object invalid = given.remove("__invalid__");
        if (invalid != null) {
            throw new RuleViolation((String) invalid);
        }
        return given;
    }

    /** The columns the error keys file lists for a failed row: the entity's identifying columns. */
    static Map<String, String> keys(EntitySchema schema, PackageRow row, DmfJob job) {
        List<String> columns = schema == EntityCatalog.SALES_ORDER_HEADERS
                ? List.of("SALESORDERNUMBER", "CUSTOMERSORDERREFERENCE")
                : schema == EntityCatalog.SALES_ORDER_LINES
                        ? List.of("INVENTORYLOTID", "SALESORDERNUMBER", "LINENUMBER", "ITEMNUMBER")
                        : schema.keys().stream().map(k -> k.toUpperCase(Locale.ROOT)).filter(k -> !k.equals("DATAAREAID")).toList();
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("DATAAREAID", job.legalEntity());
        for (String column : columns) {
            String value = row.get(column);
            keys.put(column, value == null ? "" : value);
        }
        return keys;
    }
}
