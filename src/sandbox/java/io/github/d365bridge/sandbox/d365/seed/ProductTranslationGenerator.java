package io.github.d365bridge.sandbox.d365.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.store.RowGenerator;

/**
 * ProductTranslations demo rows: every shared product in German ({@code de}), one row per product, in key
 * order (ProductNumber, LanguageId). Names are the product's name with German words, so a store view that
 * shows the English one is easy to spot.
 */
public final class ProductTranslationGenerator implements RowGenerator {

    public static final String LANGUAGE = "de";
    private static final Map<String, String> GERMAN = Map.ofEntries(Map.entry("Compact", "Kompakter"),
            Map.entry("Deluxe", "Edler"), Map.entry("Wireless", "Kabelloser"), Map.entry("Outdoor", "Wetterfester"),
            Map.entry("Classic", "Klassischer"), Map.entry("Smart", "Smarter"), Map.entry("Portable", "Tragbarer"),
            Map.entry("Heavy-duty", "Robuster"), Map.entry("Eco", "Sparsamer"), Map.entry("Pro", "Profi-"));

    private final ProductGenerator products;

    public ProductTranslationGenerator(ProductGenerator products) {
        this.products = products;
    }

    @Override
    public int size() {
        return products.size();
    }

    public String name(int index) {
        String english = products.name(index);
        int space = english.indexOf(' ');
        String first = space < 0 ? english : english.substring(0, space);
        return GERMAN.containsKey(first) ? GERMAN.get(first) + english.substring(space) : english + " (DE)";
    }

    @Override
    public Map<String, Object> row(int index) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ProductNumber", ProductGenerator.number(index));
        row.put("LanguageId", LANGUAGE);
        row.put("ProductName", name(index));
        row.put("Description", name(index) + ", Demoprodukt der Sandbox");
        return row;
    }

    @Override
    public int indexOf(List<Object> keyValues) {
        return LANGUAGE.equals(keyValues.get(1)) ? ProductGenerator.parse(keyValues.get(0), products.size()) : -1;
    }
}
