package io.github.d365bridge.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.github.d365bridge.config.OpsConfig;
import io.quarkus.runtime.Startup;

/**
 * The operator key: configured (app setting {@code BRIDGE_OPS_KEY}), or for the local run generated
 * once into a file only its owner can read. The key itself is never logged.
 */
@Startup // generate the local key at boot, so it is there before the first operator call
@ApplicationScoped
public class OpsKeyProvider {

    private static final Logger LOG = Logger.getLogger(OpsKeyProvider.class);

    private final Optional<byte[]> key;

    @Inject
    public OpsKeyProvider(OpsConfig config) {
        Optional<String> configured = config.key().filter(k -> !k.isBlank());
        if (configured.isPresent()) {
            key = configured.map(k -> k.getBytes(StandardCharsets.UTF_8));
        } else if (config.generatedKeyFile().isPresent()) {
            key = Optional.of(loadOrGenerate(Path.of(config.generatedKeyFile().get())).getBytes(StandardCharsets.UTF_8));
        } else {
            LOG.warn("No operator key configured (bridge.ops.key / BRIDGE_OPS_KEY): operator endpoints refuse every call");
            key = Optional.empty();
        }
    }

    /** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
    public boolean matches(String presented) {
        return presented != null && key.isPresent()
                && MessageDigest.isEqual(key.get(), presented.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isConfigured() {
        return key.isPresent();
    }

    private static String loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's ACL applies.
            }
            LOG.infof("Generated a local operator key in %s (send it as the X-Ops-Key header)", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the operator key file " + file, e);
        }
    }
}
