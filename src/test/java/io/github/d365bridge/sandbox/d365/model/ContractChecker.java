package io.github.d365bridge.sandbox.d365.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Compares what the sandbox serves with the OpenAPI files generated from a real tenant's $metadata
 * ({@code ../shared/contracts/d365-fo/}): key paths, property existence, types and enum members.
 * Sets missing there are compared with the field lists of the API notes ({@link NotesContract}).
 */
final class ContractChecker {

    static final List<Path> CONTRACTS = List.of(Path.of("../shared/contracts/d365-fo/scm-odata-openapi.json"),
            Path.of("../shared/contracts/d365-fo/finance-odata-openapi.json"));

    private final List<JsonNode> documents = new ArrayList<>();

    ContractChecker() {
        ObjectMapper mapper = new ObjectMapper();
        for (Path path : CONTRACTS) {
            try {
                documents.add(mapper.readTree(Files.readAllBytes(path)));
            } catch (IOException e) {
                throw new UncheckedIOException("contract file missing: " + path.toAbsolutePath(), e);
            }
        }
    }

    /** The contract's entity set, from whichever file has it. */
    Optional<ContractSet> set(String setName) {
        for (JsonNode doc : documents) {
            JsonNode collection = doc.path("paths").path("/" + setName);
            if (collection.isMissingNode()) {
                continue;
            }
            List<String> keys = null;
            for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext();) {
                String path = it.next();
                if (path.startsWith("/" + setName + "(")) {
                    String inside = path.substring(setName.length() + 2, path.lastIndexOf(')'));
                    keys = Arrays.stream(inside.split(",")).map(k -> k.substring(0, k.indexOf('='))).toList();
                }
            }
            String collectionRef = collection.path("get").path("responses").path("200").path("content")
                    .path("application/json").path("schema").path("$ref").asText();
            JsonNode collectionSchema = resolve(doc, collectionRef);
            String itemRef = collectionSchema.path("allOf").path(1).path("properties").path("value").path("items")
                    .path("$ref").asText();
            return Optional.of(new ContractSet(doc, keys, resolve(doc, itemRef).path("properties")));
        }
        return Optional.empty();
    }

    /** Every problem with one served schema; empty when it conforms. */
    List<String> check(EntitySchema schema) {
        Optional<ContractSet> contract = set(schema.setName());
        if (contract.isEmpty()) {
            return NotesContract.check(schema, this);
        }
        List<String> problems = new ArrayList<>();
        ContractSet set = contract.get();
        if (!schema.keys().equals(set.keys())) {
            problems.add(schema.setName() + ": keys " + schema.keys() + " but the contract's key path has " + set.keys());
        }
        for (Field field : schema.fields()) {
            problems.addAll(checkField(schema.setName(), field, set));
        }
        return problems;
    }

    List<String> checkField(String setName, Field field, ContractSet set) {
        JsonNode property = set.properties().path(field.name());
        if (property.isMissingNode()) {
            return List.of(setName + "." + field.name() + ": not a property of the contract's entity type");
        }
        String where = setName + "." + field.name() + ": ";
        String type = property.path("type").asText();
        String format = property.path("format").asText();
        return switch (field.kind()) {
            case STRING -> type.equals("string") && format.isEmpty() ? List.of()
                    : List.of(where + "emitted as a string, contract says " + property);
            case DECIMAL -> type.equals("number") ? List.of() : List.of(where + "emitted as a decimal, contract says " + property);
            case INT32 -> type.equals("integer") && format.equals("int32") ? List.of()
                    : List.of(where + "emitted as Int32, contract says " + property);
            case INT64 -> type.equals("integer") && format.equals("int64") ? List.of()
                    : List.of(where + "emitted as Int64, contract says " + property);
            case DATETIME, DATE -> type.equals("string") && format.equals("date-time") ? List.of()
                    : List.of(where + "emitted as a date-time, contract says " + property);
            case ENUM -> checkEnum(where, field.enumType(), property, set.document());
        };
    }

    private static List<String> checkEnum(String where, EnumType type, JsonNode property, JsonNode doc) {
        String ref = property.path("$ref").asText();
        if (ref.isEmpty()) {
            return List.of(where + "emitted as enum " + type.name() + ", contract says " + property);
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        if (!name.equals(type.name())) {
            return List.of(where + "enum type " + type.name() + " but the contract's is " + name);
        }
        HashSet<String> members = new HashSet<>();
        resolve(doc, ref).path("enum").forEach(m -> members.add(m.asText()));
        List<String> unknown = type.members().stream().filter(m -> !members.contains(m)).toList();
        return unknown.isEmpty() ? List.of() : List.of(where + "members " + unknown + " not in the contract's " + members);
    }

    /** Whether a JSON value as emitted fits the contract property (type, date-time text, enum member). */
    static Optional<String> valueProblem(JsonNode property, JsonNode value, JsonNode doc) {
        String ref = property.path("$ref").asText();
        if (!ref.isEmpty()) {
            HashSet<String> members = new HashSet<>();
            resolve(doc, ref).path("enum").forEach(m -> members.add(m.asText()));
            return value.isTextual() && members.contains(value.asText()) ? Optional.empty()
                    : Optional.of("value " + value + " is not a member of " + members);
        }
        String type = property.path("type").asText();
        boolean fits = switch (type) {
            case "string" -> value.isTextual() && (!property.path("format").asText().equals("date-time")
                    || value.asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            default -> false;
        };
        return fits ? Optional.empty() : Optional.of("value " + value + " does not fit " + property);
    }

    static JsonNode resolve(JsonNode doc, String ref) {
        JsonNode node = doc;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }

    /** A set as the contract describes it. */
    record ContractSet(JsonNode document, List<String> keys, JsonNode properties) {
        Map<String, JsonNode> property(String name) {
            return Map.of(name, properties.path(name));
        }
    }
}
