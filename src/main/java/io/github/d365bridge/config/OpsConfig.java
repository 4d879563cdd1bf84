package io.github.d365bridge.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Operator endpoints (health, status, replay). */
@ConfigMapping(prefix = "bridge.ops")
public interface OpsConfig {

    /**
     * The key operators send in the {@code X-Ops-Key} header. Secret: set it as an app setting or Key
     * Vault reference, never in a file. Without a key every operator call is refused.
     */
    Optional<String> key();

    /**
     * For the local run only: when no key is configured, generate one and write it to this file
     * (readable by the owner only), so the key never appears in logs or config.
     */
    Optional<String> generatedKeyFile();

    /** Largest accepted request body on any HTTP endpoint, in bytes. */
    @WithDefault("1048576")
    long maxBodyBytes();
}
