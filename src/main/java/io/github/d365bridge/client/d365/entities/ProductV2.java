package io.github.d365bridge.client.d365.entities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A shared product of {@code ProductsV2} (key ProductNumber, no company): where the display name lives. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductV2(
        @JsonProperty("@odata.etag") String etag,
        @JsonProperty("ProductNumber") String productNumber,
        @JsonProperty("ProductName") String productName,
        @JsonProperty("ProductSearchName") String productSearchName,
        @JsonProperty("ProductDescription") String productDescription,
        @JsonProperty("ProductType") String productType) {

    public static final String ENTITY_SET = "ProductsV2";
}
