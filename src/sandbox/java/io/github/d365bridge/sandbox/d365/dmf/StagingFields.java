package io.github.d365bridge.sandbox.d365.dmf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.github.d365bridge.sandbox.d365.model.EntitySchema;

/**
 * Every field of an entity's staging table, copied from the contract files into resources: a package
 * column D365 does not know fails the import, while a real column the sandbox does not model is
 * accepted and dropped.
 */
final class StagingFields {

    private StagingFields() {
    }

    /** Upper-case names of every field the entity has; the emitted fields when no list is stored. */
    static Set<String> of(EntitySchema schema) {
        Set<String> names = new HashSet<>();
        schema.fields().forEach(f -> names.add(f.name().toUpperCase(Locale.ROOT)));
        InputStream in = StagingFields.class.getResourceAsStream(schema.setName() + ".fields");
        if (in == null) {
            return names;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.trim().toUpperCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
