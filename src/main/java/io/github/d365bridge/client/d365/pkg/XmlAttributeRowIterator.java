package io.github.d365bridge.client.d365.pkg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.github.d365bridge.ground.PermanentFailureException;

/**
 * Rows of an XML-Attribute data file: {@code <Document><ENTITY FIELD="…" …/></Document>}. Each child
 * of the root is a row and each of its attributes a field; the StAX reader keeps only the current
 * element, so the file is never held whole. A field D365 left out of an element is absent from
 * the row rather than empty, because the file does not say which it was.
 */
final class XmlAttributeRowIterator extends LazyRowIterator {

    private final PackageLocation where;
    private final XMLStreamReader xml;
    private long rowNumber;
    /** Elements open below the root: 0 between rows, 1 inside a row, more inside foreign content. */
    private int depth;

    private XmlAttributeRowIterator(InputStream raw, XMLStreamReader xml, PackageLocation where) {
        super(raw);
        this.where = where;
        this.xml = xml;
    }

    /** Positions the reader on the root element; closes {@code raw} when that fails. */
    static XmlAttributeRowIterator open(InputStream raw, PackageLocation where) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            XMLStreamReader xml = SafeXml.reader(TextEncoding.sniffXml(TextEncoding.peek(in)).open(in));
            xml.nextTag();
            return new XmlAttributeRowIterator(raw, xml, where);
        } catch (IOException | XMLStreamException e) {
            closeQuietly(raw);
            throw where.failure("malformed XML before the first row: " + e.getMessage(), e);
        }
    }

    @Override
    protected PackageRow readNext() {
        long row = rowNumber + 1;
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 1) {
                        return row(row);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 0) {
                        return null; // end of the root: no more rows
                    }
                    depth--;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw where.failure("malformed XML after row " + (row - 1) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof PermanentFailureException failure) {
                throw failure;
            }
            // The JDK parser reports a decoding error as an unchecked wrapper of the IOException.
            throw where.failure("cannot read row " + row + ": " + e, e);
        }
    }

    private PackageRow row(long row) {
        Map<String, String> values = new LinkedHashMap<>(xml.getAttributeCount() * 2);
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            values.put(xml.getAttributeLocalName(i).toUpperCase(Locale.ROOT), xml.getAttributeValue(i));
        }
        rowNumber = row;
        return new PackageRow(row, values);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing; the original problem is the one to report
        }
    }
}
