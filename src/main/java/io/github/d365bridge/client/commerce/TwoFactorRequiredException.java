package io.github.d365bridge.client.commerce;

import java.util.List;

import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;

/**
 * Commerce refused to issue an admin token because two-factor authentication is on (the 2.4
 * default). Permanent on purpose: re-authenticating would fail the same way, and repeated failed admin
 * logins lock the account for 30 minutes. Keeps the HTTP status (401, or 400 on older versions).
 */
public final class TwoFactorRequiredException extends PermanentFailureException {

    private final int status;
    private final List<String> providers;

    TwoFactorRequiredException(String message, int status, List<String> providers) {
        super(ExternalSystem.COMMERCE, message);
        this.status = status;
        this.providers = List.copyOf(providers);
    }

    @Override
    public int httpStatus() {
        return status;
    }

    /** The 2FA providers the store named ({@code google}, {@code authy}, ...), possibly empty. */
    public List<String> providers() {
        return providers;
    }
}
