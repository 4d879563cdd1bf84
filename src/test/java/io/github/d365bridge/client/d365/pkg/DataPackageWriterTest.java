package io.github.d365bridge.client.d365.pkg;

import static io.github.d365bridge.client.d365.pkg.PackageFixtures.HEADERS;
import static io.github.d365bridge.client.d365.pkg.PackageFixtures.LINES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Bytes and text of what the writer produces: encodings, line ends, zip layout, misuse. */
class DataPackageWriterTest {

    @Test
    void zipHoldsManifestHeaderAndOneDataFilePerEntityInThatOrder() {
        Map<String, byte[]> entries = PackageFixtures.unzip(smallOrderPackage());

        assertThat(entries.keySet()).containsExactly("Manifest.xml", "PackageHeader.xml",
                "Sales order headers V2.csv", "Sales order lines V2.csv");
    }

    @Test
    void xmlFilesAreUtf16LeWithBomAndNoDeclaration() {
        Map<String, byte[]> entries = PackageFixtures.unzip(smallOrderPackage());

        for (String name : List.of("Manifest.xml", "PackageHeader.xml")) {
            byte[] bytes = entries.get(name);
            assertThat(bytes[0]).as(name + " byte 0").isEqualTo((byte) 0xFF);
            assertThat(bytes[1]).as(name + " byte 1").isEqualTo((byte) 0xFE);
            // UTF-16 LE: ASCII characters have a zero high byte, '<' comes right after the BOM.
            assertThat(bytes[2]).isEqualTo((byte) '<');
            assertThat(bytes[3]).isZero();
            String text = PackageFixtures.decodeUtf16LeAfterBom(bytes);
            assertThat(text).doesNotContain("<?xml").doesNotContain("\uFFFD");
        }
        assertThat(PackageFixtures.decodeUtf16LeAfterBom(entries.get("Manifest.xml")))
                .startsWith("<DataManagementPackageManifest xmlns=\"" + PackageLayout.NAMESPACE + "\" xmlns:i=\""
                        + PackageLayout.XSI_NAMESPACE + "\">");
    }

    @Test
    void dataFileIsUtf16LeWithBomCrlfAndUpperCaseHeader() {
        byte[] csv = PackageFixtures.unzip(smallOrderPackage()).get("Sales order headers V2.csv");

        assertThat(csv[0]).isEqualTo((byte) 0xFF);
        assertThat(csv[1]).isEqualTo((byte) 0xFE);
        String text = PackageFixtures.decodeUtf16LeAfterBom(csv);
        assertThat(text).isEqualTo("SALESORDERNUMBER,ORDERINGCUSTOMERACCOUNTNUMBER,CUSTOMERREQUISITIONNUMBER\r\n"
                + "SO-1,C-001,\"PO \"\"7\"\", rush\"\r\n"
                + "SO-2,\" C-002\",\r\n");
    }

    @Test
    void everyLineBreakOutsideQuotedValuesIsCrlf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataPackageWriter writer = new DataPackageWriter(out, PackageFixtures.orderDefinition())) {
            writer.writeEntity(HEADERS, PackageFixtures.hostileValues().stream().map(v -> List.of(v, v, v)));
            writer.writeEntity(LINES, List.<List<String>>of().iterator());
        }
        String text = PackageFixtures.decodeUtf16LeAfterBom(
                PackageFixtures.unzip(out.toByteArray()).get("Sales order headers V2.csv"));

        int recordEnds = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\r') {
                assertThat(text.charAt(i + 1)).as("character after CR at " + i).isEqualTo('\n');
                recordEnds++;
                i++;
            } else if (!quoted && c == '\n') {
                throw new AssertionError("bare LF outside quotes at index " + i);
            }
        }
        assertThat(quoted).as("quotes balanced").isFalse();
        assertThat(recordEnds).isEqualTo(1 + PackageFixtures.hostileValues().size());
        assertThat(text).endsWith("\r\n");
    }

    @Test
    void valuesAreQuotedOnlyWhenTheyNeedIt() {
        assertThat(CsvRecordWriter.needsQuotes("plain")).isFalse();
        assertThat(CsvRecordWriter.needsQuotes("=SUM(A1)")).isFalse();
        assertThat(CsvRecordWriter.needsQuotes("tab\tinside")).isFalse();
        assertThat(CsvRecordWriter.needsQuotes("a,b")).isTrue();
        assertThat(CsvRecordWriter.needsQuotes("a\"b")).isTrue();
        assertThat(CsvRecordWriter.needsQuotes("a\rb")).isTrue();
        assertThat(CsvRecordWriter.needsQuotes("a\nb")).isTrue();
        assertThat(CsvRecordWriter.needsQuotes(" RFI-TEST-001")).isTrue();
        assertThat(CsvRecordWriter.needsQuotes("RFI-TEST-001\t")).isTrue();
    }

    @Test
    void rowsByFieldNameFillMissingFieldsWithEmptyValues() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataPackageWriter writer = new DataPackageWriter(out, PackageFixtures.orderDefinition())) {
            try (EntityRowWriter rows = writer.openEntity(HEADERS)) {
                rows.write(Map.of("customerRequisitionNumber", "PO-9", "SALESORDERNUMBER", "SO-9"));
                assertThat(rows.rowCount()).isEqualTo(1);
            }
            writer.writeEntity(LINES, List.<List<String>>of().iterator());
        }
        String text = PackageFixtures.decodeUtf16LeAfterBom(
                PackageFixtures.unzip(out.toByteArray()).get("Sales order headers V2.csv"));
        assertThat(text).endsWith("\r\nSO-9,,PO-9\r\n");
    }

    @Test
    void entityWithoutRowsStillGetsItsHeaderRow() {
        String text = PackageFixtures.decodeUtf16LeAfterBom(
                PackageFixtures.unzip(smallOrderPackage()).get("Sales order lines V2.csv"));

        assertThat(text).isEqualTo("SALESORDERNUMBER,LINENUMBER,ITEMNUMBER,LINEDESCRIPTION\r\n");
    }

    @Test
    void refusesARowWithTheWrongNumberOfValues() {
        DataPackageWriter writer = new DataPackageWriter(new ByteArrayOutputStream(), PackageFixtures.orderDefinition());
        EntityRowWriter rows = writer.openEntity(HEADERS);
        rows.write(List.of("SO-1", "C-1", ""));

        assertThatThrownBy(() -> rows.write(List.of("SO-2", "C-2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 2 of entity 'Sales order headers V2' has 2 values but the entity has 3 fields");
    }

    @Test
    void refusesUnknownFieldNamesAndUnknownEntities() {
        DataPackageWriter writer = new DataPackageWriter(new ByteArrayOutputStream(), PackageFixtures.orderDefinition());

        assertThatThrownBy(() -> writer.openEntity("Customers V3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Customers V3' is not in the package definition")
                .hasMessageContaining("'Sales order headers V2'");
        EntityRowWriter rows = writer.openEntity(HEADERS);
        assertThatThrownBy(() -> rows.write(Map.of("SALESORDERNUMBR", "SO-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[SALESORDERNUMBR]");
    }

    @Test
    void refusesALoneSurrogateNamingRowAndField() {
        DataPackageWriter writer = new DataPackageWriter(new ByteArrayOutputStream(), PackageFixtures.orderDefinition());
        EntityRowWriter rows = writer.openEntity(HEADERS);

        assertThatThrownBy(() -> rows.write(List.of("SO-1", "C-\uD83D", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1")
                .hasMessageContaining("ORDERINGCUSTOMERACCOUNTNUMBER")
                .hasMessageContaining("lone surrogate");
    }

    @Test
    void closeRefusesAPackageWithAnEntityLeftWithoutItsDataFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataPackageWriter writer = new DataPackageWriter(out, PackageFixtures.orderDefinition());
        writer.writeEntity(HEADERS, List.of(List.of("SO-1", "C-1", "")).iterator());

        assertThatThrownBy(writer::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[Sales order lines V2]");
        // Left unfinished on purpose: the bytes are not a zip anyone could upload by mistake.
        assertThatThrownBy(() -> DataPackageReader.open(new java.io.ByteArrayInputStream(out.toByteArray()), "x.zip"))
                .hasMessageContaining("not a readable zip");
    }

    @Test
    void refusesToOpenASecondEntityWhileTheFirstIsOpenOrToWriteOneTwice() {
        DataPackageWriter writer = new DataPackageWriter(new ByteArrayOutputStream(), PackageFixtures.orderDefinition());
        EntityRowWriter headers = writer.openEntity(HEADERS);

        assertThatThrownBy(() -> writer.openEntity(LINES)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("close the rows of entity 'Sales order headers V2'");
        headers.close();
        assertThatThrownBy(() -> writer.openEntity(HEADERS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already written");
        assertThatThrownBy(() -> headers.write(List.of("a", "b", "c"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void callersStreamStaysOpen() {
        ClosingTrackingStream out = new ClosingTrackingStream();
        try (DataPackageWriter writer = new DataPackageWriter(out, PackageFixtures.orderDefinition())) {
            writer.writeEntity(HEADERS, List.<List<String>>of().iterator());
            writer.writeEntity(LINES, List.<List<String>>of().iterator());
        }
        assertThat(out.closed).isFalse();
        assertThat(out.size()).isPositive();
    }

    @Test
    void definitionsRefuseWhatD365OrXmlCannotTake() {
        assertThatThrownBy(() -> PackageEntity.of(" ", "X", List.of("A"))).hasMessageContaining("blank");
        assertThatThrownBy(() -> PackageEntity.of("Bell\u0007", "X", List.of("A")))
                .hasMessageContaining("U+0007");
        assertThatThrownBy(() -> PackageEntity.of("E", "X", List.of("A", "a"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> PackageEntity.of("E", "X", List.of("A,B"))).hasMessageContaining("not a D365 field name");
        assertThatThrownBy(() -> PackageEntity.of("E", "X", List.of()))
                .hasMessageContaining("at least one field");
        assertThatThrownBy(() -> PackageDefinition.of("G", "", PackageFixtures.headerEntity(),
                PackageFixtures.headerEntity())).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> PackageDefinition.of("G", "", PackageEntity.of("A/B", "X", List.of("F")),
                PackageEntity.of("AB", "Y", List.of("F")))).hasMessageContaining("share the data file 'AB.csv'");
    }

    @Test
    void dataFileNameLeavesOutCharactersWindowsRefuses() {
        assertThat(PackageEntity.of("Country/regions", "CountryRegions", List.of("A")).dataFileName())
                .isEqualTo("Countryregions.csv");
        assertThat(PackageEntity.of("Sales order headers V2", "X", List.of("A")).dataFileName())
                .isEqualTo("Sales order headers V2.csv");
    }

    private static byte[] smallOrderPackage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataPackageWriter writer = new DataPackageWriter(out, PackageFixtures.orderDefinition())) {
            writer.writeEntity(HEADERS, List.of(
                    List.of("SO-1", "C-001", "PO \"7\", rush"),
                    java.util.Arrays.asList("SO-2", " C-002", null)).iterator());
            writer.writeEntity(LINES, List.<List<String>>of().iterator());
        }
        byte[] bytes = out.toByteArray();
        assertThat(new String(bytes, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        return bytes;
    }

    private static final class ClosingTrackingStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
