package io.github.d365bridge.client.d365.pkg;

import java.util.Locale;
import java.util.Optional;

/**
 * The data file formats this package can handle, named as D365 names them in the manifest's
 * {@code SourceFormat}. The names are those of the standard source data formats a fresh
 * environment ships with; an environment may define others (Excel, custom CSV), which
 * {@link #fromManifest} does not recognise.
 */
public enum SourceFormat {

    /** UTF-16 LE with byte-order mark, CRLF line ends, comma separated, {@code "} as text qualifier. */
    CSV_UNICODE("CSV-Unicode", ".csv"),

    /** {@code <Document><ENTITY FIELD="…"/></Document>}: one element per row, one attribute per field. */
    XML_ATTRIBUTE("XML-Attribute", ".xml");

    private final String manifestName;
    private final String fileExtension;

    SourceFormat(String manifestName, String fileExtension) {
        this.manifestName = manifestName;
        this.fileExtension = fileExtension;
    }

    /** The name as written in {@code SourceFormat} of a manifest. */
    public String manifestName() {
        return manifestName;
    }

    /** The extension D365 gives a data file of this format, with its dot. */
    public String fileExtension() {
        return fileExtension;
    }

    /** Case-insensitive, because hand-made data projects are not consistent about it. */
    public static Optional<SourceFormat> fromManifest(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (SourceFormat format : values()) {
            if (format.manifestName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
