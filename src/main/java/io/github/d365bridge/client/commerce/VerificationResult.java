package io.github.d365bridge.client.commerce;

import java.util.Objects;

/**
 * The outcome of checking an inbound request (signature, client id, OAuth header). Verifiers return
 * this instead of throwing so intake code can log the reason and answer 401 without a try/catch per
 * failure mode. Reasons never contain secrets or signatures, only which check failed.
 */
public record VerificationResult(boolean valid, String reason) {

    public VerificationResult {
        Objects.requireNonNull(reason, "reason");
    }

    public static VerificationResult valid(String detail) {
        return new VerificationResult(true, detail);
    }

    public static VerificationResult invalid(String reason) {
        return new VerificationResult(false, reason);
    }

    public boolean invalid() {
        return !valid;
    }
}
