package io.github.d365bridge.client.d365.entities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A product's name and description in one language, {@code ProductTranslations} (not in the contract files;
 * keys unconfirmed, probably ProductNumber and LanguageId: the bridge reads it by filter, never by key).
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductTranslation(
        @JsonProperty("ProductNumber") String productNumber,
        @JsonProperty("LanguageId") String languageId,
        @JsonProperty("ProductName") String productName,
        @JsonProperty("Description") String description) {

    public static final String ENTITY_SET = "ProductTranslations";
}
