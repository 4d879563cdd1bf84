package io.github.d365bridge.sandbox.commerce.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The product attributes (EAV) the sandbox knows: the select attributes a configurable product is built
 * from and one text attribute. A stock store knows hundreds; these are the ones a catalog sync touches.
 * Option ids come from one counter for all attributes, as {@code eav_attribute_option.option_id} does,
 * so an id never names options of two attributes. Not thread-safe: callers hold the data lock.
 */
public final class AttributeCatalog {

    /** First option id handed out for options added at run time (the seeded ones are below). */
    static final int FIRST_NEW_OPTION_ID = 171;

    /** One option: the admin (store 0) label, and labels of store views that have their own. */
    public static final class Option {
        private final int id;
        private final String label;
        private final int sortOrder;
        private final Map<Integer, String> storeLabels;

        Option(int id, String label, int sortOrder, Map<Integer, String> storeLabels) {
            this.id = id;
            this.label = label;
            this.sortOrder = sortOrder;
            this.storeLabels = new LinkedHashMap<>(storeLabels);
        }

        public int id() { return id; }
        public String label() { return label; }
        public int sortOrder() { return sortOrder; }
        public Map<Integer, String> storeLabels() { return Map.copyOf(storeLabels); }

        /** The label a store view shows: its own, else the admin label. */
        public String label(int storeId) {
            return storeLabels.getOrDefault(storeId, label);
        }
    }

    /**
     * One attribute. {@code scope} is Commerce's {@code is_global} in words ({@code global}, {@code website},
     * {@code store}); a configurable product can only be built from a global, user-defined select.
     */
    public static final class Attribute {
        private final int id;
        private final String code;
        private final String label;
        private final String frontendInput;
        private final String backendType;
        private final String scope;
        private final boolean userDefined;
        private final List<Option> options = new ArrayList<>();
        private Integer defaultOption;

        Attribute(int id, String code, String label, String frontendInput, String backendType, String scope,
                boolean userDefined) {
            this.id = id;
            this.code = code;
            this.label = label;
            this.frontendInput = frontendInput;
            this.backendType = backendType;
            this.scope = scope;
            this.userDefined = userDefined;
        }

        public int id() { return id; }
        public String code() { return code; }
        public String label() { return label; }
        public String frontendInput() { return frontendInput; }
        public String backendType() { return backendType; }
        public String scope() { return scope; }
        public boolean userDefined() { return userDefined; }
        public Optional<Integer> defaultOption() { return Optional.ofNullable(defaultOption); }

        /** Select and multiselect read their options from a source model ({@code usesSource()}). */
        public boolean usesOptions() {
            return frontendInput.equals("select") || frontendInput.equals("multiselect");
        }

        /** {@code Configurable::canUseAttribute}: global scope, visible, with options, user-defined. */
        public boolean configurable() {
            return usesOptions() && scope.equals("global") && userDefined;
        }

        /** Options in the order the source model lists them: sort order, then id. */
        public List<Option> options() {
            List<Option> sorted = new ArrayList<>(options);
            sorted.sort(Comparator.comparingInt(Option::sortOrder).thenComparingInt(Option::id));
            return sorted;
        }

        public Optional<Option> option(int optionId) {
            return options.stream().filter(o -> o.id == optionId).findFirst();
        }

        /** The option a value of a product's custom attribute names ({@code "50"} or {@code 50}). */
        public Optional<Option> option(String value) {
            return value != null && value.matches("\\d{1,9}") ? option(Integer.parseInt(value)) : Optional.empty();
        }

        /**
         * {@code AbstractSource::getOptionId}, which the duplicate check of an option add uses: a label equal to
         * an existing admin label (case-insensitive) <em>or</em> to an existing option id. The second half is a
         * known Magento bug (issue #32593): a label "168" is refused while an option with id 168 exists.
         */
        public Optional<Option> optionForLabel(String candidate) {
            String wanted = candidate.toLowerCase(Locale.ROOT);
            return options.stream().filter(o -> o.label.toLowerCase(Locale.ROOT).equals(wanted)
                    || String.valueOf(o.id).equals(candidate)).findFirst();
        }
    }

    private final Map<String, Attribute> byCode = new LinkedHashMap<>();
    private int nextOptionId = FIRST_NEW_OPTION_ID;

    /** The stock attributes, with option ids as a store with the Luma sample data has them. */
    public AttributeCatalog() {
        Attribute color = add(new Attribute(93, "color", "Color", "select", "int", "global", true));
        seed(color, 49, "Black", 1);
        seed(color, 50, "Blue", 2);
        seed(color, 58, "Red", 3);
        seed(color, 59, "White", 4);
        Attribute size = add(new Attribute(144, "size", "Size", "select", "int", "global", true));
        seed(size, 167, "S", 1);
        seed(size, 168, "M", 2);
        seed(size, 169, "L", 3);
        seed(size, 170, "XL", 4);
        add(new Attribute(75, "description", "Description", "textarea", "text", "store", false));
    }

    private Attribute add(Attribute attribute) {
        byCode.put(attribute.code, attribute);
        return attribute;
    }

    private static void seed(Attribute attribute, int id, String label, int sortOrder) {
        attribute.options.add(new Option(id, label, sortOrder, Map.of()));
    }

    public Optional<Attribute> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * By code or by id, as {@code ProductAttributeRepository::get} resolves it: Commerce's EAV config maps a
     * numeric code to the attribute of that id, which is how a configurable option's {@code attribute_id}
     * ({@code "93"} or {@code 93}) is looked up.
     */
    public Optional<Attribute> byCodeOrId(String codeOrId) {
        if (codeOrId != null && codeOrId.matches("\\d{1,9}")) {
            int id = Integer.parseInt(codeOrId);
            return byCode.values().stream().filter(a -> a.id == id).findFirst();
        }
        return byCode(codeOrId);
    }

    public List<Attribute> all() {
        return List.copyOf(byCode.values());
    }

    /** Adds an option with the next option id; the caller has checked the label. */
    public Option addOption(Attribute attribute, String label, int sortOrder, boolean isDefault,
            Map<Integer, String> storeLabels) {
        Option option = new Option(nextOptionId++, label, sortOrder, storeLabels);
        attribute.options.add(option);
        if (isDefault) {
            attribute.defaultOption = option.id;
        }
        return option;
    }
}
