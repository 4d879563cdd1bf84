package io.github.d365bridge.sandbox.commerce.api;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.AttributeCatalog;
import io.github.d365bridge.sandbox.commerce.data.AttributeCatalog.Attribute;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;

/**
 * A product's {@code custom_attributes} values for select attributes. Commerce itself saves any number as a
 * select value and then shows the product without one (there is no foreign key on option ids); the sandbox
 * refuses a value that is no option of the attribute with the phrase Commerce uses for an unknown option
 * ({@code OptionManagement::validateOption}), so a client that sends a label or a stale id fails in tests.
 * Empty values clear the attribute and pass; attributes the sandbox does not know pass unchecked. A value sent
 * as a number ({@code 58}) is kept as the string Commerce answers ({@code "58"}).
 */
final class SelectValues {

    private SelectValues() {
    }

    static void check(AttributeCatalog attributes, JsonNode customAttributes) {
        if (customAttributes == null || !customAttributes.isArray()) {
            return;
        }
        for (JsonNode entry : customAttributes) {
            Optional<Attribute> attribute = attributes.byCode(entry.path("attribute_code").asText());
            if (attribute.isEmpty() || !attribute.get().usesOptions()) {
                continue;
            }
            JsonNode value = entry.get("value");
            if (value == null || value.isNull() || value.asText().isEmpty()) {
                continue;
            }
            boolean multi = attribute.get().frontendInput().equals("multiselect");
            for (String id : multi ? value.asText().split(",") : new String[] {value.asText()}) {
                if (attribute.get().option(id.trim()).isEmpty()) {
                    throw CommerceException.badRequest(Configurables.NO_SUCH_OPTION, attribute.get().code(), value.asText());
                }
            }
            if (entry instanceof ObjectNode object) {
                String text = value.asText();
                object.remove("value");
                object.put("value", text);
            }
        }
    }

    /** Whether a custom attribute entry is of a global attribute, whose value lands in store 0 from any scope. */
    static boolean global(AttributeCatalog attributes, JsonNode entry) {
        return attributes.byCode(entry.path("attribute_code").asText()).map(a -> a.scope().equals("global")).orElse(false);
    }
}
