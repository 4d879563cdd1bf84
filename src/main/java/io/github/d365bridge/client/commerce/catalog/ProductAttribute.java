package io.github.d365bridge.client.commerce.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code catalog-data-product-attribute-interface}, the parts the catalog needs: the id a configurable product's
 * options name and the options (label → id) a select attribute offers. Commerce lists a blank first option
 * ({@code " "} / {@code ""}) for selects.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductAttribute(
        @JsonProperty("attribute_id") Long attributeId,
        @JsonProperty("attribute_code") String attributeCode,
        @JsonProperty("frontend_input") String frontendInput,
        @JsonProperty("default_frontend_label") String defaultFrontendLabel,
        List<Option> options) {

    public ProductAttribute {
        options = options == null ? List.of() : List.copyOf(options);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String label, String value) {
    }

    /** Select and multiselect attributes have options; others cannot be a configurable product's option. */
    public boolean hasOptions() {
        return "select".equals(frontendInput) || "multiselect".equals(frontendInput);
    }
}
