package io.github.d365bridge.client.d365.pkg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.d365bridge.ground.PermanentFailureException;

/**
 * Rows of a CSV-Unicode data file: UTF-16 LE with byte-order mark, header row of field names. UTF-8
 * with a byte-order mark is tolerated because it is what people get when they touch an export in
 * an editor; a file without any byte-order mark is refused, as D365 refuses it ("not Unicode").
 */
final class CsvUnicodeRowIterator extends LazyRowIterator {

    private final PackageLocation where;
    private final CsvRecordReader records;
    private final List<String> header;
    private long rowNumber;

    private CsvUnicodeRowIterator(InputStream raw, CsvRecordReader records, PackageLocation where,
            List<String> header) {
        super(raw);
        this.where = where;
        this.records = records;
        this.header = header;
    }

    /** Checks the encoding and reads the header row; closes {@code raw} when that fails. */
    static CsvUnicodeRowIterator open(InputStream raw, PackageLocation where) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            byte[] head = TextEncoding.peek(in);
            TextEncoding encoding = TextEncoding.fromBom(head)
                    .filter(e -> e.charset() != StandardCharsets.UTF_16BE)
                    .orElseThrow(() -> where.failure("CSV-Unicode data file is not UTF-16 LE with byte-order mark "
                            + "(first bytes " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(head)
                            + "); D365 refuses such a file as not Unicode"));
            CsvRecordReader records = new CsvRecordReader(encoding.open(in));
            List<String> header = readHeader(records, where);
            return new CsvUnicodeRowIterator(raw, records, where, header);
        } catch (IOException | RuntimeException e) {
            closeQuietly(raw);
            if (e instanceof PermanentFailureException failure) {
                throw failure;
            }
            throw readFailure(where, e, "the header row");
        }
    }

    @Override
    protected PackageRow readNext() {
        long row = rowNumber + 1;
        try {
            List<String> values;
            do {
                values = records.read();
                // A blank line cannot be a row of a file with several columns (editors leave them at the end).
            } while (values != null && header.size() > 1 && values.size() == 1 && values.get(0).isEmpty());
            if (values == null) {
                return null;
            }
            if (values.size() != header.size()) {
                throw where.failure("row " + row + " (line " + records.recordLine() + ") has " + values.size()
                        + " values but the header has " + header.size() + " fields");
            }
            Map<String, String> byField = new LinkedHashMap<>(header.size() * 2);
            for (int i = 0; i < header.size(); i++) {
                byField.put(header.get(i), values.get(i));
            }
            rowNumber = row;
            return new PackageRow(row, byField);
        } catch (IOException e) {
            throw readFailure(where, e, "row " + row + " (line " + records.recordLine() + ")");
        } catch (CsvRecordReader.MalformedCsvException e) {
            throw where.failure("malformed CSV at row " + row + " (line " + records.recordLine() + "): "
                    + e.getMessage());
        }
    }

    private static List<String> readHeader(CsvRecordReader records, PackageLocation where) throws IOException {
        List<String> names;
        try {
            names = records.read();
        } catch (CsvRecordReader.MalformedCsvException e) {
            throw where.failure("malformed CSV header row: " + e.getMessage());
        }
        if (names == null || names.stream().allMatch(String::isBlank)) {
            throw where.failure("data file has no header row");
        }
        Set<String> seen = new HashSet<>();
        List<String> upper = names.stream().map(n -> n.toUpperCase(Locale.ROOT)).toList();
        for (String name : upper) {
            if (name.isBlank() || !seen.add(name)) {
                throw where.failure("header row has an empty or repeated field name '" + name + "'");
            }
        }
        return upper;
    }

    private static PermanentFailureException readFailure(PackageLocation where, Exception e, String at) {
        String problem = e instanceof CharacterCodingException
                ? "bytes that are not valid in the file's encoding at " + at
                : "cannot read " + at + " (" + e + ")";
        return where.failure(problem, e);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing; the original problem is the one to report
        }
    }
}
