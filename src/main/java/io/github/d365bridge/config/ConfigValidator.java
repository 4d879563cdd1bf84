package io.github.d365bridge.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Cross-field checks that {@code @ConfigMapping} cannot express. Every problem names the property and
 * the app setting that carries it on Azure, so a failed start-up says exactly what to fix.
 */
public final class ConfigValidator {

    private ConfigValidator() {
    }

    /** The app setting (environment variable) that Quarkus maps onto a property. */
    public static String appSetting(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public static List<String> validate(StorageConfig storage, RuntimeConfig runtime, OpsConfig ops,
            D365Config d365, CommerceConfig commerce) {
        List<String> problems = new ArrayList<>();
        validateStorage(storage, problems);
        validateRuntime(runtime, problems);
        ops.key().filter(k -> k.length() < 16)
                .ifPresent(k -> problems.add(problem("bridge.ops.key", "must be at least 16 characters")));
        validateD365(d365, problems);
        validateCommerce(commerce, problems);
        rejectUnresolvedKeyVaultReferences(Map.of(
                "bridge.storage.connection-string", storage.connectionString(),
                "bridge.ops.key", ops.key(),
                "bridge.d365.client-secret", d365.clientSecret(),
                "bridge.d365.certificate-password", d365.certificatePassword(),
                "bridge.commerce.consumer-secret", commerce.consumerSecret(),
                "bridge.commerce.access-token", commerce.accessToken(),
                "bridge.commerce.access-token-secret", commerce.accessTokenSecret(),
                "bridge.commerce.admin-password", commerce.adminPassword()), problems);
        return problems;
    }

    /** Intake limits and the public inputs of signature checks, read now so a bad key fails the start. */
    public static List<String> validateIntake(IntakeConfig intake) {
        List<String> problems = new ArrayList<>();
        if (intake.maxBodyBytes() < 1024 || intake.maxBodyBytes() > 1_048_576) {
            problems.add(problem("bridge.intake.max-body-bytes", "must be between 1024 and 1048576"));
        }
        intake.webhookPublicKey().filter(pem -> !pem.isBlank()).ifPresent(pem -> {
            try {
                io.github.d365bridge.client.commerce.webhook.PemPublicKeys.parse(pem);
            } catch (IllegalArgumentException e) {
                problems.add(problem("bridge.intake.webhook-public-key", "is not usable: " + e.getMessage()));
            }
        });
        IntakeConfig.IoEvents io = intake.ioEvents();
        checkUrl("bridge.intake.io-events.key-base-url", io.keyBaseUrl(), problems);
        if (io.keyCacheTtl().isNegative() || io.keyCacheTtl().isZero()
                || io.keyCacheTtl().compareTo(java.time.Duration.ofHours(24)) > 0) {
            problems.add(problem("bridge.intake.io-events.key-cache-ttl", "must be above 0 and at most 24 h (PT24H)"));
        }
        if (io.keyFetchTimeout().toMillis() < 100 || io.keyFetchTimeout().toSeconds() > 5) {
            problems.add(problem("bridge.intake.io-events.key-fetch-timeout",
                    "must be between 0.1 and 5 seconds (Adobe expects an answer within 10 s)"));
        }
        IntakeConfig.Poll poll = intake.poll();
        if (poll.overlap().isNegative()) {
            problems.add(problem("bridge.intake.poll.overlap", "must not be negative"));
        }
        if (poll.initialLookBack().isNegative() || poll.initialLookBack().isZero()) {
            problems.add(problem("bridge.intake.poll.initial-look-back", "must be positive"));
        }
        if (poll.pageSize() < 1 || poll.pageSize() > 300) {
            problems.add(problem("bridge.intake.poll.page-size", "must be between 1 and 300"));
        }
        poll.statuses().ifPresent(list -> list.stream().filter(v -> v.isBlank() || v.contains(","))
                .findFirst().ifPresent(v -> problems.add(problem("bridge.intake.poll.statuses",
                        "must be a comma-separated list of status codes"))));
        tableName("bridge.intake.poll.checkpoint-table", poll.checkpointTable(), problems);
        return problems;
    }

    /**
     * When App Service cannot resolve a Key Vault reference it passes the reference text itself as the
     * value. Taken at face value that text would become, say, a guessable operator key.
     */
    private static void rejectUnresolvedKeyVaultReferences(Map<String, Optional<String>> secrets,
            List<String> problems) {
        secrets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> e.getValue().filter(v -> v.trim().startsWith("@Microsoft.KeyVault(")).isPresent())
                .forEach(e -> problems.add(problem(e.getKey(), "is an unresolved Key Vault reference: check the"
                        + " app's managed identity has 'Key Vault Secrets User' and the secret exists, then restart")));
    }

    private static void validateStorage(StorageConfig storage, List<String> problems) {
        Optional<String> connection = storage.connectionString().filter(s -> !s.isBlank());
        if (connection.isEmpty() && !storage.azurite().embedded()) {
            problems.add(problem("bridge.storage.connection-string",
                    "is required (or set AzureWebJobsStorage) unless bridge.storage.azurite.embedded=true"));
        }
        connection.filter(c -> !looksLikeConnectionString(c)).ifPresent(c -> problems.add(problem(
                "bridge.storage.connection-string",
                "is not a storage connection string (expected AccountName=… or UseDevelopmentStorage=true)")));
        if (storage.claimCheckThresholdBytes() < 1024 || storage.claimCheckThresholdBytes() > 49152) {
            problems.add(problem("bridge.storage.claim-check-threshold-bytes",
                    "must be between 1024 and 49152 (a queue message holds 48 KiB before base64)"));
        }
        if (storage.queueRetry().maxTries() < 1) {
            problems.add(problem("bridge.storage.queue-retry.max-tries", "must be at least 1"));
        }
        storage.queueRetry().tryTimeout().filter(t -> t.toMillis() < 1_000).ifPresent(t -> problems.add(problem(
                "bridge.storage.queue-retry.try-timeout", "must be at least PT1S (the Azure SDK counts whole seconds)")));
        tableName("bridge.storage.failures-table", storage.failuresTable(), problems);
        tableName("bridge.storage.customer-xref-table", storage.customerXrefTable(), problems);
    }

    private static void tableName(String property, String name, List<String> problems) {
        if (!name.matches("[A-Za-z][A-Za-z0-9]{2,62}")) {
            problems.add(problem(property, "must be 3-63 letters and digits, starting with a letter"));
        }
    }

    private static boolean looksLikeConnectionString(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.contains("usedevelopmentstorage=true") || lower.contains("accountname=")
                || lower.contains("blobendpoint=");
    }

    private static void validateRuntime(RuntimeConfig runtime, List<String> problems) {
        RuntimeConfig.Queues queues = runtime.queues();
        if (queues.batchSize() < 1 || queues.batchSize() > 32) {
            problems.add(problem("bridge.runtime.queues.batch-size", "must be between 1 and 32"));
        }
        if (queues.newBatchThreshold().orElse(0) < 0) {
            problems.add(problem("bridge.runtime.queues.new-batch-threshold", "must not be negative"));
        }
        if (queues.maxDequeueCount() < 1) {
            problems.add(problem("bridge.runtime.queues.max-dequeue-count", "must be at least 1"));
        }
        if (queues.visibilityTimeout().isNegative()) {
            problems.add(problem("bridge.runtime.queues.visibility-timeout", "must not be negative"));
        }
        if (queues.processingTimeout().toSeconds() < 1) {
            problems.add(problem("bridge.runtime.queues.processing-timeout", "must be at least 1 second"));
        }
        if (queues.minPollingInterval().compareTo(queues.maxPollingInterval()) > 0) {
            problems.add(problem("bridge.runtime.queues.min-polling-interval",
                    "must not exceed bridge.runtime.queues.max-polling-interval"));
        }
        long leaseSeconds = runtime.timers().leaseDuration().toSeconds();
        if (leaseSeconds < 15 || leaseSeconds > 60) {
            // the range blob leases allow
            problems.add(problem("bridge.runtime.timers.lease-duration", "must be between 15 and 60 seconds"));
        }
    }

    private static void validateD365(D365Config d365, List<String> problems) {
        if (d365.baseUrl().isEmpty()) {
            return;
        }
        checkUrl("bridge.d365.base-url", d365.baseUrl().get(), problems);
        if (d365.authMode() == D365Config.AuthMode.ADFS && !d365.baseUrl().get().getPath().contains("/namespaces/")) {
            problems.add(problem("bridge.d365.base-url", "must end with /namespaces/AXSF for AD FS (on-premises)"));
        }
        require("bridge.d365.authority", d365.authority(), problems);
        d365.authority().ifPresent(a -> checkUrl("bridge.d365.authority", a, problems));
        require("bridge.d365.client-id", d365.clientId(), problems);
        if (d365.clientSecret().isEmpty() == d365.certificatePath().isEmpty()) {
            problems.add(problem("bridge.d365.client-secret", "or bridge.d365.certificate-path is required (exactly one)"));
        }
    }

    private static void validateCommerce(CommerceConfig commerce, List<String> problems) {
        if (commerce.baseUrl().isEmpty()) {
            return;
        }
        checkUrl("bridge.commerce.base-url", commerce.baseUrl().get(), problems);
        if (!commerce.defaultStoreCode().matches("[a-z][a-z0-9_]*")) {
            problems.add(problem("bridge.commerce.default-store-code",
                    "must be a store code (lower-case letters, digits, underscore, starting with a letter)"));
        }
        if (commerce.maxAttempts() < 1) {
            problems.add(problem("bridge.commerce.max-attempts", "must be at least 1"));
        }
        if (commerce.requestTimeout().toSeconds() < 1) {
            problems.add(problem("bridge.commerce.request-timeout", "must be at least 1 second"));
        }
        if (commerce.adminTokenRefreshMargin().isNegative()
                || commerce.adminTokenRefreshMargin().compareTo(commerce.adminTokenLifetime()) >= 0) {
            problems.add(problem("bridge.commerce.admin-token-refresh-margin",
                    "must be zero or more and shorter than bridge.commerce.admin-token-lifetime"));
        }
        if (commerce.adminLoginCooldown().isNegative()) {
            problems.add(problem("bridge.commerce.admin-login-cooldown", "must not be negative"));
        }
        if (commerce.bulkPollInitialDelay().toMillis() < 1
                || commerce.bulkPollInitialDelay().compareTo(commerce.bulkPollMaxDelay()) > 0) {
            problems.add(problem("bridge.commerce.bulk-poll-initial-delay",
                    "must be positive and not exceed bridge.commerce.bulk-poll-max-delay"));
        }
        switch (commerce.authMode()) {
            case OAUTH1 -> {
                require("bridge.commerce.consumer-key", commerce.consumerKey(), problems);
                require("bridge.commerce.consumer-secret", commerce.consumerSecret(), problems);
                require("bridge.commerce.access-token", commerce.accessToken(), problems);
                require("bridge.commerce.access-token-secret", commerce.accessTokenSecret(), problems);
            }
            case BEARER -> require("bridge.commerce.access-token", commerce.accessToken(), problems);
            case ADMIN_TOKEN -> {
                require("bridge.commerce.admin-username", commerce.adminUsername(), problems);
                require("bridge.commerce.admin-password", commerce.adminPassword(), problems);
            }
        }
    }

    private static void checkUrl(String key, URI url, List<String> problems) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = "127.0.0.1".equals(url.getHost()) || "localhost".equals(url.getHost());
        if (!("https".equals(scheme) || ("http".equals(scheme) && loopback))) {
            problems.add(problem(key, "must be an https URL (plain http only for 127.0.0.1/localhost), got '"
                    + scheme + "://" + url.getHost() + "'"));
        }
    }

    private static void require(String key, Optional<?> value, List<String> problems) {
        if (value.isEmpty() || value.get().toString().isBlank()) {
            problems.add(problem(key, "is required"));
        }
    }

    private static String problem(String property, String what) {
        return property + " (app setting " + appSetting(property) + ") " + what;
    }
}
