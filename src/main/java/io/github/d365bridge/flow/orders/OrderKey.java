package io.github.d365bridge.flow.orders;

import java.util.Objects;
import java.util.Optional;

/**
 * The business identity of a Commerce order: {@code <store code>:<increment id>}. It is the ledger's
 * key, the envelope's business key, and the D365 customer reference ({@code CustomersOrderReference}),
 * so D365 can be asked whether an order already exists. The text is kept as Commerce sent it; where
 * storage cannot hold some characters (the ledger's table keys) the storage side encodes them.
 */
@io.quarkus.runtime.annotations.RegisterForReflection
public record OrderKey(String storeCode, String incrementId) {

    /** Commerce's {@code store.code} column. */
    public static final int MAX_STORE_CODE_LENGTH = 32;
    /** Commerce's {@code sales_order.increment_id} column. */
    public static final int MAX_INCREMENT_ID_LENGTH = 50;

    public OrderKey {
        Objects.requireNonNull(storeCode, "storeCode");
        Objects.requireNonNull(incrementId, "incrementId");
        Optional<String> problem = storeCodeProblem(storeCode).or(() -> incrementIdProblem(incrementId));
        if (problem.isPresent()) {
            throw new IllegalArgumentException("Not an order key '" + storeCode + "' / '" + incrementId + "': "
                    + problem.get());
        }
    }

    /** @throws IllegalArgumentException naming what is wrong, when {@code value} is no order key */
    public static OrderKey parse(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("must be '<store code>:<increment id>', got '" + value + "'");
        }
        String storeCode = value.substring(0, colon);
        String incrementId = value.substring(colon + 1);
        Optional<String> problem = storeCodeProblem(storeCode).or(() -> incrementIdProblem(incrementId));
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get() + " (in '<store code>:<increment id>')");
        }
        return new OrderKey(storeCode, incrementId);
    }

    /** Why {@code incrementId} cannot name an order, if it cannot. */
    public static Optional<String> incrementIdProblem(String incrementId) {
        if (incrementId == null || incrementId.isBlank()) {
            return Optional.of("increment id is empty");
        }
        if (incrementId.length() > MAX_INCREMENT_ID_LENGTH) {
            return Optional.of("increment id is longer than " + MAX_INCREMENT_ID_LENGTH + " characters");
        }
        return Optional.empty();
    }

    private static Optional<String> storeCodeProblem(String storeCode) {
        if (storeCode.isBlank()) {
            return Optional.of("store code is empty");
        }
        if (storeCode.contains(":")) {
            return Optional.of("store code contains ':'");
        }
        if (storeCode.length() > MAX_STORE_CODE_LENGTH) {
            return Optional.of("store code is longer than " + MAX_STORE_CODE_LENGTH + " characters");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return storeCode + ":" + incrementId;
    }
}
