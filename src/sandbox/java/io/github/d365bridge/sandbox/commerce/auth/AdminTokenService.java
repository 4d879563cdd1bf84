package io.github.d365bridge.sandbox.commerce.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.d365bridge.sandbox.commerce.http.CommerceException;

/**
 * {@code POST /V1/integration/admin/token}: issues expiring admin tokens and locks an account after
 * six failed sign-ins for 30 minutes ({@code admin/security/lockout_failures} and
 * {@code lockout_threshold} defaults). While locked even the right password fails, with the same
 * message, as Magento does, so a client retrying bad credentials in a loop locks itself out here too.
 */
public final class AdminTokenService {

    public static final int LOCKOUT_FAILURES = 6;
    public static final Duration LOCKOUT = Duration.ofMinutes(30);
    static final String SIGN_IN_FAILED = "The account sign-in was incorrect or your account is disabled temporarily. "
            + "Please wait and try again later.";
    static final String TWO_FACTOR = "Please use the 2fa provider-specific endpoints to obtain a token.";

    private final Map<String, String> users;
    private final Duration lifetime;
    private final boolean twoFactor;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public AdminTokenService(Map<String, String> users, Duration lifetime, boolean twoFactor, Clock clock) {
        this.users = Map.copyOf(users);
        this.lifetime = lifetime;
        this.twoFactor = twoFactor;
        this.clock = clock;
    }

    private record Failures(int count, Instant lockedUntil) {
    }

    /** @return the token; throws the 401 Magento answers otherwise */
    public synchronized String issue(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            throw CommerceException.of(400, "One or more input exceptions have occurred.")
                    .withErrors(List.of(CommerceException.named(400, "\"%fieldName\" is required. Enter and try again.",
                            Map.of("fieldName", username == null || username.isBlank() ? "username" : "password"))));
        }
        Instant now = clock.instant();
        Failures record = failures.get(username);
        if (record != null && record.lockedUntil() != null && now.isBefore(record.lockedUntil())) {
            throw CommerceException.of(401, SIGN_IN_FAILED);
        }
        String expected = users.get(username);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            recordFailure(username, record, now);
            throw CommerceException.of(401, SIGN_IN_FAILED);
        }
        failures.remove(username);
        if (twoFactor) {
            throw CommerceException.named(401, TWO_FACTOR, Map.of("active_providers", List.of("google")));
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        tokens.put(token, now.plus(lifetime));
        return token;
    }

    private void recordFailure(String username, Failures record, Instant now) {
        int count = (record == null || record.lockedUntil() != null ? 0 : record.count()) + 1;
        failures.put(username, new Failures(count, count >= LOCKOUT_FAILURES ? now.plus(LOCKOUT) : null));
    }

    public boolean valid(String token) {
        Instant expiry = tokens.get(token);
        if (expiry == null) {
            return false;
        }
        if (!clock.instant().isBefore(expiry)) {
            tokens.remove(token);
            return false;
        }
        return true;
    }

    public boolean locked(String username) {
        Failures record = failures.get(username);
        return record != null && record.lockedUntil() != null && clock.instant().isBefore(record.lockedUntil());
    }
}
