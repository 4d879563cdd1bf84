package io.github.d365bridge.client.d365.pkg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads {@code Manifest.xml} in whatever encoding it arrives (D365 writes UTF-16 LE with a mark;
 * edited copies are often UTF-8). Elements are matched by local name and order is not relied on, so
 * hand-made manifests read as well as D365's; elements this reader does not need are skipped.
 */
final class ManifestXmlReader {

    private static final String ROOT = "DataManagementPackageManifest";
    private static final Set<String> ENTITY_LEAVES = Set.of("EntityName", "TargetEntity", "SourceFormat",
            "InputFilePath", "ExecutionUnit", "LevelInExecutionUnit", "SequenceInLevel", "Disable");

    private final XMLStreamReader xml;
    private final PackageLocation where;

    private ManifestXmlReader(XMLStreamReader xml, PackageLocation where) {
        this.xml = xml;
        this.where = where;
    }

    static PackageManifest read(InputStream raw, PackageLocation where) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw);
            XMLStreamReader xml = SafeXml.reader(TextEncoding.sniffXml(TextEncoding.peek(in)).open(in));
            try {
                return new ManifestXmlReader(xml, where).manifest();
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw where.failure("manifest is not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw where.failure("cannot read the manifest: " + e, e);
        }
    }

    private PackageManifest manifest() throws XMLStreamException {
        xml.nextTag();
        if (!ROOT.equals(xml.getLocalName())) {
            throw where.failure("manifest root element is <" + xml.getLocalName() + ">, expected <" + ROOT + ">");
        }
        String group = null;
        String description = "";
        List<ManifestEntity> entities = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "DefinitionGroupName" -> group = xml.getElementText();
                case "Description" -> description = xml.getElementText();
                case "PackageEntityList" -> {
                    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        if ("DataManagementPackageEntityData".equals(xml.getLocalName())) {
                            entities.add(entity(entities.size() + 1));
                        } else {
                            skipElement();
                        }
                    }
                }
                default -> skipElement();
            }
        }
        if (entities.isEmpty()) {
            throw where.failure("manifest lists no entities (no DataManagementPackageEntityData)");
        }
        return new PackageManifest(group, description, entities);
    }

    private ManifestEntity entity(int position) throws XMLStreamException {
        Map<String, String> leaves = new HashMap<>();
        List<String> fields = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            if ("EntityMapList".equals(name)) {
                readMap(fields);
            } else if (ENTITY_LEAVES.contains(name)) {
                leaves.put(name, xml.getElementText().strip());
            } else {
                skipElement();
            }
        }
        String label = leaves.get("EntityName");
        if (label == null || label.isEmpty()) {
            throw where.failure("entity number " + position + " of the manifest has no EntityName");
        }
        return new ManifestEntity(label, emptyToNull(leaves.get("TargetEntity")),
                emptyToNull(leaves.get("SourceFormat")), emptyToNull(leaves.get("InputFilePath")), fields,
                number(leaves, "ExecutionUnit", label), number(leaves, "LevelInExecutionUnit", label),
                number(leaves, "SequenceInLevel", label), "true".equalsIgnoreCase(leaves.get("Disable")));
    }

    private void readMap(List<String> fields) throws XMLStreamException {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!"EntityMap".equals(xml.getLocalName())) {
                skipElement();
                continue;
            }
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if ("EntityField".equals(xml.getLocalName())) {
                    fields.add(xml.getElementText().strip());
                } else {
                    skipElement();
                }
            }
        }
    }

    private int number(Map<String, String> leaves, String name, String label) {
        String text = leaves.get(name);
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw where.failure(name + " of entity '" + label + "' is not a whole number: '" + text + "'");
        }
    }

    /** Skips the current element with everything inside it; ends on its end tag. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
