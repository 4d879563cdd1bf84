package io.github.d365bridge.client.commerce.auth;

import java.util.Objects;

/**
 * The four values a Commerce integration shows when it is activated. {@link #toString()} masks the
 * secrets so a credentials object that ends up in a log line or exception message leaks nothing.
 */
public record OAuthCredentials(String consumerKey, String consumerSecret, String token, String tokenSecret) {

    public OAuthCredentials {
        requireText(consumerKey, "consumerKey");
        requireText(consumerSecret, "consumerSecret");
        requireText(token, "token");
        requireText(tokenSecret, "tokenSecret");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name + " must be set");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "OAuthCredentials[consumerKey=" + consumerKey + ", consumerSecret=***, token=***, tokenSecret=***]";
    }
}
