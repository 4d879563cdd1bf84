package io.github.d365bridge.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Order intake: the Commerce webhook and Adobe I/O Events endpoints, and the polling safety net.
 * Nothing here is secret: the webhook key is the store's public key, the client id is public.
 */
@ConfigMapping(prefix = "bridge.intake")
public interface IntakeConfig {

    /** Largest accepted webhook / event body, in bytes; larger ones get 413 without being read. */
    @WithDefault("262144")
    int maxBodyBytes();

    /**
     * PEM public key of the store's webhook signing key (Commerce admin, Webhooks settings). Without it
     * the webhook endpoint refuses every call: an unverifiable call must never be enqueued.
     */
    Optional<String> webhookPublicKey();

    /** Adobe I/O Events. */
    IoEvents ioEvents();

    /** The polling safety net. */
    Poll poll();

    interface IoEvents {

        /** Our registration's client id; every event must name it as recipient. Without it events are refused. */
        Optional<String> clientId();

        /** Host the {@code x-adobe-public-keyN-path} paths are fetched from (tests: the sandbox's /_sandbox/keys). */
        @WithDefault("https://static.adobeioevents.com")
        URI keyBaseUrl();

        /** How long a fetched public key is trusted; Adobe asks for at most 24 h because keys rotate. */
        @WithDefault("PT24H")
        Duration keyCacheTtl();

        /** Timeout of one public key fetch; the whole answer must stay well within Adobe's 10 s. */
        @WithDefault("PT3S")
        Duration keyFetchTimeout();
    }

    interface Poll {

        /** Re-read this much before the watermark: an order saved late in a second is still found. */
        @WithDefault("PT10M")
        Duration overlap();

        /** The first run of a store (no watermark yet) looks back this far. */
        @WithDefault("P1D")
        Duration initialLookBack();

        /** Only orders in these statuses (empty: all statuses), e.g. {@code processing,pending}. */
        Optional<List<String>> statuses();

        /** searchCriteria pageSize of the poll (at most 300). */
        @WithDefault("100")
        int pageSize();

        /** Table holding the per-store watermark. */
        @WithDefault("BridgeCheckpoints")
        String checkpointTable();
    }
}
