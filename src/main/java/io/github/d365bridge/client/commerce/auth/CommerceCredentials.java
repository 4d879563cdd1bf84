package io.github.d365bridge.client.commerce.auth;

import java.util.Objects;

import io.github.d365bridge.config.CommerceConfig.AuthMode;

/**
 * How the bridge proves itself to Commerce: one of the three modes of the API notes. Each variant masks
 * its secrets in {@code toString()} so options that end up in a log line leak nothing.
 */
public sealed interface CommerceCredentials {

    AuthMode authMode();

    /** Integration, every request signed with OAuth 1.0a (the default and recommended mode). */
    record OAuth1(OAuthCredentials integration) implements CommerceCredentials {
        public OAuth1 {
            Objects.requireNonNull(integration, "integration credentials");
        }

        @Override
        public AuthMode authMode() {
            return AuthMode.OAUTH1;
        }
    }

    /** Integration access token sent as a bearer token (needs enable_integration_as_bearer on the store). */
    record Bearer(String accessToken) implements CommerceCredentials {
        public Bearer {
            if (accessToken == null || accessToken.isBlank()) {
                throw new IllegalArgumentException("bridge.commerce.access-token is required for BEARER");
            }
        }

        @Override
        public AuthMode authMode() {
            return AuthMode.BEARER;
        }

        @Override
        public String toString() {
            return "Bearer[***]";
        }
    }

    /** Admin user exchanging username and password for a short-lived admin token. */
    record AdminUser(String username, String password) implements CommerceCredentials {
        public AdminUser {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("bridge.commerce.admin-username is required for ADMIN_TOKEN");
            }
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("bridge.commerce.admin-password is required for ADMIN_TOKEN");
            }
        }

        @Override
        public AuthMode authMode() {
            return AuthMode.ADMIN_TOKEN;
        }

        @Override
        public String toString() {
            return "AdminUser[username=" + username + ", password=***]";
        }
    }
}
