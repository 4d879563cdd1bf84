package io.github.d365bridge.sandbox.d365.odata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.model.Field;

/**
 * Writes rows the way a real tenant does: {@code @odata.context}, a weak {@code @odata.etag} per row,
 * enums as member names, decimals as JSON numbers, empty strings as {@code ""}. Dates follow the API
 * notes: a date-time's empty value is {@code 1900-01-01T00:00:00Z}; date-only values come at
 * {@code T12:00:00Z}, their empty value too ({@code 1900-01-01T12:00:00Z}, as the notes saw on
 * released products' empty sell dates).
 */
public final class ODataJson {

    public static final String CONTENT_TYPE = "application/json; odata.metadata=minimal";
    private static final JsonFactory JSON = new JsonFactory();
    /**
     * For streamed pages: a failure half-way must not close the open arrays and objects (the client would
     * read a short but well-formed page), nor end the response; the caller resets the connection then.
     */
    private static final JsonFactory STREAMING = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_CONTENT).build();
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private ODataJson() {
    }

    /** D365's empty date-time. */
    public static final String EMPTY_DATE_TIME = "1900-01-01T00:00:00Z";
    /** D365's empty date-only value: 1900-01-01 at noon, where every date-only value sits. */
    public static final String EMPTY_DATE = "1900-01-01T12:00:00Z";

    /** Writes a collection page to {@code out} as it goes, so a page of 10,000 wide rows is never one array. */
    static void collection(OutputStream out, String serviceBase, EntitySchema schema, List<Field> select,
            QueryExecutor.Page page, String nextLink) {
        write(STREAMING, out, json -> {
            json.writeStartObject();
            json.writeStringField("@odata.context", context(serviceBase, schema, select));
            if (page.count() != null) {
                json.writeNumberField("@odata.count", page.count());
            }
            json.writeArrayFieldStart("value");
            for (Map<String, Object> row : page.rows()) {
                json.writeStartObject();
                fields(json, schema, select, row);
                json.writeEndObject();
            }
            json.writeEndArray();
            if (nextLink != null) {
                json.writeStringField("@odata.nextLink", nextLink);
            }
            json.writeEndObject();
        });
    }

    public static byte[] entity(String serviceBase, EntitySchema schema, List<Field> select, Map<String, Object> row) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("@odata.context", context(serviceBase, schema, select) + "/$entity");
            fields(json, schema, select, row);
            json.writeEndObject();
        });
    }

    /** The OData error body D365 sends: code empty, the message twice, inner error type, no stack trace. */
    public static byte[] error(String message, String type) {
        return write(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("error");
            json.writeStringField("code", "");
            json.writeStringField("message", message);
            json.writeObjectFieldStart("innererror");
            json.writeStringField("message", message);
            json.writeStringField("type", type);
            json.writeStringField("stacktrace", "");
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** A weak ETag that changes with any value of the row (D365's carries a record version). */
    public static String etag(EntitySchema schema, Map<String, Object> row) {
        CRC32 crc = new CRC32();
        for (Field field : schema.fields()) {
            crc.update(String.valueOf(row.get(field.name())).getBytes(StandardCharsets.UTF_8));
            crc.update(0);
        }
        String version = "'1," + crc.getValue() + "'";
        return "W/\"" + Base64.getEncoder().encodeToString(version.getBytes(StandardCharsets.UTF_8)) + "\"";
    }

    /** A value as D365 puts it in JSON text (used for CSV exports too). */
    public static String text(Field field, Object value) {
        return switch (field.kind()) {
            case DATETIME -> value == null ? EMPTY_DATE_TIME : SECONDS.format((Instant) value);
            case DATE -> value == null ? EMPTY_DATE : ((LocalDate) value) + "T12:00:00Z";
            case DECIMAL, INT32, INT64 -> Values.toDecimal(value).stripTrailingZeros().toPlainString();
            case ENUM -> value == null ? field.enumType().defaultMember() : value.toString();
            default -> value == null ? "" : value.toString();
        };
    }

    private static String context(String serviceBase, EntitySchema schema, List<Field> select) {
        String context = serviceBase + "/data/$metadata#" + schema.setName();
        if (select != null) {
            context += "(" + select.stream().map(Field::name).collect(Collectors.joining(",")) + ")";
        }
        return context;
    }

    private static void fields(JsonGenerator json, EntitySchema schema, List<Field> select, Map<String, Object> row)
            throws IOException {
        json.writeStringField("@odata.etag", etag(schema, row));
        for (Field field : select == null ? schema.fields() : select) {
            Object value = row.get(field.name());
            json.writeFieldName(field.name());
            switch (field.kind()) {
                case DECIMAL, INT32, INT64 -> {
                    BigDecimal number = Values.toDecimal(value);
                    json.writeNumber(number.stripTrailingZeros().toPlainString());
                }
                default -> json.writeString(text(field, value));
            }
        }
    }

    private interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] write(JsonBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        write(JSON, out, body);
        return out.toByteArray();
    }

    private static void write(JsonFactory factory, OutputStream out, JsonBody body) {
        try (JsonGenerator json = factory.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
