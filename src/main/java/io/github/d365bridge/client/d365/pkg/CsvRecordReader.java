package io.github.d365bridge.client.d365.pkg;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records, one at a time, as RFC 4180 with {@code "} as text qualifier. Lenient
 * where files from other tools differ harmlessly (LF or CR alone ends a record too; a quote inside an
 * unquoted value is kept as a character) and strict where data would be lost (a quoted value never
 * closed, text after a closing quote). Values are never trimmed.
 */
final class CsvRecordReader {

    private static final int EOF = -1;
    private static final int NONE = -2;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int pushedBack = NONE;
    /** Physical line of the reading position: record ends and line breaks inside quotes both count. */
    private long line = 1;
    private long recordLine;

    CsvRecordReader(Reader in) {
        this.in = in;
    }

    /** Physical line (1-based) on which the record last returned began. */
    long recordLine() {
        return recordLine;
    }

    /** The next record, or null at the end of the text. */
    List<String> read() throws IOException, MalformedCsvException {
        recordLine = line;
        int c = next();
        if (c == EOF) {
            return null;
        }
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        while (true) {
            value.setLength(0);
            if (c == '"') {
                long quoteLine = line;
                int previous = EOF;
                while (true) {
                    c = next();
                    if (c == EOF) {
                        throw new MalformedCsvException("unterminated quoted value (the quote opened on line "
                                + quoteLine + " is never closed)");
                    }
                    if (c == '"') {
                        c = next();
                        if (c != '"') {
                            break;
                        }
                    }
                    if (c == '\r' || (c == '\n' && previous != '\r')) {
                        line++;
                    }
                    previous = c;
                    value.append((char) c);
                }
                if (c != ',' && c != '\r' && c != '\n' && c != EOF) {
                    throw new MalformedCsvException("unexpected character '" + (char) c
                            + "' after a closing quote on line " + line + " (a quote inside a value must be doubled)");
                }
            } else {
                while (c != ',' && c != '\r' && c != '\n' && c != EOF) {
                    value.append((char) c);
                    c = next();
                }
            }
            values.add(value.toString());
            if (c == ',') {
                c = next();
                continue;
            }
            if (c == '\r') {
                int after = next();
                if (after != '\n') {
                    pushedBack = after;
                }
            }
            if (c != EOF) {
                line++;
            }
            return values;
        }
    }

    private int next() throws IOException {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return EOF;
            }
        }
        return buffer[position++];
    }

    /** The text is not valid CSV; the message says how, the caller adds where. */
    static final class MalformedCsvException extends Exception {
        MalformedCsvException(String message) {
            super(message);
        }
    }
}
