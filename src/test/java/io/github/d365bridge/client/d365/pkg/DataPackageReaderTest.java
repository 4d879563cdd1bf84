package io.github.d365bridge.client.d365.pkg;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Packages as D365 exports them (built here by hand), in both data formats and several encodings. */
class DataPackageReaderTest {

    private static final String LABEL = "Released products V2";
    private static final String TARGET = "EcoResReleasedProductV2Entity";
    private static final List<String> FIELDS = List.of("ITEMNUMBER", "PRODUCTNAME", "SALESPRICE");

    @Test
    void readsXmlAttributeRowsWithEscapedHostileValues() {
        List<String> hostile = PackageFixtures.hostileValues();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<Document>\r\n");
        for (int i = 0; i < hostile.size(); i++) {
            xml.append("  ").append(PackageFixtures.xmlRow("ECORESRELEASEDPRODUCTV2ENTITY",
                    row("ITEMNUMBER", "I-" + i, "PRODUCTNAME", hostile.get(i), "SALESPRICE", "1.5"))).append("\r\n");
        }
        xml.append("</Document>\r\n");
        byte[] zip = xmlAttributePackage(PackageFixtures.withBom(xml.toString(), UTF_16LE));

        try (DataPackageReader reader = DataPackageReader.open(new ByteArrayInputStream(zip), "export.zip");
                RowIterator rows = reader.rows(LABEL)) {
            List<PackageRow> read = drain(rows);
            assertThat(read).extracting(r -> r.get("PRODUCTNAME")).containsExactlyElementsOf(hostile);
            assertThat(read).extracting(PackageRow::rowNumber).startsWith(1L, 2L, 3L);
            assertThat(read.get(4).values()).containsExactly(Map.entry("ITEMNUMBER", "I-4"),
                    Map.entry("PRODUCTNAME", hostile.get(4)), Map.entry("SALESPRICE", "1.5"));
        }
    }

    @Test
    void xmlAttributeRowsKeepOnlyTheAttributesTheElementHas() {
        String xml = "<Document><E ITEMNUMBER=\"A\" productName=\"\"/><E ITEMNUMBER=\"B\"><ignored X=\"1\"/>text</E>"
                + "<E SALESPRICE=\"2\"></E></Document>";
        byte[] zip = xmlAttributePackage(xml.getBytes(UTF_8)); // UTF-8, no BOM, no declaration

        try (DataPackageReader reader = DataPackageReader.open(new ByteArrayInputStream(zip), "export.zip");
                RowIterator rows = reader.rows(TARGET)) {
            List<PackageRow> read = drain(rows);
            assertThat(read).hasSize(3);
            assertThat(read.get(0).values()).containsExactly(Map.entry("ITEMNUMBER", "A"), Map.entry("PRODUCTNAME", ""));
            assertThat(read.get(1).values()).containsExactly(Map.entry("ITEMNUMBER", "B"));
            assertThat(read.get(2).values()).containsExactly(Map.entry("SALESPRICE", "2"));
            assertThat(read.get(2).get("ITEMNUMBER")).isNull();
        }
    }

    @Test
    void hundredThousandXmlAttributeRowsStream() {
        int count = 100_000;
        StringBuilder xml = new StringBuilder(count * 64).append("<Document>");
        for (int i = 1; i <= count; i++) {
            xml.append("<E ITEMNUMBER=\"I-").append(i).append("\" PRODUCTNAME=\"n &amp; ").append(i).append("\"/>");
        }
        byte[] zip = xmlAttributePackage(PackageFixtures.withBom(xml.append("</Document>").toString(), UTF_8));
        xml.setLength(0);

        long seen = 0;
        try (DataPackageReader reader = DataPackageReader.open(new ByteArrayInputStream(zip), "big.zip");
                RowIterator rows = reader.rows(LABEL)) {
            while (rows.hasNext()) {
                PackageRow row = rows.next();
                seen++;
                if (!row.get("PRODUCTNAME").equals("n & " + seen) || row.rowNumber() != seen) {
                    throw new AssertionError("row " + seen + " came back as " + row);
                }
            }
        }
        assertThat(seen).isEqualTo(count);
    }

    static Stream<Arguments> manifestEncodings() {
        String manifest = PackageFixtures.manifestFor(LABEL, TARGET, "CSV-Unicode", "Released products V2.csv", FIELDS);
        String declared = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" + manifest;
        return Stream.of(
                Arguments.of("UTF-16 LE with BOM", PackageFixtures.withBom(manifest, UTF_16LE)),
                Arguments.of("UTF-16 LE without BOM", manifest.getBytes(UTF_16LE)),
                Arguments.of("UTF-16 BE with BOM", PackageFixtures.withBom("\uFEFF" + manifest, StandardCharsets.UTF_16BE)),
                Arguments.of("UTF-8 with BOM and declaration", PackageFixtures.withBom(declared, UTF_8)),
                Arguments.of("UTF-8 without BOM", manifest.getBytes(UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestEncodings")
    void readsManifestInAnyUnicodeEncoding(String encoding, byte[] manifest) {
        String csv = "ITEMNUMBER,PRODUCTNAME,SALESPRICE\r\n\" RFI-TEST-001\",\"Bolt, M6\",0.25\r\n";
        byte[] zip = PackageFixtures.zip(Map.of("Manifest.xml", manifest,
                "Released products V2.csv", PackageFixtures.withBom(csv, UTF_16LE)));

        try (DataPackageReader reader = DataPackageReader.open(new ByteArrayInputStream(zip), "export.zip")) {
            ManifestEntity entity = reader.entities().get(0);
            assertThat(reader.manifest().definitionGroupName()).isEqualTo("Export products");
            assertThat(entity.label()).isEqualTo(LABEL);
            assertThat(entity.targetEntity()).isEqualTo(TARGET);
            assertThat(entity.sourceFormat()).contains(SourceFormat.CSV_UNICODE);
            assertThat(entity.fields()).containsExactlyElementsOf(FIELDS);
            try (RowIterator rows = reader.rows(entity)) {
                assertThat(rows.next().values()).containsExactly(Map.entry("ITEMNUMBER", " RFI-TEST-001"),
                        Map.entry("PRODUCTNAME", "Bolt, M6"), Map.entry("SALESPRICE", "0.25"));
                assertThat(rows.hasNext()).isFalse();
            }
        }
    }

    @Test
    void toleratesUtf8WithBomLfLineEndsLowerCaseHeaderAndAFolderInTheZip() {
        String csv = "itemNumber,productName,salesPrice\n A-1 ,\"two\nlines\",1\nA-2,,\n\n";
        byte[] zip = PackageFixtures.zip(Map.of(
                "Manifest.xml", PackageFixtures.withBom(PackageFixtures.manifestFor(LABEL, TARGET, "csv-unicode",
                        "Released products V2.csv", FIELDS), UTF_16LE),
                "export/RELEASED PRODUCTS V2.CSV", PackageFixtures.withBom(csv, UTF_8)));

        try (DataPackageReader reader = DataPackageReader.open(new ByteArrayInputStream(zip), "export.zip");
                Stream<PackageRow> rows = reader.rows(LABEL).stream()) {
            assertThat(rows.map(r -> r.values().toString()))
                    .containsExactly("{ITEMNUMBER= A-1 , PRODUCTNAME=two\nlines, SALESPRICE=1}",
                            "{ITEMNUMBER=A-2, PRODUCTNAME=, SALESPRICE=}");
        }
    }

    private static byte[] xmlAttributePackage(byte[] dataFile) {
        String manifest = PackageFixtures.manifestFor(LABEL, TARGET, "XML-Attribute", "Released products V2.xml", FIELDS);
        return PackageFixtures.zip(Map.of(
                "Released products V2.xml", dataFile,
                "Manifest.xml", PackageFixtures.withBom("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + manifest, UTF_8),
                "PackageHeader.xml", PackageFixtures.withBom("<DataManagementPackageHeader/>", UTF_16LE)));
    }

    private static Map<String, String> row(String... namesAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    private static List<PackageRow> drain(RowIterator rows) {
        List<PackageRow> result = new ArrayList<>();
        rows.forEachRemaining(result::add);
        return result;
    }
}
