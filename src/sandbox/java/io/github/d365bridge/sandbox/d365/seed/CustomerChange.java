package io.github.d365bridge.sandbox.d365.seed;

import java.util.Map;

/**
 * One customer the change simulation touched.
 *
 * @param kind     what happened to it
 * @param before   for {@link Kind#CHANGED}: the old values of exactly the fields that changed; else empty
 * @param after    for {@link Kind#CHANGED}: their new values; for {@link Kind#ADDED}: the new row; else empty
 */
public record CustomerChange(Kind kind, String dataAreaId, String customerAccount, Map<String, Object> before,
        Map<String, Object> after) {

    public enum Kind { CHANGED, ADDED, DELETED }

    /** What a change of content may touch. */
    public enum Aspect {
        /** OrganizationName; for persons PersonLastName with it. */
        NAME,
        /** PrimaryContactEmail (an organisation without one gets its first). */
        EMAIL,
        /** The primary address, and delivery/invoice addresses that were the same place. */
        ADDRESS,
        /** PrimaryContactPhone. */
        PHONE
    }

    public CustomerChange {
        // LinkedHashMap, not Map.copyOf: an empty date is a null value
        before = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(before));
        after = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(after));
    }
}
