package io.github.d365bridge.sandbox.d365.dmf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The error keys file of one entity of an import: CSV in D365's own export encoding (UTF-16 LE with
 * byte-order mark, CRLF), one row per failed record with its identifying columns and the error text.
 * The exact column set of D365's file is unconfirmed; these columns let a client find its records.
 */
final class ErrorKeysFile {

    private ErrorKeysFile() {
    }

    static byte[] write(List<DmfJob.FailedRow> rows) {
        List<String> columns = new ArrayList<>(rows.isEmpty() ? List.of("DATAAREAID") : rows.get(0).keys().keySet());
        StringBuilder text = new StringBuilder();
        List<String> header = new ArrayList<>(columns);
        header.add("ERROR");
        line(text, header);
        for (DmfJob.FailedRow row : rows) {
            List<String> values = new ArrayList<>();
            columns.forEach(c -> values.add(row.keys().getOrDefault(c, "")));
            values.add(row.message());
            line(text, values);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_16LE);
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    private static void line(StringBuilder text, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            String value = values.get(i);
            boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0 || (!value.isEmpty() && value.strip().length() != value.length());
            text.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        text.append("\r\n");
    }
}
