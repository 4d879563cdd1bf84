package io.github.d365bridge.sandbox.d365.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every property of an entity type as the contract files list it, read from a resource
 * {@code <TypeName>.entity} next to this class. The resource is generated from
 * {@code ../shared/contracts/d365-fo/*.json} and a test keeps it equal to them, so the sandbox needs no
 * contract file at run time (the local run and benchmarks start from anywhere) and nobody types 300
 * names by hand.
 *
 * <p>Format, one item a line, tab-separated: {@code field <name> <kind> [<enum type>]} in the
 * contract's order, then {@code enum <name> <member> <member> …} (space-separated members in
 * value order, so the first is the default). Lines starting with {@code #} are comments.
 */
public final class ContractFields {

    private ContractFields() {
    }

    /** The fields of an entity type, in the contract's order, {@code @odata.etag} not among them. */
    public static List<Field> of(String typeName) {
        String resource = typeName + ".entity";
        InputStream in = ContractFields.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("resource " + resource + " missing next to " + ContractFields.class.getName());
        }
        List<String[]> fieldLines = new ArrayList<>();
        Map<String, EnumType> enums = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                switch (parts[0]) {
                    case "field" -> fieldLines.add(parts);
                    case "enum" -> enums.put(parts[1], new EnumType(parts[1], Arrays.asList(parts[2].split(" "))));
                    default -> throw new IllegalStateException(resource + ": unexpected line '" + line + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Field> fields = new ArrayList<>(fieldLines.size());
        for (String[] parts : fieldLines) {
            FieldKind kind = FieldKind.valueOf(parts[2]);
            EnumType type = null;
            if (kind == FieldKind.ENUM) {
                type = enums.get(parts[3]);
                if (type == null) {
                    throw new IllegalStateException(resource + ": enum " + parts[3] + " of " + parts[1] + " not listed");
                }
            }
            fields.add(new Field(parts[1], kind, type));
        }
        return List.copyOf(fields);
    }
}
