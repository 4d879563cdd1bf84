package io.github.d365bridge.client.commerce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.commerce.auth.OAuthCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;

/** Clients wired to a {@link FakeCommerce} with fast retries, so failure tests stay short. */
public final class TestClients {

    public static final OAuthCredentials INTEGRATION = new OAuthCredentials("ck-test", "cs-secret-value",
            "at-token-value", "ats-secret-value");
    public static final RetryOptions FAST_RETRY = new RetryOptions(4, Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofSeconds(20), Duration.ofMillis(100));

    private TestClients() {
    }

    public static CommerceClientOptions.Builder options(FakeCommerce fake, CommerceCredentials credentials) {
        return CommerceClientOptions.builder(fake.baseUrl(), credentials).retry(FAST_RETRY)
                .requestTimeout(Duration.ofSeconds(5)).bulkPoll(Duration.ofMillis(5), Duration.ofMillis(20));
    }

    public static CommerceClient oauth(FakeCommerce fake) {
        return CommerceClient.create(options(fake, new CommerceCredentials.OAuth1(INTEGRATION)).build());
    }

    /** A clock tests move by hand (token lifetime, cool-down). */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        public MutableClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
