package io.github.d365bridge.sandbox.d365.odata;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.model.EnumType;
import io.github.d365bridge.sandbox.d365.model.Field;
import io.github.d365bridge.sandbox.d365.model.FieldKind;

/**
 * A small CSDL {@code $metadata} for the sets the sandbox serves (the real one is tens of MB).
 * Enough for a client that checks a set exists or reads key and property types.
 */
final class MetadataDocument {

    private MetadataDocument() {
    }

    static String xml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .append("<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">")
                .append("<edmx:DataServices><Schema Namespace=\"").append(EnumType.NAMESPACE)
                .append("\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">");
        Map<String, EnumType> enums = new LinkedHashMap<>();
        for (EntitySchema schema : EntityCatalog.all()) {
            xml.append("<EntityType Name=\"").append(schema.typeName()).append("\"><Key>");
            schema.keys().forEach(k -> xml.append("<PropertyRef Name=\"").append(k).append("\"/>"));
            xml.append("</Key>");
            for (Field field : schema.fields()) {
                String type = field.kind() == FieldKind.ENUM ? field.enumType().qualifiedName()
                        : field.kind() == FieldKind.DATE ? "Edm.DateTimeOffset" : field.kind().edmName();
                if (field.kind() == FieldKind.ENUM) {
                    enums.put(field.enumType().name(), field.enumType());
                }
                xml.append("<Property Name=\"").append(field.name()).append("\" Type=\"").append(type)
                        .append("\" Nullable=\"false\"/>");
            }
            xml.append("</EntityType>");
        }
        for (EnumType type : enums.values()) {
            xml.append("<EnumType Name=\"").append(type.name()).append("\">");
            for (int i = 0; i < type.members().size(); i++) {
                xml.append("<Member Name=\"").append(type.members().get(i)).append("\" Value=\"").append(i).append("\"/>");
            }
            xml.append("</EnumType>");
        }
        xml.append("<EntityContainer Name=\"Resources\">");
        for (EntitySchema schema : EntityCatalog.all()) {
            xml.append("<EntitySet Name=\"").append(schema.setName()).append("\" EntityType=\"")
                    .append(schema.qualifiedTypeName()).append("\"/>");
        }
        return xml.append("</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>").toString();
    }
}
