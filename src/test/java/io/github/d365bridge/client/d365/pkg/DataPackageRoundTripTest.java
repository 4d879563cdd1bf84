package io.github.d365bridge.client.d365.pkg;

import static io.github.d365bridge.client.d365.pkg.PackageFixtures.HEADERS;
import static io.github.d365bridge.client.d365.pkg.PackageFixtures.LINES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.d365bridge.ground.PermanentFailureException;

/** What the writer writes, the reader reads back unchanged. */
class DataPackageRoundTripTest {

    @TempDir
    Path temp;

    @Test
    void hostileValuesComeBackUnchangedInEveryColumnPosition() {
        List<String> hostile = PackageFixtures.hostileValues();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataPackageWriter writer = new DataPackageWriter(out, PackageFixtures.orderDefinition())) {
            writer.writeEntity(HEADERS, hostile.stream().map(v -> List.of(v, v, v)));
            writer.writeEntity(LINES, hostile.stream().map(v -> List.of("SO-1", "1", v, "")));
        }

        try (DataPackageReader reader = DataPackageReader.open(new ByteArrayInputStream(out.toByteArray()), "orders.zip");
                RowIterator headers = reader.rows(HEADERS);
                RowIterator lines = reader.rows(LINES)) {
            List<PackageRow> headerRows = drain(headers);
            assertThat(headerRows).hasSize(hostile.size());
            for (int i = 0; i < hostile.size(); i++) {
                PackageRow row = headerRows.get(i);
                String expected = hostile.get(i);
                assertThat(row.rowNumber()).isEqualTo(i + 1);
                assertThat(row.fields()).containsExactly("SALESORDERNUMBER", "ORDERINGCUSTOMERACCOUNTNUMBER",
                        "CUSTOMERREQUISITIONNUMBER");
                assertThat(row.values().values()).as("row %d, value %s", i + 1, printable(expected))
                        .containsOnly(expected);
            }
            List<PackageRow> lineRows = drain(lines);
            assertThat(lineRows).extracting(r -> r.get("itemNumber")).containsExactlyElementsOf(hostile);
            assertThat(lineRows).extracting(r -> r.get("LINEDESCRIPTION")).containsOnly("");
        }
    }

    @Test
    void singleColumnEntityKeepsEmptyAndBlankValues() {
        PackageEntity items = PackageEntity.of("Released products V2", "ReleasedProductsV2", List.of("ITEMNUMBER"));
        List<String> values = List.of("", " RFI-TEST-001", "", "\r\n", "last");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataPackageWriter writer = new DataPackageWriter(out, PackageDefinition.of("Items", "", items))) {
            writer.writeEntity(items.label(), values.stream().map(List::of));
        }

        try (DataPackageReader reader = DataPackageReader.open(new ByteArrayInputStream(out.toByteArray()), "items.zip");
                RowIterator rows = reader.rows("ReleasedProductsV2")) {
            assertThat(drain(rows)).extracting(r -> r.get("ITEMNUMBER")).containsExactlyElementsOf(values);
        }
    }

    @Test
    void manifestReadBackDescribesWhatWasWritten() throws Exception {
        Path file = temp.resolve("orders.zip");
        try (OutputStream out = Files.newOutputStream(file);
                DataPackageWriter writer = new DataPackageWriter(out, PackageFixtures.orderDefinition())) {
            writer.writeEntity(HEADERS, List.<List<String>>of().iterator());
            writer.writeEntity(LINES, List.<List<String>>of().iterator());
        }

        try (DataPackageReader reader = DataPackageReader.open(file)) {
            PackageManifest manifest = reader.manifest();
            assertThat(manifest.definitionGroupName()).isEqualTo("Commerce orders");
            assertThat(manifest.description()).isEqualTo("Orders from Adobe Commerce");
            assertThat(manifest.entities()).containsExactly(
                    new ManifestEntity(HEADERS, "SalesOrderHeadersV2", "CSV-Unicode", "Sales order headers V2.csv",
                            List.of("SALESORDERNUMBER", "ORDERINGCUSTOMERACCOUNTNUMBER", "CUSTOMERREQUISITIONNUMBER"),
                            1, 1, 1, false),
                    new ManifestEntity(LINES, "SalesOrderLinesV2", "CSV-Unicode", "Sales order lines V2.csv",
                            List.of("SALESORDERNUMBER", "LINENUMBER", "ITEMNUMBER", "LINEDESCRIPTION"), 1, 2, 1, false));
            assertThat(manifest.entities().get(0).sourceFormat()).contains(SourceFormat.CSV_UNICODE);
            try (RowIterator rows = reader.rows(LINES)) {
                assertThat(rows.hasNext()).isFalse();
            }
        }
        assertThat(Files.exists(file)).as("a caller's own file is not deleted").isTrue();
    }

    @Test
    void hundredThousandRowsStreamThroughWriterAndReader() throws Exception {
        int count = 100_000;
        Path file = temp.resolve("big.zip");
        try (OutputStream out = Files.newOutputStream(file);
                DataPackageWriter writer = new DataPackageWriter(out, PackageFixtures.orderDefinition())) {
            assertThat(writer.writeEntity(HEADERS, generatedRows(count))).isEqualTo(count);
            writer.writeEntity(LINES, List.<List<String>>of().iterator());
        }

        long seen = 0;
        long matching = 0;
        try (DataPackageReader reader = DataPackageReader.open(file); RowIterator rows = reader.rows(HEADERS)) {
            while (rows.hasNext()) {
                PackageRow row = rows.next();
                seen++;
                if (row.rowNumber() == seen && row.values().values().stream().toList().equals(expectedRow(seen))) {
                    matching++;
                }
            }
            assertThat(rows.hasNext()).isFalse();
        }
        assertThat(seen).isEqualTo(count);
        assertThat(matching).isEqualTo(count);
    }

    @Test
    void rowsArriveBeforeTheEndOfTheFileIsRead() {
        // 100,000 good rows, then a broken tail: a reader that loaded or validated the whole file first
        // would fail before giving out the first row; a streaming one hands out all 100,000 first.
        int count = 100_000;
        StringBuilder csv = new StringBuilder(count * 24).append("ITEMNUMBER,NAME\r\n");
        for (int i = 1; i <= count; i++) {
            csv.append("I-").append(i).append(",Name ").append(i).append("\r\n");
        }
        csv.append("I-broken,\"never closed\r\n");
        byte[] data = PackageFixtures.withBom(csv.toString(), StandardCharsets.UTF_16LE);
        csv.setLength(0);
        byte[] zip = PackageFixtures.zip(Map.of(
                "Manifest.xml", PackageFixtures.withBom(PackageFixtures.manifestFor("Items", "Items", "CSV-Unicode",
                        "Items.csv", List.of("ITEMNUMBER", "NAME")), StandardCharsets.UTF_16LE),
                "Items.csv", data));

        long seen = 0;
        try (DataPackageReader reader = DataPackageReader.open(new ByteArrayInputStream(zip), "items.zip");
                RowIterator rows = reader.rows("Items")) {
            while (seen < count) {
                assertThat(rows.next().get("NAME")).isEqualTo("Name " + (seen + 1));
                seen++;
            }
            assertThatThrownBy(rows::hasNext)
                    .isInstanceOf(PermanentFailureException.class)
                    .hasMessageContaining("malformed CSV at row 100001 (line 100002)");
        }
        assertThat(seen).isEqualTo(count);
    }

    /** Rows made on demand, so that the test itself never holds them either. */
    static Iterator<List<String>> generatedRows(int count) {
        return new Iterator<>() {
            private long next = 1;

            @Override
            public boolean hasNext() {
                return next <= count;
            }

            @Override
            public List<String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return expectedRow(next++);
            }
        };
    }

    static List<String> expectedRow(long n) {
        return List.of("SO-" + n, n % 7 == 0 ? " C-" + n : "C-" + n, n % 5 == 0 ? "PO \"" + n + "\",\r\nx" : "");
    }

    private static List<PackageRow> drain(RowIterator rows) {
        List<PackageRow> result = new ArrayList<>();
        rows.forEachRemaining(result::add);
        return result;
    }

    private static String printable(String value) {
        String shown = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }
}
