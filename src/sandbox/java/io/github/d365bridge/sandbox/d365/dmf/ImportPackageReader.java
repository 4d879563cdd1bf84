package io.github.d365bridge.sandbox.d365.dmf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.client.d365.pkg.DataPackageReader;
import io.github.d365bridge.client.d365.pkg.ManifestEntity;
import io.github.d365bridge.client.d365.pkg.PackageRow;
import io.github.d365bridge.client.d365.pkg.RowIterator;
import io.github.d365bridge.client.d365.pkg.SourceFormat;
import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.model.EntitySchema;

/**
 * Reads and validates an uploaded package as D365's import does before touching data: known entity
 * labels that belong to the data project, CSV-Unicode files in UTF-16 LE with CRLF, columns that exist
 * in the entity. An entity without {@code EntityMapList} contributes no rows and no error — D365 then
 * imports nothing and still reports success. Uses the project's streaming {@link DataPackageReader}.
 */
final class ImportPackageReader {

    private ImportPackageReader() {
    }

    static List<ParsedEntity> read(Path zipFile, String packageName, String project, List<String> projectLabels) {
        List<ParsedEntity> parsed = new ArrayList<>();
        try (DataPackageReader reader = openReader(zipFile, packageName); ZipFile raw = new ZipFile(zipFile.toFile())) {
            List<ManifestEntity> entities = reader.entities().stream().filter(e -> !e.disabled())
                    .sorted(Comparator.comparingInt(ManifestEntity::executionUnit)
                            .thenComparingInt(ManifestEntity::level).thenComparingInt(ManifestEntity::sequence))
                    .toList();
            for (ManifestEntity entity : entities) {
                parsed.add(entity(reader, raw, entity, project, projectLabels));
            }
        } catch (BridgeException e) {
            throw new ImportFailure(e.getMessage());
        } catch (IOException e) {
            throw new ImportFailure("The package '" + packageName + "' cannot be read: " + e.getMessage());
        }
        return parsed;
    }

    private static DataPackageReader openReader(Path zipFile, String packageName) {
        try {
            return DataPackageReader.open(zipFile);
        } catch (BridgeException e) {
            throw new ImportFailure(e.getMessage().replace(zipFile.getFileName().toString(), packageName));
        }
    }

    private static ParsedEntity entity(DataPackageReader reader, ZipFile raw, ManifestEntity entity, String project,
            List<String> projectLabels) {
        String label = entity.label();
        EntitySchema schema = EntityCatalog.byLabel(label)
                .orElseThrow(() -> new ImportFailure("Entity '" + label + "' does not exist."));
        if (projectLabels.stream().noneMatch(label::equalsIgnoreCase)) {
            throw new ImportFailure("Entity '" + label + "' is not part of data project '" + project + "'.");
        }
        if (entity.fields().isEmpty()) {
            return new ParsedEntity(label, schema, List.of());
        }
        if (entity.sourceFormat().orElse(null) == SourceFormat.CSV_UNICODE && entity.dataFile() != null) {
            CsvUnicodeCheck.check(raw, entity.dataFile(), label);
        }
        Set<String> known = StagingFields.of(schema);
        List<PackageRow> rows = new ArrayList<>();
        try (RowIterator it = reader.rows(entity)) {
            while (it.hasNext()) {
                PackageRow row = it.next();
                if (rows.isEmpty()) {
                    for (String column : row.fields()) {
                        if (!known.contains(column)) {
                            throw new ImportFailure("Field '" + column + "' does not exist in entity '" + label + "'.");
                        }
                    }
                }
                rows.add(row);
            }
        }
        return new ParsedEntity(label, schema, rows);
    }
}
