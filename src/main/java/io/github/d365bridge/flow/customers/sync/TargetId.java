package io.github.d365bridge.flow.customers.sync;

import java.util.Optional;

import io.github.d365bridge.flow.orders.mapping.CustomerReference;

/**
 * The Commerce id the sync stores per customer and website, with its kind ({@code customer:42},
 * {@code company:7}): an organisation may move between customer and company when the profile changes, and
 * the removal rule must know which API to call.
 */
final class TargetId {

    private TargetId() {
    }

    static String of(CustomerReference.Kind kind, long id) {
        return kind.code() + ":" + id;
    }

    /** The id, if the stored one is of {@code kind} (one of the other kind is not reused). */
    static Optional<Long> parse(Optional<String> stored, CustomerReference.Kind kind) {
        return stored.filter(s -> s.startsWith(kind.code() + ":"))
                .map(s -> Long.valueOf(s.substring(kind.code().length() + 1)));
    }

    static Optional<CustomerReference.Kind> kind(String stored) {
        int colon = stored.indexOf(':');
        return colon < 0 ? Optional.empty() : CustomerReference.Kind.ofCode(stored.substring(0, colon));
    }
}
