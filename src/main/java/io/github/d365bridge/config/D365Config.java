package io.github.d365bridge.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Dynamics 365 Finance &amp; Operations connection. Absent base URL means the D365 side is not configured. */
@ConfigMapping(prefix = "bridge.d365")
public interface D365Config {

    /** {@code https://<env>.operations.dynamics.com}, or {@code https://<aos>/namespaces/AXSF} on-premises. */
    Optional<URI> baseUrl();

    /** {@code ENTRA} (cloud) or {@code ADFS} (on-premises). */
    @WithDefault("ENTRA")
    AuthMode authMode();

    /** Token authority: {@code https://login.microsoftonline.com/<tenant>} or {@code https://<adfs>/adfs}. */
    Optional<URI> authority();

    /** Application (client) id registered in Entra/AD FS and in F&amp;O's "Microsoft Entra applications". */
    Optional<String> clientId();

    /** Client secret. Secret: app setting or Key Vault reference only. */
    Optional<String> clientSecret();

    /** PKCS#12 client certificate, instead of a secret. */
    Optional<String> certificatePath();

    /** Password of the client certificate. Secret. */
    Optional<String> certificatePassword();

    /** On AD FS, get tokens with a plain form post ({@code resource} form) instead of msal4j. */
    @WithDefault("false")
    boolean adfsFormPost();

    /** Timeout of one HTTP call to D365. */
    @WithDefault("PT100S")
    Duration requestTimeout();

    /** Calls in total per operation before the failure goes to the queue's redelivery. */
    @WithDefault("4")
    int maxAttempts();

    /** Wait after a 429 that carries no Retry-After. */
    @WithDefault("PT10S")
    Duration throttleDefaultWait();

    /** Hosts (or host:port) besides *.blob.core.windows.net that DMF URLs may point to (your storage endpoints). */
    Optional<List<String>> allowedBlobHosts();

    /** Page with $top/$skip of this size where D365 sends no next link (off by default: D365 pages itself). */
    Optional<Integer> clientPageSize();

    /** PKCS#12 trust store for a sandbox's self-signed certificate; dev/test only. */
    Optional<String> trustStore();

    /** Password of the trust store. */
    Optional<String> trustStorePassword();

    enum AuthMode {
        ENTRA,
        ADFS
    }
}
