package io.github.d365bridge.flow.orders.mapping;

import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;

/**
 * A {@link CustomerAccountResolver} found more than one D365 account and will not guess. Permanent: the
 * order fails with this reason until an operator links the right account and replays it.
 */
public class AmbiguousCustomerException extends PermanentFailureException {

    private final String field;
    private final String reason;

    /**
     * @param field  the Commerce order field the ambiguity is about (e.g. {@code customer_email})
     * @param reason what was found, naming the count and the legal entity
     */
    public AmbiguousCustomerException(String field, String reason) {
        super(ExternalSystem.D365, field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
