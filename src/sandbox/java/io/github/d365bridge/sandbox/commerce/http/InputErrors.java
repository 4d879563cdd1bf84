package io.github.d365bridge.sandbox.commerce.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Magento's {@code InputException} as validators fill it: the first error added becomes the exception's
 * own message and parameters; from the second on, the message is "One or more input exceptions have
 * occurred." and every error (the first included) is listed under {@code errors}. Always HTTP 400.
 */
public final class InputErrors {

    public static final String SEVERAL = "One or more input exceptions have occurred.";

    private final List<CommerceException> errors = new ArrayList<>();

    public InputErrors add(CommerceException error) {
        errors.add(error);
        return this;
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public void throwIfAny() {
        if (errors.size() == 1) {
            CommerceException only = errors.get(0);
            throw new CommerceException(400, only.getMessage(), only.parameters(), null);
        }
        if (errors.size() > 1) {
            throw CommerceException.of(400, SEVERAL).withErrors(errors);
        }
    }
}
