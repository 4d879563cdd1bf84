package io.github.d365bridge.client.d365.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the current token until shortly before it expires (five minutes, or a tenth of its lifetime
 * when that is shorter) and fetches a new one only then or when told to. msal4j has a cache of its own,
 * but it keys entries by host without port and so never hits them for an authority on a non-default
 * port; this cache makes the behaviour the same for every token flow and every authority.
 */
public final class CachingTokenSource implements TokenSource {

    /** A token and when it stops being valid. */
    public record Token(String value, Instant expiresAt) {
    }

    /** Gets a token from the identity provider; {@code bypassProviderCache} after a 401. */
    @FunctionalInterface
    public interface Fetcher {
        Token fetch(boolean bypassProviderCache);
    }

    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    private final Fetcher fetcher;
    private final Clock clock;
    private volatile Token current = new Token("", Instant.MIN);
    private volatile Instant refreshAt = Instant.MIN;

    public CachingTokenSource(Fetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    @Override
    public String token() {
        if (clock.instant().isBefore(refreshAt)) {
            return current.value();
        }
        synchronized (this) {
            return clock.instant().isBefore(refreshAt) ? current.value() : renew(false);
        }
    }

    @Override
    public synchronized String refreshedToken() {
        return renew(true);
    }

    private String renew(boolean bypassProviderCache) {
        Instant now = clock.instant();
        Token fresh = fetcher.fetch(bypassProviderCache);
        Duration lifetime = Duration.between(now, fresh.expiresAt());
        Duration margin = lifetime.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(10) : MAX_MARGIN;
        current = fresh;
        refreshAt = fresh.expiresAt().minus(margin);
        return fresh.value();
    }
}
