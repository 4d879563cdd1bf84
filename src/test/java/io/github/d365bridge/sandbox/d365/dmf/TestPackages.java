package io.github.d365bridge.sandbox.d365.dmf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.github.d365bridge.client.d365.pkg.DataPackageWriter;
import io.github.d365bridge.client.d365.pkg.PackageDefinition;
import io.github.d365bridge.client.d365.pkg.PackageEntity;

/** Order packages written with the project's writer, and the broken variants D365 refuses. */
final class TestPackages {

    static final String HEADERS = "Sales order headers V2";
    static final String LINES = "Sales order lines V3";
    static final List<String> HEADER_FIELDS = List.of("SALESORDERNUMBER", "ORDERINGCUSTOMERACCOUNTNUMBER",
            "CUSTOMERSORDERREFERENCE", "REQUESTEDSHIPPINGDATE", "DELIVERYADDRESSDESCRIPTION");
    static final List<String> LINE_FIELDS = List.of("SALESORDERNUMBER", "LINENUMBER", "ITEMNUMBER",
            "ORDEREDSALESQUANTITY", "SALESPRICE", "LINEDESCRIPTION");

    private TestPackages() {
    }

    /** A header row: package order number, customer, Commerce reference. */
    static List<String> header(String number, String customer, String reference) {
        return List.of(number, customer, reference, "2026-12-24", "");
    }

    static List<String> line(String number, int lineNumber, String item, String quantity, String price) {
        return List.of(number, Integer.toString(lineNumber), item, quantity, price, "line " + lineNumber);
    }

    static byte[] orders(List<List<String>> headers, List<List<String>> lines) {
        PackageDefinition definition = PackageDefinition.of("SalesOrderImport", "Commerce orders",
                PackageEntity.of(HEADERS, "SALESORDERHEADERV2ENTITY", HEADER_FIELDS).withPosition(1, 1, 1),
                PackageEntity.of(LINES, "SALESORDERLINEV3ENTITY", LINE_FIELDS).withPosition(1, 2, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataPackageWriter writer = new DataPackageWriter(out, definition)) {
            writer.writeEntity(HEADERS, headers.iterator());
            writer.writeEntity(LINES, lines.iterator());
        }
        return out.toByteArray();
    }

    /** The same package with one entry rewritten. */
    static byte[] rewrite(byte[] zip, BiFunction<String, byte[], byte[]> change) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), change.apply(entry.getName(), in.readAllBytes()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zipOut = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    zipOut.putNextEntry(new ZipEntry(entry.getKey()));
                    zipOut.write(entry.getValue());
                    zipOut.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops every EntityMapList from the manifest (what a hand-made manifest often forgets). */
    static byte[] withoutEntityMaps(byte[] zip) {
        return rewrite(zip, (name, bytes) -> {
            if (!name.equals("Manifest.xml")) {
                return bytes;
            }
            String text = utf16(bytes).replaceAll("(?s)<EntityMapList>.*?</EntityMapList>", "");
            return withBom(text);
        });
    }

    /** Re-encodes the data files as UTF-8 with a byte-order mark (an editor's "Save as CSV"). */
    static byte[] dataAsUtf8(byte[] zip) {
        return rewrite(zip, (name, bytes) -> name.endsWith(".csv")
                ? ("\uFEFF" + utf16(bytes)).getBytes(StandardCharsets.UTF_8) : bytes);
    }

    /** Replaces CRLF by LF in the data files. */
    static byte[] dataWithLfOnly(byte[] zip) {
        return rewrite(zip, (name, bytes) -> name.endsWith(".csv") ? withBom(utf16(bytes).replace("\r\n", "\n")) : bytes);
    }

    static String utf16(byte[] bytes) {
        return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(body, 0, all, 2, body.length);
        return all;
    }

    /** Replaces text in a UTF-16 LE data file, keeping its byte-order mark. */
    static byte[] rewriteText(byte[] bytes, String from, String to) {
        return withBom(utf16(bytes).replace(from, to));
    }
}
