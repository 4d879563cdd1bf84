package io.github.d365bridge.config;

import java.net.URI;
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

    enum AuthMode {
        ENTRA,
        ADFS
    }
}
