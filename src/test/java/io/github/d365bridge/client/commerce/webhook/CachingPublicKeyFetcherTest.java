package io.github.d365bridge.client.commerce.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CachingPublicKeyFetcherTest {

    private final TestKeys.MutableClock clock = new TestKeys.MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> calls = new ArrayList<>();
    private boolean failing;
    private final PublicKeyFetcher source = path -> {
        calls.add(path);
        if (failing) {
            throw new IOException("key host down");
        }
        return TestKeys.ADOBE_1.getPublic();
    };

    @Test
    void servesFromCacheWithinTheDurationAndRefetchesAfter() throws IOException {
        CachingPublicKeyFetcher cache = new CachingPublicKeyFetcher(source, Duration.ofHours(24), clock);
        cache.fetch("/k1.pem");
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        cache.fetch("/k1.pem");
        assertThat(calls).containsExactly("/k1.pem");
        clock.advance(Duration.ofMinutes(1));
        cache.fetch("/k1.pem");
        assertThat(calls).containsExactly("/k1.pem", "/k1.pem");
    }

    @Test
    void cachesEachPathSeparately() throws IOException {
        CachingPublicKeyFetcher cache = new CachingPublicKeyFetcher(source, Duration.ofHours(1), clock);
        cache.fetch("/k1.pem");
        cache.fetch("/k2.pem");
        cache.fetch("/k1.pem");
        assertThat(calls).containsExactly("/k1.pem", "/k2.pem");
    }

    @Test
    void doesNotCacheFailures() throws IOException {
        CachingPublicKeyFetcher cache = new CachingPublicKeyFetcher(source, Duration.ofHours(1), clock);
        failing = true;
        assertThatThrownBy(() -> cache.fetch("/k1.pem")).isInstanceOf(IOException.class);
        failing = false;
        assertThat(cache.fetch("/k1.pem")).isEqualTo(TestKeys.ADOBE_1.getPublic());
        assertThat(calls).hasSize(2);
    }

    @Test
    void staysBoundedWhenCallersInventPaths() throws IOException {
        CachingPublicKeyFetcher cache = new CachingPublicKeyFetcher(source, Duration.ofHours(1), clock);
        for (int i = 0; i < 100; i++) {
            cache.fetch("/made-up-" + i + ".pem");
            clock.advance(Duration.ofSeconds(1));
        }
        calls.clear();
        cache.fetch("/made-up-99.pem");
        assertThat(calls).isEmpty();
        cache.fetch("/made-up-0.pem");
        assertThat(calls).containsExactly("/made-up-0.pem");
    }

    @Test
    void refusesDurationsAboveADayOrZero() {
        assertThatThrownBy(() -> new CachingPublicKeyFetcher(source, Duration.ofHours(24).plusSeconds(1), clock))
                .hasMessageContaining("24 h");
        assertThatThrownBy(() -> new CachingPublicKeyFetcher(source, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
