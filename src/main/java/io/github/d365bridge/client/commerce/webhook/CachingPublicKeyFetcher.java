package io.github.d365bridge.client.commerce.webhook;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps fetched keys for a bounded time (Adobe asks for at most 24 h, since the two keys rotate) and a
 * bounded count (the path is caller-controlled, so the cache must not grow with made-up paths).
 * Failures are not cached: the next delivery tries again. Thread-safe; two concurrent misses may both
 * fetch, which is harmless.
 */
public final class CachingPublicKeyFetcher implements PublicKeyFetcher {

    public static final Duration MAX_TTL = Duration.ofHours(24);
    static final int MAX_ENTRIES = 16;

    private final PublicKeyFetcher delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public CachingPublicKeyFetcher(PublicKeyFetcher delegate, Duration ttl, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("Public key cache duration must be above 0 and at most 24 h, got " + ttl);
        }
        this.ttl = ttl;
    }

    @Override
    public PublicKey fetch(String keyPath) throws IOException {
        Instant now = clock.instant();
        Cached hit = cache.get(keyPath);
        if (hit != null && now.isBefore(hit.fetchedAt().plus(ttl))) {
            return hit.key();
        }
        PublicKey key = delegate.fetch(keyPath);
        makeRoom(now);
        cache.put(keyPath, new Cached(key, now));
        return key;
    }

    private void makeRoom(Instant now) {
        if (cache.size() < MAX_ENTRIES) {
            return;
        }
        cache.entrySet().removeIf(e -> !now.isBefore(e.getValue().fetchedAt().plus(ttl)));
        if (cache.size() >= MAX_ENTRIES) {
            cache.entrySet().stream()
                    .min(Comparator.comparing(e -> e.getValue().fetchedAt()))
                    .ifPresent(oldest -> cache.remove(oldest.getKey()));
        }
    }

    private record Cached(PublicKey key, Instant fetchedAt) {
    }
}
