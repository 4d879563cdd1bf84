package io.github.d365bridge.sandbox.d365.dmf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.d365bridge.client.d365.pkg.DataPackageWriter;
import io.github.d365bridge.client.d365.pkg.EntityRowWriter;
import io.github.d365bridge.client.d365.pkg.PackageDefinition;
import io.github.d365bridge.client.d365.pkg.PackageEntity;
import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.model.Field;
import io.github.d365bridge.sandbox.d365.odata.ODataJson;
import io.github.d365bridge.sandbox.d365.store.EntityTable;

/**
 * Writes an export package in D365's format with the project's {@link DataPackageWriter}: one
 * CSV-Unicode file per entity of the data project, every emitted field as an upper-case column,
 * rows of the job's legal entity streamed from the table. Values are written as in OData JSON text
 * (dates ISO at the second, enums by name, decimals plain); D365's own CSV date format follows the
 * exporting user's locale and is not reproduced.
 */
final class PackageExport {

    private PackageExport() {
    }

    /**
     * Writes the package to a temporary file (the caller deletes it); answers it.
     *
     * @param leaveOutEvery leave out every n-th row (a partial export); 0 keeps every row
     */
    static Path write(String project, List<EntitySchema> schemas, List<EntityTable> tables, String legalEntity,
            int leaveOutEvery) {
        List<PackageEntity> entities = new ArrayList<>();
        for (int i = 0; i < schemas.size(); i++) {
            EntitySchema schema = schemas.get(i);
            List<String> fields = schema.fields().stream().map(f -> f.name().toUpperCase(Locale.ROOT)).toList();
            entities.add(PackageEntity.of(schema.label(), schema.typeName().toUpperCase(Locale.ROOT) + "ENTITY", fields)
                    .withPosition(1, i + 1, 1));
        }
        PackageDefinition definition = new PackageDefinition(project, "Exported by the D365 sandbox", entities);
        try {
            Path file = Files.createTempFile("dmf-export-", ".zip");
            try (OutputStream out = Files.newOutputStream(file); DataPackageWriter writer = new DataPackageWriter(out, definition)) {
                for (int i = 0; i < schemas.size(); i++) {
                    writeRows(writer, schemas.get(i), tables.get(i), legalEntity, leaveOutEvery);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRows(DataPackageWriter writer, EntitySchema schema, EntityTable table, String legalEntity,
            int leaveOutEvery) {
        long n = 0;
        try (EntityRowWriter rows = writer.openEntity(schema.label())) {
            for (int i : positions(schema, table, legalEntity)) {
                Map<String, Object> row = table.rowAt(i);
                if (row == null || (schema.isPerCompany() && !legalEntity.equalsIgnoreCase((String) row.get("dataAreaId")))) {
                    continue;
                }
                if (leaveOutEvery > 0 && ++n % leaveOutEvery == 0) {
                    continue;
                }
                List<String> values = new ArrayList<>(schema.fields().size());
                for (Field field : schema.fields()) {
                    values.add(ODataJson.text(field, row.get(field.name())));
                }
                rows.write(values);
            }
        }
    }

    /** Rows the export will hold, for the latency model. */
    static long count(EntitySchema schema, EntityTable table, String legalEntity) {
        long n = 0;
        for (int i : positions(schema, table, legalEntity)) {
            Map<String, Object> row = table.rowAt(i);
            if (row != null && (!schema.isPerCompany() || legalEntity.equalsIgnoreCase((String) row.get("dataAreaId")))) {
                n++;
            }
        }
        return n;
    }

    /**
     * The scan positions that can hold the legal entity's rows: its slice of the seed rows (when the
     * generator knows it) and every created row, so an export of one company of four builds a quarter of
     * the rows.
     */
    private static Iterable<Integer> positions(EntitySchema schema, EntityTable table, String legalEntity) {
        int size = table.scanSize();
        int[] range = schema.isPerCompany() ? table.seedRange(legalEntity) : null;
        java.util.stream.IntStream all = range == null ? java.util.stream.IntStream.range(0, size)
                : java.util.stream.IntStream.concat(java.util.stream.IntStream.range(range[0], range[1]),
                        java.util.stream.IntStream.range(table.seedSize(), size));
        return all::iterator;
    }
}
