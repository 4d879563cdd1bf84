package io.github.d365bridge.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Where the mapping profile comes from. The built-in default profile (resource
 * {@code mapping/default-profile.yaml}) is always loaded; a file named here is merged over it, key by key.
 */
@ConfigMapping(prefix = "bridge.mapping")
public interface MappingConfig {

    /**
     * A YAML (or JSON) file overriding keys of the default mapping profile, e.g.
     * {@code /home/site/mapping/profile.yaml}. Unset: the default profile alone.
     */
    Optional<Path> profile();
}
