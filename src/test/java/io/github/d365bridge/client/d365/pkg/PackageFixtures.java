package io.github.d365bridge.client.d365.pkg;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Shared test data: package definitions, hostile values and small zip helpers. */
final class PackageFixtures {

    static final String HEADERS = "Sales order headers V2";
    static final String LINES = "Sales order lines V2";

    private PackageFixtures() {
    }

    static PackageEntity headerEntity() {
        return PackageEntity.of(HEADERS, "SalesOrderHeadersV2",
                List.of("salesOrderNumber", "ORDERINGCUSTOMERACCOUNTNUMBER", "CUSTOMERREQUISITIONNUMBER"))
                .withPosition(1, 1, 1);
    }

    static PackageEntity lineEntity() {
        return PackageEntity.of(LINES, "SalesOrderLinesV2",
                List.of("SALESORDERNUMBER", "LINENUMBER", "ITEMNUMBER", "LINEDESCRIPTION"))
                .withPosition(1, 2, 1);
    }

    static PackageDefinition orderDefinition() {
        return PackageDefinition.of("Commerce orders", "Orders from Adobe Commerce", headerEntity(), lineEntity());
    }

    /** Values that break naive CSV or XML handling; every one must survive a round trip unchanged. */
    static List<String> hostileValues() {
        List<String> values = new ArrayList<>(List.of(
                "he said \"hi\"", "\"", "\"\"", "a,b", ",", ",,,",
                "cr\ronly", "lf\nonly", "crlf\r\nboth", "\r\n", "\n", "\r", "ends with lf\n", "\nstarts with lf",
                "=SUM(A1:A9)", "+31 20 555", "-42", "@cmd", "=\"quoted formula\"",
                "tab\tinside", "\tleading tab", "trailing tab\t",
                " RFI-TEST-001", "RFI-TEST-002 ", "  both  ", " ", "",
                "中文测试 商品", "مرحبا بالعالم", "😀 emoji 🚀", "Ünïcödé ß ø",
                "xml <tags> & 'apos' \"quot\"", "backslash \\ and semicolon ;"));
        values.add(longValue());
        return Collections.unmodifiableList(values);
    }

    /** 10,000 characters with separators, quotes and line breaks spread through it. */
    static String longValue() {
        StringBuilder text = new StringBuilder(10_000);
        String pattern = "lorem \"ipsum\", dolor\r\nsit amet 中文 ";
        while (text.length() < 10_000) {
            text.append(pattern);
        }
        text.setLength(10_000);
        if (Character.isHighSurrogate(text.charAt(9_999))) {
            text.setCharAt(9_999, 'x');
        }
        return text.toString();
    }

    /** All entries of a zip, in zip order, as bytes. */
    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Text with a byte-order mark in front, as D365 writes its files. */
    static byte[] withBom(String text, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (charset.equals(StandardCharsets.UTF_16LE)) {
            bytes.write(0xFF);
            bytes.write(0xFE);
        } else if (charset.equals(StandardCharsets.UTF_8)) {
            bytes.write(0xEF);
            bytes.write(0xBB);
            bytes.write(0xBF);
        }
        bytes.writeBytes(text.getBytes(charset));
        return bytes.toByteArray();
    }

    static String decodeUtf16LeAfterBom(byte[] bytes) {
        return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }

    /** A manifest as D365 exports it for one entity, with the given format and data file. */
    static String manifestFor(String label, String target, String format, String dataFile, List<String> fields) {
        StringBuilder maps = new StringBuilder();
        for (String field : fields) {
            maps.append("<EntityMap><ArrayIndex>0</ArrayIndex><EntityField>").append(field)
                    .append("</EntityField><EntityFieldConversionList i:nil=\"true\" />")
                    .append("<IsAutoDefault>false</IsAutoDefault><IsAutoGenerated>false</IsAutoGenerated>")
                    .append("<IsDefaultValueEqualNull>false</IsDefaultValueEqualNull>")
                    .append("<UseTextQualifier>false</UseTextQualifier><XMLField>").append(field)
                    .append("</XMLField></EntityMap>");
        }
        return "<DataManagementPackageManifest xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xmlns=\"http://schemas.microsoft.com/dynamics/2015/01/DataManagement\">\r\n"
                + "  <DefinitionGroupName>Export products</DefinitionGroupName>\r\n"
                + "  <Description>Exported by D365</Description>\r\n"
                + "  <PackageEntityList><DataManagementPackageEntityData>"
                + "<DefaultRefreshType>FullPush</DefaultRefreshType><Disable>false</Disable>"
                + "<EntityMapList>" + maps + "</EntityMapList>"
                + "<EntityName>" + label + "</EntityName><EntityTransformList />"
                + "<ExecutionUnit>1</ExecutionUnit><InputFilePath>" + dataFile + "</InputFilePath>"
                + "<LevelInExecutionUnit>1</LevelInExecutionUnit><SequenceInLevel>1</SequenceInLevel>"
                + "<SourceFormat>" + format + "</SourceFormat><TargetEntity>" + target + "</TargetEntity>"
                + "</DataManagementPackageEntityData></PackageEntityList>\r\n"
                + "</DataManagementPackageManifest>";
    }

    /** Escapes an attribute value the way .NET's XmlWriter does, keeping CR, LF and tab as references. */
    static String attribute(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#x9;");
                case '\n' -> out.append("&#xA;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** One XML-Attribute row element. */
    static String xmlRow(String element, Map<String, String> values) {
        StringBuilder row = new StringBuilder("<").append(element);
        values.forEach((field, value) -> row.append(' ').append(field).append("=\"").append(attribute(value))
                .append('"'));
        return row.append(" />").toString();
    }
}
