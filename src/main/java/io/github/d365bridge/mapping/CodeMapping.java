package io.github.d365bridge.mapping;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Commerce code → D365 code table with a fallback, used for delivery modes and payment methods.
 *
 * @param defaultCode YAML {@code default}: used for a code not in {@code codes}; empty or absent leaves the
 *                    D365 field empty, so D365 applies the customer account's own default
 * @param codes       Commerce code (e.g. {@code flatrate_flatrate}, {@code checkmo}) → D365 code
 */
public record CodeMapping(@JsonProperty("default") String defaultCode, Map<String, String> codes) {

    public CodeMapping {
        codes = Collections2.map(codes);
        defaultCode = defaultCode == null ? "" : defaultCode;
    }

    public static CodeMapping empty() {
        return new CodeMapping("", Map.of());
    }

    /** The D365 code for a Commerce code (null counts as unknown); may be empty, never null. */
    public String map(String commerceCode) {
        String mapped = commerceCode == null ? null : codes.get(commerceCode);
        return mapped != null ? mapped : defaultCode;
    }
}
