package io.github.d365bridge.client.d365.pkg;

import java.util.List;
import java.util.Optional;

/**
 * What a package's manifest says about one of its entities.
 *
 * @param label            {@code EntityName}: the entity label, e.g. "Sales order headers V2"
 * @param targetEntity     {@code TargetEntity}, or null when the manifest leaves it out
 * @param sourceFormatName {@code SourceFormat} as written, or null; see {@link #sourceFormat()}
 * @param dataFile         {@code InputFilePath}: the data file's name in the zip, or null
 * @param fields           {@code EntityField} of each {@code EntityMap}, in manifest order
 * @param executionUnit    {@code ExecutionUnit} (0 when absent)
 * @param level            {@code LevelInExecutionUnit} (0 when absent)
 * @param sequence         {@code SequenceInLevel} (0 when absent)
 * @param disabled         {@code Disable}
 */
public record ManifestEntity(String label, String targetEntity, String sourceFormatName, String dataFile,
        List<String> fields, int executionUnit, int level, int sequence, boolean disabled) {

    public ManifestEntity {
        fields = List.copyOf(fields);
    }

    /** Empty for a format this reader does not know (Excel, a custom one). */
    public Optional<SourceFormat> sourceFormat() {
        return SourceFormat.fromManifest(sourceFormatName);
    }
}
