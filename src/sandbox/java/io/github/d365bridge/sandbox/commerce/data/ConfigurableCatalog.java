package io.github.d365bridge.sandbox.commerce.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes a product configurable, kept as Commerce keeps it: its options
 * ({@code catalog_product_super_attribute}: attribute, label, position) and its children
 * ({@code catalog_product_super_link}: product ids). The option <em>values</em> are not stored: Commerce
 * reads them from the children's attribute values, so a configurable without children answers
 * {@code values: []} whatever was sent. Not thread-safe: callers hold the data lock.
 */
public final class ConfigurableCatalog {

    /** One super attribute of a parent; {@code id} is the option id the API answers. */
    public record Option(int id, int attributeId, String label, int position, int productId) {
    }

    private final Map<String, List<Option>> options = new LinkedHashMap<>();
    private final Map<String, Set<Integer>> children = new LinkedHashMap<>();
    private int nextOptionId = 1;

    public List<Option> options(String parentSku) {
        return List.copyOf(options.getOrDefault(parentSku, List.of()));
    }

    /** The child product ids, in the order they were linked. */
    public List<Integer> children(String parentSku) {
        return List.copyOf(children.getOrDefault(parentSku, Set.of()));
    }

    /** Stores a new option under the next option id. */
    public Option addOption(String parentSku, int attributeId, String label, int position, int productId) {
        Option option = new Option(nextOptionId++, attributeId, label, position, productId);
        options.computeIfAbsent(parentSku, s -> new ArrayList<>()).add(option);
        return option;
    }

    /** Replaces an option (same id) with new label and position, as a save of an existing option does. */
    public Option updateOption(String parentSku, Option changed) {
        List<Option> list = options.getOrDefault(parentSku, new ArrayList<>());
        list.replaceAll(o -> o.id() == changed.id() ? changed : o);
        return changed;
    }

    public void removeOption(String parentSku, int optionId) {
        options.getOrDefault(parentSku, new ArrayList<>()).removeIf(o -> o.id() == optionId);
    }

    /** {@code saveProducts(parent, ids)}: the children become exactly these. */
    public void setChildren(String parentSku, List<Integer> childIds) {
        children.put(parentSku, new LinkedHashSet<>(childIds));
    }
}
