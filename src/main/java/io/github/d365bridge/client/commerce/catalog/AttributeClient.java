package io.github.d365bridge.client.commerce.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.d365bridge.client.commerce.CommerceAnswers;
import io.github.d365bridge.client.commerce.CommerceHttp;
import io.github.d365bridge.client.commerce.CommerceRequest;

/** {@code /V1/products/attributes}: reading a select attribute and adding an option to it (global scope). */
public final class AttributeClient {

    private final CommerceHttp http;

    public AttributeClient(CommerceHttp http) {
        this.http = http;
    }

    /** {@code GET /V1/products/attributes/{code}}; empty when Commerce has no such attribute. */
    public Optional<ProductAttribute> get(String code) {
        return http.find(CommerceRequest.of("GET", ProductClient.GLOBAL_SCOPE, CommerceRequest.path(
                "products/attributes/{}", code), "attributes.get").record(code), CommerceAnswers.as(ProductAttribute.class));
    }

    /**
     * {@code POST /V1/products/attributes/{code}/options}: adds an option with its admin label. 2.4 answers the new
     * id as {@code "id_<n>"}; older versions answer {@code true}, which gives an empty result (read the attribute
     * again for the id).
     */
    public Optional<String> addOption(String code, String label) {
        Map<String, Object> option = Map.of("label", label, "sort_order", 0, "is_default", false, "store_labels", List.of());
        return http.execute(CommerceRequest.of("POST", ProductClient.GLOBAL_SCOPE, CommerceRequest.path(
                "products/attributes/{}/options", code), "attributes.options.add").record(code + "=" + label)
                .json(Map.of("option", option)), json -> {
                    String text = json.asText();
                    if (json.isTextual() && text.startsWith("id_")) {
                        return Optional.of(text.substring(3));
                    }
                    if (json.isIntegralNumber() || json.isTextual() && text.matches("\\d+")) {
                        return Optional.of(text);
                    }
                    if (json.isBoolean() && json.asBoolean()) {
                        return Optional.empty();
                    }
                    throw new CommerceAnswers.UnexpectedAnswerException("expected the new option's id, got " + json);
                });
    }
}
