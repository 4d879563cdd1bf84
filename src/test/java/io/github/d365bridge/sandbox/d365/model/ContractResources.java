package io.github.d365bridge.sandbox.d365.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Derives the text of a {@code <TypeName>.entity} resource ({@link ContractFields}) from the contract
 * files: every property of the set's entity type except {@code @odata.etag}, in the contract's order,
 * then the enum types they use with their members.
 *
 * <p>The contract says "date-time" for dates of both kinds. Assumed here: names ending in
 * {@code ValidFrom}, {@code ValidTo} or {@code DateTime} are date-times (effective-dated addresses and
 * edit stamps are UtcDateTime in D365); every other one is date-only (the CredMan… dates, customer
 * since, business started), so its empty value is {@code 1900-01-01T12:00:00Z}.
 */
final class ContractResources {

    private ContractResources() {
    }

    static String expected(ContractChecker checker, String setName, String typeName) {
        ContractChecker.ContractSet set = checker.set(setName).orElseThrow();
        StringBuilder text = new StringBuilder()
                .append("# ").append(typeName).append(": every property of the entity type of ").append(setName)
                .append(" in ../shared/contracts/d365-fo/*.json\n")
                .append("# except @odata.etag, in the contract's order, then the enum types with their members.\n")
                .append("# Generated: ContractResourcesTest keeps it equal to the contract and writes the expected text\n")
                .append("# to target/contract-resources/ when they differ. Dates: names ending in ValidFrom, ValidTo or\n")
                .append("# DateTime are DATETIME, the other date-time properties date-only DATE (see ContractResources).\n");
        Map<String, JsonNode> enums = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = set.properties().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            if (name.equals("@odata.etag")) {
                continue;
            }
            JsonNode p = property.getValue();
            text.append("field\t").append(name).append('\t');
            String ref = p.path("$ref").asText();
            if (!ref.isEmpty()) {
                String enumName = ref.substring(ref.lastIndexOf('/') + 1);
                enums.put(enumName, ContractChecker.resolve(set.document(), ref));
                text.append("ENUM\t").append(enumName).append('\n');
                continue;
            }
            text.append(kind(name, p.path("type").asText(), p.path("format").asText())).append('\n');
        }
        enums.forEach((name, type) -> {
            List<String> members = new ArrayList<>();
            type.path("enum").forEach(m -> members.add(m.asText()));
            text.append("enum\t").append(name).append('\t').append(String.join(" ", members)).append('\n');
        });
        return text.toString();
    }

    private static String kind(String name, String type, String format) {
        return switch (type + "/" + format) {
            case "string/" -> "STRING";
            case "string/date-time" -> name.endsWith("ValidFrom") || name.endsWith("ValidTo") || name.endsWith("DateTime")
                    ? "DATETIME" : "DATE";
            case "number/double", "number/decimal", "number/" -> "DECIMAL";
            case "integer/int32" -> "INT32";
            case "integer/int64" -> "INT64";
            default -> throw new IllegalStateException(name + ": no sandbox kind for " + type + "/" + format);
        };
    }
}
