package io.github.d365bridge.ops;

import java.time.Instant;

import io.github.d365bridge.flow.customers.CrossReferenceEntry;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A cross-reference entry as the operator endpoints show it: flat, with kinds and sources as written in URLs. */
@RegisterForReflection
public record CrossReferenceView(String legalEntity, String kind, long commerceId, String customerAccount,
        String source, Instant updatedAt) {

    static CrossReferenceView of(CrossReferenceEntry entry) {
        return new CrossReferenceView(entry.reference().legalEntity(), entry.reference().kind().code(),
                entry.reference().commerceId(), entry.customerAccount(), entry.source().code(), entry.updatedAt());
    }
}
