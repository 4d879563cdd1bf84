package io.github.d365bridge.sandbox.d365.dmf;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The byte-level rules D365 applies to a CSV-Unicode data file, stricter than the project's package
 * reader (which tolerates UTF-8 with a mark): UTF-16 LE with its byte-order mark, and CRLF after every
 * record (a bare LF outside quotes breaks D365's field mapping).
 */
final class CsvUnicodeCheck {

    private CsvUnicodeCheck() {
    }

    static void check(ZipFile zip, String fileName, String label) {
        ZipEntry entry = find(zip, fileName);
        if (entry == null) {
            return; // the package reader reports a missing file with a better message
        }
        try (InputStream in = new BufferedInputStream(zip.getInputStream(entry))) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 != 0xFF || b1 != 0xFE) {
                throw new ImportFailure("The source file '" + fileName + "' of entity '" + label + "' is not in"
                        + " Unicode format. Source data format CSV-Unicode needs a UTF-16 LE file with byte order mark.");
            }
            Reader text = new InputStreamReader(in, StandardCharsets.UTF_16LE);
            boolean quoted = false;
            int previous = -1;
            long line = 1;
            for (int c = text.read(); c >= 0; c = text.read()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\n' && !quoted) {
                    if (previous != '\r') {
                        throw new ImportFailure("Field mapping failed for entity '" + label + "': line " + line
                                + " of '" + fileName + "' does not end with CR LF, so the columns do not match the"
                                + " mapping. Save the file with Windows (CRLF) line ends.");
                    }
                    line++;
                }
                previous = c;
            }
        } catch (IOException e) {
            throw new ImportFailure("Cannot read the source file '" + fileName + "': " + e.getMessage());
        }
    }

    private static ZipEntry find(ZipFile zip, String fileName) {
        ZipEntry exact = zip.getEntry(fileName);
        if (exact != null) {
            return exact;
        }
        String wanted = fileName.toLowerCase(Locale.ROOT);
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
            ZipEntry entry = e.nextElement();
            String name = entry.getName().substring(Math.max(entry.getName().lastIndexOf('/'), 0));
            if (name.replace("/", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                return entry;
            }
        }
        return null;
    }
}
