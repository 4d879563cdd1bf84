package io.github.d365bridge.mapping;

import java.util.List;

/**
 * The product dimensions that name one variant of a D365 product master, as D365's entities spell them
 * ({@code ProductColorId}, {@code ProductSizeId}, {@code ProductStyleId}, {@code ProductConfigurationId},
 * {@code ProductVersionId}). An unused dimension is the empty string, never null, as D365 writes it.
 */
public record ProductDimensions(String color, String size, String style, String configuration, String version) {

    public static final ProductDimensions NONE = new ProductDimensions("", "", "", "", "");

    public ProductDimensions {
        color = color == null ? "" : color;
        size = size == null ? "" : size;
        style = style == null ? "" : style;
        configuration = configuration == null ? "" : configuration;
        version = version == null ? "" : version;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The values in the SKU rule's order: colour, size, style, configuration, version. */
    public List<String> inSkuOrder() {
        return List.of(color, size, style, configuration, version);
    }

    /** The inverse of {@link #inSkuOrder}; missing trailing values are empty, extra ones are an error. */
    static ProductDimensions ofSkuOrder(List<String> values) {
        if (values.size() > 5) {
            throw new IllegalArgumentException("a variant SKU has at most 5 dimension values, found " + values.size());
        }
        String[] v = {"", "", "", "", ""};
        for (int i = 0; i < values.size(); i++) {
            v[i] = values.get(i);
        }
        return new ProductDimensions(v[0], v[1], v[2], v[3], v[4]);
    }
}
