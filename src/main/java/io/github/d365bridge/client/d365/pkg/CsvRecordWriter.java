package io.github.d365bridge.client.d365.pkg;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV records as D365's CSV-Unicode format reads them: comma separated, CRLF after every
 * record (D365 answers LF-only files with a mapping error), {@code "} as text qualifier with quotes
 * doubled inside. Values are written verbatim otherwise: no trimming and no spreadsheet-injection
 * guard, because D365 would import a {@code '} prefix as part of the value.
 */
final class CsvRecordWriter {

    private final Writer out;

    CsvRecordWriter(Writer out) {
        this.out = out;
    }

    void write(List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            writeValue(values.get(i));
        }
        out.write("\r\n");
    }

    private void writeValue(String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        int from = 0;
        for (int at = value.indexOf('"'); at >= 0; at = value.indexOf('"', from)) {
            out.write(value, from, at + 1 - from);
            out.write('"');
            from = at + 1;
        }
        out.write(value, from, value.length() - from);
        out.write('"');
    }

    /**
     * Comma, quote, CR and LF must be quoted. Leading or trailing white space is quoted too: many CSV
     * readers trim unquoted values, and an item number such as " RFI-TEST-001" must arrive as it is.
     */
    static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1));
    }
}
