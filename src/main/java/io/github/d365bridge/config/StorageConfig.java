package io.github.d365bridge.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Azure Storage: where queues, claim-check blobs, locks and state tables live. */
@ConfigMapping(prefix = "bridge.storage")
public interface StorageConfig {

    /**
     * Connection string of the storage account (app setting {@code AzureWebJobsStorage} on Azure, the
     * same one the queue triggers use). When absent and {@link Azurite#embedded()} is on, the bridge
     * starts Azurite itself.
     */
    Optional<String> connectionString();

    /** The embedded Azurite used by the local run and the tests. */
    Azurite azurite();

    /** Retries of every queue client; the defaults are the Azure SDK's. */
    QueueRetry queueRetry();

    interface QueueRetry {
        /** Tries of one queue operation, the first included. */
        @WithDefault("4")
        int maxTries();

        /** Limit of one try (at least 1 s); absent: the SDK's, which in practice is none. */
        Optional<java.time.Duration> tryTimeout();
    }

    /** Container for payloads too large for a queue message. */
    @WithDefault("bridge-claim-check")
    String claimCheckContainer();

    /** Container holding one blob per lock name; locks are leases on those blobs. */
    @WithDefault("bridge-locks")
    String locksContainer();

    /** Table recording why a message or record ended in a failed/poison place. */
    @WithDefault("BridgeFailures")
    String failuresTable();

    /**
     * Table of the customer cross-reference (Commerce customer/company → D365 customer account per legal
     * entity). Shared state: the order flow reads it, operators, the customer sync and the order flow's
     * e-mail fallback write it.
     */
    @WithDefault("BridgeCustomerXref")
    String customerXrefTable();

    /**
     * Envelopes whose UTF-8 JSON is larger than this go through a claim-check blob. A queue message may
     * hold 64 KiB after base64, i.e. 48 KiB of raw text.
     */
    @WithDefault("49152")
    int claimCheckThresholdBytes();

    interface Azurite {
        /** Start Azurite when no connection string is configured (local run and tests). */
        @WithDefault("false")
        boolean embedded();

        /** The Azurite executable, installed by the build from the committed package.json. */
        @WithDefault("node_modules/.bin/azurite")
        String command();

        /** Where Azurite keeps its data between local runs (ignored by git). */
        @WithDefault(".azurite")
        String location();

        /** Keep data in memory only (tests). */
        @WithDefault("false")
        boolean inMemory();

        /** Blob port; 0 picks a free one. */
        @WithDefault("10000")
        int blobPort();

        /** Queue port; 0 picks a free one. */
        @WithDefault("10001")
        int queuePort();

        /** Table port; 0 picks a free one. */
        @WithDefault("10002")
        int tablePort();
    }
}
