package io.github.d365bridge.client.commerce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One EAV value ({@code custom_attributes[]}) of a customer, address or product. The value is kept as
 * JSON because Commerce sends strings, numbers and arrays (multiselects) in the same field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomAttribute(@JsonProperty("attribute_code") String attributeCode, JsonNode value) {

    public static CustomAttribute of(String code, String value) {
        return new CustomAttribute(code, com.fasterxml.jackson.databind.node.TextNode.valueOf(value));
    }

    /** The value as text ({@code ""} when absent), for the common single-valued attributes. */
    public String text() {
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }
}
