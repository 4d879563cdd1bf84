package io.github.d365bridge.config;

import java.net.URI;
import java.time.Duration;
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

    /**
     * Store code used in {@code /rest/<store>/V1} when a call names none. Global catalog writes use
     * {@code all} whatever this says, so they never land as store-view values.
     */
    @WithDefault("default")
    String defaultStoreCode();

    /** Timeout of one HTTP call to Commerce (bulk source-item saves of a few hundred rows take tens of seconds). */
    @WithDefault("PT100S")
    Duration requestTimeout();

    /** Calls in total per operation (first included) before the failure goes to the queue's redelivery. */
    @WithDefault("4")
    int maxAttempts();

    /** Wait after a 429 that carries no Retry-After (Commerce does not promise to send one). */
    @WithDefault("PT10S")
    Duration throttleDefaultWait();

    /** Admin token lifetime set in the store (oauth/access_token_lifetime/admin, 4 hours by default). */
    @WithDefault("PT4H")
    Duration adminTokenLifetime();

    /** Fetch a new admin token this long before the current one expires, so no call races the expiry. */
    @WithDefault("PT5M")
    Duration adminTokenRefreshMargin();

    /**
     * After Commerce refuses an admin login, make no other login attempt for this long: six failed logins
     * lock the admin account for 30 minutes, and retrying bad credentials would do exactly that.
     */
    @WithDefault("PT30M")
    Duration adminLoginCooldown();

    /** First wait between two polls of an async bulk's status (doubles up to the maximum). */
    @WithDefault("PT2S")
    Duration bulkPollInitialDelay();

    /** Longest wait between two polls of an async bulk's status. */
    @WithDefault("PT30S")
    Duration bulkPollMaxDelay();

    /** PKCS#12 trust store for a sandbox's self-signed certificate; dev/test only. */
    Optional<String> trustStore();

    /** Password of the trust store. */
    Optional<String> trustStorePassword();

    enum AuthMode {
        OAUTH1,
        BEARER,
        ADMIN_TOKEN
    }

    /**
     * Store view codes by store id, e.g. {@code bridge.commerce.store-codes."1"=default}. Orders and events
     * carry the numeric {@code store_id}; REST paths and the order keys ({@code <store code>:<increment id>})
     * use the code.
     */
    java.util.Map<String, String> storeCodes();
}
