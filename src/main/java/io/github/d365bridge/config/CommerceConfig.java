package io.github.d365bridge.config;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Adobe Commerce connection. Absent base URL means the Commerce side is not configured. */
@ConfigMapping(prefix = "bridge.commerce")
public interface CommerceConfig {

    /** Store base URL, e.g. {@code https://shop.example.com} (REST lives under {@code /rest/<store>/V1}). */
    Optional<URI> baseUrl();

    /** {@code OAUTH1} (integration, signed), {@code BEARER} (integration token) or {@code ADMIN_TOKEN}. */
    @WithDefault("OAUTH1")
    AuthMode authMode();

    /** Integration consumer key (OAUTH1). */
    Optional<String> consumerKey();

    /** Integration consumer secret (OAUTH1). Secret. */
    Optional<String> consumerSecret();

    /** Integration access token (OAUTH1, BEARER). Secret. */
    Optional<String> accessToken();

    /** Integration access token secret (OAUTH1). Secret. */
    Optional<String> accessTokenSecret();

    /** Admin user (ADMIN_TOKEN). */
    Optional<String> adminUsername();

    /** Admin password (ADMIN_TOKEN). Secret. */
    Optional<String> adminPassword();

    enum AuthMode {
        OAUTH1,
        BEARER,
        ADMIN_TOKEN
    }
}
