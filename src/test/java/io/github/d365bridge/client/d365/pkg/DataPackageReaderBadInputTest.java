package io.github.d365bridge.client.d365.pkg;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;

import io.github.d365bridge.ground.ErrorClassifier;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;

/** Every way a package can be broken gives a permanent D365 failure saying where and what. */
class DataPackageReaderBadInputTest {

    private static final String LABEL = "Customers V3";
    private static final String CSV_FILE = "Customers V3.csv";
    private static final List<String> FIELDS = List.of("CUSTOMERACCOUNT", "NAME");

    @TempDir
    Path temp;

    @Test
    void truncatedZip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataPackageWriter writer = new DataPackageWriter(out, PackageFixtures.orderDefinition())) {
            writer.writeEntity(PackageFixtures.HEADERS, DataPackageRoundTripTest.generatedRows(1000));
            writer.writeEntity(PackageFixtures.LINES, List.<List<String>>of().iterator());
        }
        byte[] whole = out.toByteArray();
        Path file = temp.resolve("orders-truncated.zip");
        Files.write(file, Arrays.copyOf(whole, whole.length * 2 / 3));

        assertPermanent(() -> DataPackageReader.open(file))
                .hasMessageContaining("D365 package 'orders-truncated.zip'")
                .hasMessageContaining("not a readable zip, probably truncated or corrupt");
        assertPermanent(() -> DataPackageReader.open(new ByteArrayInputStream(new byte[0]), "empty.zip"))
                .hasMessageContaining("'empty.zip'").hasMessageContaining("not a readable zip");
    }

    @Test
    void missingManifest() {
        byte[] zip = PackageFixtures.zip(Map.of(CSV_FILE, csv("CUSTOMERACCOUNT,NAME\r\n")));

        assertPermanent(() -> open(zip))
                .hasMessageContaining("D365 package 'broken.zip', file 'Manifest.xml'")
                .hasMessageContaining("the package has no Manifest.xml");
    }

    @Test
    void dataFileNamedInManifestButMissing() {
        byte[] zip = PackageFixtures.zip(Map.of("Manifest.xml", manifest("CSV-Unicode", CSV_FILE)));

        try (DataPackageReader reader = open(zip)) {
            assertPermanent(() -> reader.rows(LABEL))
                    .hasMessageContaining("entity 'Customers V3', file 'Customers V3.csv'")
                    .hasMessageContaining("the data file named in the manifest is not in the package");
        }
    }

    @Test
    void csvUnicodeDataFileThatIsNotUtf16() {
        byte[] utf8 = "CUSTOMERACCOUNT,NAME\r\nC-1,Contoso\r\n".getBytes(UTF_8);

        try (DataPackageReader reader = open(csvPackage(utf8))) {
            assertPermanent(() -> reader.rows(LABEL))
                    .hasMessageContaining("entity 'Customers V3', file 'Customers V3.csv'")
                    .hasMessageContaining("not UTF-16 LE with byte-order mark (first bytes 43 55 53 54)");
        }
    }

    @Test
    void utf16DataFileCutInTheMiddleOfACharacter() {
        byte[] bytes = csv("CUSTOMERACCOUNT,NAME\r\nC-1,Contoso\r\nC-2,Fabrikam");
        byte[] oddLength = Arrays.copyOf(bytes, bytes.length - 1);

        try (DataPackageReader reader = open(csvPackage(oddLength)); RowIterator rows = reader.rows(LABEL)) {
            assertThat(rows.next().get("NAME")).isEqualTo("Contoso");
            assertPermanent(rows::hasNext)
                    .hasMessageContaining("file 'Customers V3.csv'")
                    .hasMessageContaining("not valid in the file's encoding at row 2");
        }
    }

    @Test
    void unterminatedQuoteNamesRowAndLine() {
        byte[] data = csv("CUSTOMERACCOUNT,NAME\r\nC-1,Contoso\r\nC-2,\"Multi\r\nline\r\nC-3,Fabrikam\r\n");

        try (DataPackageReader reader = open(csvPackage(data)); RowIterator rows = reader.rows(LABEL)) {
            assertThat(rows.next().get("CUSTOMERACCOUNT")).isEqualTo("C-1");
            assertPermanent(rows::next)
                    .hasMessageContaining("entity 'Customers V3', file 'Customers V3.csv'")
                    .hasMessageContaining("malformed CSV at row 2 (line 3)")
                    .hasMessageContaining("unterminated quoted value (the quote opened on line 3 is never closed)");
            assertThat(rows.hasNext()).as("iterator is finished after a failure").isFalse();
        }
    }

    @Test
    void textAfterAClosingQuoteAndWrongValueCount() {
        byte[] stray = csv("CUSTOMERACCOUNT,NAME\r\nC-1,\"Contoso\" Ltd\r\n");
        byte[] short_ = csv("CUSTOMERACCOUNT,NAME\r\nC-1,Contoso\r\nC-2\r\n");

        try (DataPackageReader reader = open(csvPackage(stray)); RowIterator rows = reader.rows(LABEL)) {
            assertPermanent(rows::next).hasMessageContaining("malformed CSV at row 1 (line 2)")
                    .hasMessageContaining("unexpected character ' ' after a closing quote");
        }
        try (DataPackageReader reader = open(csvPackage(short_)); RowIterator rows = reader.rows(LABEL)) {
            rows.next();
            assertPermanent(rows::next).hasMessageContaining("row 2 (line 3) has 1 values but the header has 2 fields");
        }
    }

    @Test
    void csvWithoutHeaderRowOrWithRepeatedField() {
        try (DataPackageReader reader = open(csvPackage(csv("")))) {
            assertPermanent(() -> reader.rows(LABEL)).hasMessageContaining("data file has no header row");
        }
        try (DataPackageReader reader = open(csvPackage(csv("NAME,name\r\n")))) {
            assertPermanent(() -> reader.rows(LABEL)).hasMessageContaining("repeated field name 'NAME'");
        }
    }

    @Test
    void malformedXmlDataFile() {
        String xml = "<Document><CUSTCUSTOMERV3ENTITY CUSTOMERACCOUNT=\"C-1\"/>"
                + "<CUSTCUSTOMERV3ENTITY CUSTOMERACCOUNT=\"C-2\" NAME=\"unclosed/></Document>";
        byte[] zip = PackageFixtures.zip(Map.of("Manifest.xml", manifest("XML-Attribute", "Customers V3.xml"),
                "Customers V3.xml", PackageFixtures.withBom(xml, UTF_16LE)));

        try (DataPackageReader reader = open(zip); RowIterator rows = reader.rows(LABEL)) {
            assertThat(rows.next().get("CUSTOMERACCOUNT")).isEqualTo("C-1");
            assertPermanent(rows::next)
                    .hasMessageContaining("entity 'Customers V3', file 'Customers V3.xml'")
                    .hasMessageContaining("malformed XML after row 1");
        }
        byte[] notXml = PackageFixtures.zip(Map.of("Manifest.xml", manifest("XML-Attribute", "Customers V3.xml"),
                "Customers V3.xml", "just text".getBytes(UTF_8)));
        try (DataPackageReader reader = open(notXml)) {
            assertPermanent(() -> reader.rows(LABEL)).hasMessageContaining("malformed XML before the first row");
        }
    }

    @Test
    void malformedManifestOrWrongRoot() {
        byte[] broken = PackageFixtures.zip(Map.of("Manifest.xml",
                PackageFixtures.withBom("<DataManagementPackageManifest><PackageEntityList>", UTF_16LE)));
        assertPermanent(() -> open(broken))
                .hasMessageContaining("file 'Manifest.xml'").hasMessageContaining("manifest is not well-formed XML");

        byte[] wrongRoot = PackageFixtures.zip(Map.of("Manifest.xml",
                PackageFixtures.withBom("<DataManagementPackageHeader/>", UTF_16LE)));
        assertPermanent(() -> open(wrongRoot))
                .hasMessageContaining("root element is <DataManagementPackageHeader>");

        byte[] noEntities = PackageFixtures.zip(Map.of("Manifest.xml", PackageFixtures.withBom(
                "<DataManagementPackageManifest><DefinitionGroupName>G</DefinitionGroupName>"
                        + "</DataManagementPackageManifest>", UTF_16LE)));
        assertPermanent(() -> open(noEntities)).hasMessageContaining("manifest lists no entities");
    }

    @Test
    void externalEntitiesInTheManifestAreNotResolved() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<DataManagementPackageManifest><DefinitionGroupName>&x;</DefinitionGroupName>"
                + "</DataManagementPackageManifest>";
        byte[] zip = PackageFixtures.zip(Map.of("Manifest.xml", xxe.getBytes(UTF_8)));

        assertPermanent(() -> open(zip)).hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void unknownSourceFormat() {
        byte[] zip = PackageFixtures.zip(Map.of("Manifest.xml", manifest("Excel", "Customers V3.xlsx"),
                "Customers V3.xlsx", new byte[] {1, 2, 3}));

        try (DataPackageReader reader = open(zip)) {
            assertThat(reader.entities().get(0).sourceFormat()).isEmpty();
            assertPermanent(() -> reader.rows(LABEL))
                    .hasMessageContaining("entity 'Customers V3', file 'Customers V3.xlsx'")
                    .hasMessageContaining("unknown SourceFormat 'Excel'; this reader knows [CSV-Unicode, XML-Attribute]");
        }
    }

    @Test
    void unknownEntityNameListsTheOnesThereAre() {
        try (DataPackageReader reader = open(csvPackage(csv("CUSTOMERACCOUNT,NAME\r\n")))) {
            assertPermanent(() -> reader.rows("Vendors V2"))
                    .hasMessageContaining("the manifest has no entity 'Vendors V2'; it has [Customers V3]");
        }
    }

    @Test
    void corruptDeflateDataInsideAnIntactZip() throws IOException {
        StringBuilder text = new StringBuilder("CUSTOMERACCOUNT,NAME\r\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("C-").append(i).append(",Name ").append(i * 7919 % 10007).append("\r\n");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Manifest.xml", manifest("CSV-Unicode", CSV_FILE));
        entries.put(CSV_FILE, csv(text.toString()));
        byte[] zip = PackageFixtures.zip(entries);
        // Overwrite part of the compressed data (well past the local header) with garbage.
        int dataStart = indexOf(zip, CSV_FILE.getBytes(UTF_8), 100) + CSV_FILE.length();
        for (int i = dataStart + 2000; i < dataStart + 2400; i++) {
            zip[i] = (byte) 0xFF;
        }

        try (DataPackageReader reader = open(zip)) {
            // Where it surfaces (header or a later row) depends on buffering; that it surfaces does not.
            assertPermanent(() -> {
                try (RowIterator rows = reader.rows(LABEL)) {
                    rows.forEachRemaining(row -> { });
                }
                return null;
            }).hasMessageContaining("file 'Customers V3.csv'").hasMessageContaining("cannot read")
                    .hasMessageContaining("ZipException");
        }
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertPermanent(ThrowingSupplier<?> action) {
        return assertThatThrownBy(action::get)
                .isInstanceOf(PermanentFailureException.class)
                .satisfies(e -> {
                    assertThat(((PermanentFailureException) e).system()).isEqualTo(ExternalSystem.D365);
                    assertThat(ErrorClassifier.isRetriable(e)).isFalse();
                })
                .hasMessageStartingWith("[D365] D365 package '");
    }

    private static DataPackageReader open(byte[] zip) {
        return DataPackageReader.open(new ByteArrayInputStream(zip), "broken.zip");
    }

    private static byte[] csv(String text) {
        return PackageFixtures.withBom(text, UTF_16LE);
    }

    private static byte[] manifest(String format, String dataFile) {
        return PackageFixtures.withBom(PackageFixtures.manifestFor(LABEL, "CustCustomerV3Entity", format, dataFile,
                FIELDS), UTF_16LE);
    }

    private static byte[] csvPackage(byte[] dataFile) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Manifest.xml", manifest("CSV-Unicode", CSV_FILE));
        entries.put(CSV_FILE, dataFile);
        return PackageFixtures.zip(entries);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
