package io.github.d365bridge.client.d365.pkg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Streams the rows of one entity into its CSV-Unicode data file inside the package. Rows go straight
 * to the zip, so a package of any size needs only one row in memory. Obtained from
 * {@link DataPackageWriter#openEntity}; close it before opening the next entity.
 */
public final class EntityRowWriter implements AutoCloseable {

    private final PackageEntity entity;
    private final Writer text;
    private final CsvRecordWriter csv;
    private final Runnable onClose;
    private long rowCount;
    private boolean closed;

    EntityRowWriter(PackageEntity entity, Writer text, Runnable onClose) {
        this.entity = entity;
        this.text = text;
        this.csv = new CsvRecordWriter(text);
        this.onClose = onClose;
        try {
            csv.write(entity.fields());
        } catch (IOException e) {
            throw failure(e);
        }
    }

    public PackageEntity entity() {
        return entity;
    }

    /** Rows written so far, not counting the header row. */
    public long rowCount() {
        return rowCount;
    }

    /**
     * Writes one row, values in the order of {@link PackageEntity#fields()}. A null value is written
     * as an empty one: CSV has no null, and D365 reads an empty value as the field's empty value.
     */
    public void write(List<String> values) {
        requireOpen();
        long row = rowCount + 1;
        if (values.size() != entity.fields().size()) {
            throw new IllegalArgumentException("row " + row + " of entity '" + entity.label() + "' has "
                    + values.size() + " values but the entity has " + entity.fields().size() + " fields");
        }
        for (int i = 0; i < values.size(); i++) {
            requireWellFormed(values.get(i), row, entity.fields().get(i));
        }
        try {
            csv.write(values);
        } catch (IOException e) {
            throw failure(e);
        }
        rowCount = row;
    }

    /**
     * Writes one row given by field name (any case). Fields left out are written empty; a name the
     * entity does not have is refused, because it is almost always a typo that would lose data.
     */
    public void write(Map<String, String> valuesByField) {
        Map<String, String> upper = new HashMap<>();
        valuesByField.forEach((field, value) -> upper.put(field.toUpperCase(Locale.ROOT), value));
        Set<String> unknown = new HashSet<>(upper.keySet());
        entity.fields().forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("row " + (rowCount + 1) + " of entity '" + entity.label()
                    + "' names fields the entity does not have: " + unknown);
        }
        List<String> values = new ArrayList<>(entity.fields().size());
        for (String field : entity.fields()) {
            values.add(upper.getOrDefault(field, ""));
        }
        write(values);
    }

    /** Ends the data file; the package itself is finished by {@link DataPackageWriter#close()}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            text.flush();
        } catch (IOException e) {
            throw failure(e);
        }
        onClose.run();
    }

    boolean isClosed() {
        return closed;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the data file of entity '" + entity.label() + "' is already closed");
        }
    }

    /** Checked here because the encoder would only notice a lone surrogate some rows later. */
    private void requireWellFormed(String value, long row, String field) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("row " + row + " of entity '" + entity.label() + "', field "
                        + field + ": lone surrogate at index " + i + " cannot be written as UTF-16");
            }
        }
    }

    private UncheckedIOException failure(IOException e) {
        return new UncheckedIOException("cannot write the data file " + entity.dataFileName() + " of entity '"
                + entity.label() + "'", e);
    }
}
