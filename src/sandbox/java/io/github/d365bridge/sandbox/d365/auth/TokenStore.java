package io.github.d365bridge.sandbox.d365.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issued access tokens: opaque random strings remembered with their client, audience and expiry.
 * Real tokens are JWTs, but no client should read them, so opaque ones catch a client that does.
 */
public final class TokenStore {

    /** What a token stands for. */
    public record Issued(String clientId, String audience, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong issuedCount = new java.util.concurrent.atomic.AtomicLong();
    private final Clock clock;

    public TokenStore(Clock clock) {
        this.clock = clock;
    }

    public String issue(String clientId, String audience, Duration lifetime) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = "sbx." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Issued(clientId, audience, clock.instant().plus(lifetime)));
        issuedCount.incrementAndGet();
        return token;
    }

    /** The token's grant when it exists and has not expired (expired ones are forgotten). */
    public Optional<Issued> valid(String token) {
        Issued issued = token == null ? null : tokens.get(token);
        if (issued == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(issued.expiresAt())) {
            tokens.remove(token);
            return Optional.empty();
        }
        return Optional.of(issued);
    }

    /** How many tokens were issued so far (lets tests see whether a client caches). */
    public long issuedCount() {
        return issuedCount.get();
    }

    public void clear() {
        tokens.clear();
    }

    public Instant now() {
        return clock.instant();
    }
}
