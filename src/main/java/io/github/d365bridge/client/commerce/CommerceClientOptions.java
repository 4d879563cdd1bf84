package io.github.d365bridge.client.commerce;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.config.CommerceConfig.AuthMode;

/**
 * Everything the Commerce client needs, validated once at build time. Built from configuration by
 * {@link CommerceClientProducer}, or with {@link #builder(URI, CommerceCredentials)} by tests and tools.
 * The auth mode follows from the kind of credentials, so the two can never disagree.
 *
 * @param baseUrl                 store base URL ({@code https://shop.example.com}); REST is under {@code /rest}
 * @param defaultStoreCode        store code of calls that name none
 * @param credentials             OAuth 1.0a integration, integration bearer token or admin user
 * @param requestTimeout          per HTTP call
 * @param retry                   in-call retry budget
 * @param sslContext              trust for a sandbox's self-signed certificate (dev/test only)
 * @param adminTokenLifetime      the store's admin token lifetime
 * @param adminTokenRefreshMargin fetch a new admin token this long before the old one expires
 * @param adminLoginCooldown      no login attempt for this long after a refused one
 * @param bulkPollInitialDelay    first wait between two polls of a bulk's status
 * @param bulkPollMaxDelay        longest wait between two polls
 */
public record CommerceClientOptions(URI baseUrl, String defaultStoreCode, CommerceCredentials credentials,
        Duration requestTimeout, RetryOptions retry, Optional<SSLContext> sslContext, Duration adminTokenLifetime,
        Duration adminTokenRefreshMargin, Duration adminLoginCooldown, Duration bulkPollInitialDelay,
        Duration bulkPollMaxDelay) {

    public CommerceClientOptions {
        Objects.requireNonNull(baseUrl, "bridge.commerce.base-url");
        Objects.requireNonNull(credentials, "Commerce credentials (bridge.commerce.auth-mode and its secrets)");
        Objects.requireNonNull(requestTimeout, "bridge.commerce.request-timeout");
        Objects.requireNonNull(retry, "retry options");
        Objects.requireNonNull(sslContext, "sslContext");
        String base = baseUrl.toString();
        baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        if (defaultStoreCode == null || !defaultStoreCode.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("bridge.commerce.default-store-code is not a store code: " + defaultStoreCode);
        }
        if (adminTokenRefreshMargin.isNegative() || adminTokenRefreshMargin.compareTo(adminTokenLifetime) >= 0) {
            throw new IllegalArgumentException("bridge.commerce.admin-token-refresh-margin must be shorter than"
                    + " bridge.commerce.admin-token-lifetime");
        }
        if (adminLoginCooldown.isNegative()) {
            throw new IllegalArgumentException("bridge.commerce.admin-login-cooldown must not be negative");
        }
        if (bulkPollInitialDelay.toMillis() < 1 || bulkPollInitialDelay.compareTo(bulkPollMaxDelay) > 0) {
            throw new IllegalArgumentException("bridge.commerce.bulk-poll-initial-delay must be positive and not"
                    + " exceed bridge.commerce.bulk-poll-max-delay");
        }
    }

    public AuthMode authMode() {
        return credentials.authMode();
    }

    /** Defaults as in {@code CommerceConfig}; override what the case needs. */
    public static Builder builder(URI baseUrl, CommerceCredentials credentials) {
        return new Builder(baseUrl, credentials);
    }

    /** Collects options; {@link #build()} validates them all. */
    public static final class Builder {
        private final URI baseUrl;
        private final CommerceCredentials credentials;
        private String defaultStoreCode = "default";
        private Duration requestTimeout = Duration.ofSeconds(100);
        private RetryOptions retry = new RetryOptions(4, Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofSeconds(10));
        private Optional<SSLContext> sslContext = Optional.empty();
        private Duration adminTokenLifetime = Duration.ofHours(4);
        private Duration adminTokenRefreshMargin = Duration.ofMinutes(5);
        private Duration adminLoginCooldown = Duration.ofMinutes(30);
        private Duration bulkPollInitialDelay = Duration.ofSeconds(2);
        private Duration bulkPollMaxDelay = Duration.ofSeconds(30);

        private Builder(URI baseUrl, CommerceCredentials credentials) {
            this.baseUrl = baseUrl;
            this.credentials = credentials;
        }

        public Builder defaultStoreCode(String value) {
            this.defaultStoreCode = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        public Builder retry(RetryOptions value) {
            this.retry = value;
            return this;
        }

        public Builder sslContext(Optional<SSLContext> value) {
            this.sslContext = value;
            return this;
        }

        public Builder adminToken(Duration lifetime, Duration refreshMargin, Duration loginCooldown) {
            this.adminTokenLifetime = lifetime;
            this.adminTokenRefreshMargin = refreshMargin;
            this.adminLoginCooldown = loginCooldown;
            return this;
        }

        public Builder bulkPoll(Duration initialDelay, Duration maxDelay) {
            this.bulkPollInitialDelay = initialDelay;
            this.bulkPollMaxDelay = maxDelay;
            return this;
        }

        public CommerceClientOptions build() {
            return new CommerceClientOptions(baseUrl, defaultStoreCode, credentials, requestTimeout, retry, sslContext,
                    adminTokenLifetime, adminTokenRefreshMargin, adminLoginCooldown, bulkPollInitialDelay,
                    bulkPollMaxDelay);
        }
    }
}
