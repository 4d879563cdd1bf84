package io.github.d365bridge.sandbox.commerce;

import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.d365bridge.client.commerce.auth.OAuthCredentials;
import io.github.d365bridge.sandbox.commerce.http.Latency;

/**
 * Everything a sandbox run can vary. Defaults mirror a stock 2.4.8 store where that is usable
 * (bearer integration tokens off, input limits off, 4 h admin tokens); two-factor auth is off by
 * default so the admin-token mode can be exercised, and on with {@link Builder#twoFactorAuth}.
 * Key pairs left unset are generated at start.
 */
public record CommerceSandboxOptions(
        int port,
        List<Website> websites,
        List<StoreView> storeViews,
        OAuthCredentials integration,
        boolean integrationBearerEnabled,
        Map<String, String> adminUsers,
        Duration adminTokenLifetime,
        boolean twoFactorAuth,
        boolean inputLimits,
        Duration bulkOperationPace,
        boolean bulkConsumerPaused,
        int bulkCostDoublingBatch,
        URI webhookUrl,
        boolean webhookSignsBase64OfBody,
        KeyPair webhookKeyPair,
        URI ioEventsUrl,
        KeyPair ioEventsKeyPair1,
        KeyPair ioEventsKeyPair2,
        String ioEventsClientId,
        int deliveryConcurrency,
        long seed,
        int seedCustomers,
        int seedProducts,
        int seedOrders,
        int trickleOrdersPerMinute,
        String controlKey,
        Clock clock,
        Latency latency,
        Map<String, Latency> routeLatencies,
        int phpWorkers,
        boolean priceScopeWebsite,
        boolean legacyAttributeOptionIds) {

    /** More delivery threads than this would measure the sandbox's scheduler, not a store. */
    public static final int MAX_DELIVERY_CONCURRENCY = 64;

    public record Website(int id, String code, String name) {
    }

    public record StoreView(int id, String code, int websiteId, String name, String currency) {
    }

    public CommerceSandboxOptions {
        websites = List.copyOf(websites);
        storeViews = List.copyOf(storeViews);
        adminUsers = Map.copyOf(adminUsers);
        routeLatencies = Map.copyOf(routeLatencies);
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(clock, "clock");
        if (storeViews.stream().noneMatch(s -> s.code().equals("default"))) {
            throw new IllegalArgumentException("storeViews must contain the 'default' store view");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static CommerceSandboxOptions defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.websites = websites;
        b.storeViews = storeViews;
        b.integration = integration;
        b.integrationBearerEnabled = integrationBearerEnabled;
        b.adminUsers = new LinkedHashMap<>(adminUsers);
        b.adminTokenLifetime = adminTokenLifetime;
        b.twoFactorAuth = twoFactorAuth;
        b.inputLimits = inputLimits;
        b.bulkOperationPace = bulkOperationPace;
        b.bulkConsumerPaused = bulkConsumerPaused;
        b.bulkCostDoublingBatch = bulkCostDoublingBatch;
        b.webhookUrl = webhookUrl;
        b.webhookSignsBase64OfBody = webhookSignsBase64OfBody;
        b.webhookKeyPair = webhookKeyPair;
        b.ioEventsUrl = ioEventsUrl;
        b.ioEventsKeyPair1 = ioEventsKeyPair1;
        b.ioEventsKeyPair2 = ioEventsKeyPair2;
        b.ioEventsClientId = ioEventsClientId;
        b.deliveryConcurrency = deliveryConcurrency;
        b.seed = seed;
        b.seedCustomers = seedCustomers;
        b.seedProducts = seedProducts;
        b.seedOrders = seedOrders;
        b.trickleOrdersPerMinute = trickleOrdersPerMinute;
        b.controlKey = controlKey;
        b.clock = clock;
        b.latency = latency;
        b.routeLatencies = new LinkedHashMap<>(routeLatencies);
        b.phpWorkers = phpWorkers;
        b.priceScopeWebsite = priceScopeWebsite;
        b.legacyAttributeOptionIds = legacyAttributeOptionIds;
        return b;
    }

    /** Mutable collector; {@link #build()} validates. */
    public static final class Builder {
        private int port;
        private List<Website> websites = List.of(new Website(1, "base", "Main Website"), new Website(2, "eu", "EU Website"));
        private List<StoreView> storeViews = List.of(
                new StoreView(1, "default", 1, "Default Store View", "USD"),
                new StoreView(2, "eu_en", 2, "EU English", "EUR"));
        private OAuthCredentials integration = new OAuthCredentials(
                "sandbox-consumer-key", "sandbox-consumer-secret", "sandbox-access-token", "sandbox-token-secret");
        private boolean integrationBearerEnabled;
        private Map<String, String> adminUsers = new LinkedHashMap<>(Map.of("admin", "admin-password-1"));
        private Duration adminTokenLifetime = Duration.ofHours(4);
        private boolean twoFactorAuth;
        private boolean inputLimits;
        private Duration bulkOperationPace = Duration.ofMillis(1);
        private boolean bulkConsumerPaused;
        private int bulkCostDoublingBatch;
        private URI webhookUrl;
        private boolean webhookSignsBase64OfBody;
        private KeyPair webhookKeyPair;
        private URI ioEventsUrl;
        private KeyPair ioEventsKeyPair1;
        private KeyPair ioEventsKeyPair2;
        private String ioEventsClientId = "sandbox-io-client";
        private int deliveryConcurrency = 1;
        private long seed = 42;
        private int seedCustomers = 10;
        private int seedProducts = 12;
        private int seedOrders;
        private int trickleOrdersPerMinute;
        private String controlKey = "sandbox-control-key";
        private Clock clock = Clock.systemUTC();
        private Latency latency = Latency.NONE;
        private Map<String, Latency> routeLatencies = new LinkedHashMap<>();
        private int phpWorkers;
        private boolean priceScopeWebsite = true;
        private boolean legacyAttributeOptionIds;

        private Builder() {
        }

        public Builder port(int value) { port = value; return this; }
        public Builder websites(List<Website> value) { websites = value; return this; }
        public Builder storeViews(List<StoreView> value) { storeViews = value; return this; }
        public Builder integration(OAuthCredentials value) { integration = value; return this; }
        public Builder integrationBearerEnabled(boolean value) { integrationBearerEnabled = value; return this; }
        public Builder adminUser(String username, String password) { adminUsers.put(username, password); return this; }
        public Builder adminTokenLifetime(Duration value) { adminTokenLifetime = value; return this; }
        public Builder twoFactorAuth(boolean value) { twoFactorAuth = value; return this; }
        public Builder inputLimits(boolean value) { inputLimits = value; return this; }
        public Builder bulkOperationPace(Duration value) { bulkOperationPace = value; return this; }
        public Builder bulkConsumerPaused(boolean value) { bulkConsumerPaused = value; return this; }
        /**
         * The consumer's cost per operation grows with its bulk, as saving products or source items does in the
         * field: {@code pace × (1 + bulk size / value)}, so a bulk of {@code value} operations costs twice the pace
         * per item. 0 (default): the pace alone.
         */
        public Builder bulkCostDoublingBatch(int value) { bulkCostDoublingBatch = value; return this; }
        public Builder webhookUrl(URI value) { webhookUrl = value; return this; }
        public Builder webhookSignsBase64OfBody(boolean value) { webhookSignsBase64OfBody = value; return this; }
        public Builder webhookKeyPair(KeyPair value) { webhookKeyPair = value; return this; }
        public Builder ioEventsUrl(URI value) { ioEventsUrl = value; return this; }
        public Builder ioEventsKeyPairs(KeyPair first, KeyPair second) { ioEventsKeyPair1 = first; ioEventsKeyPair2 = second; return this; }
        public Builder ioEventsClientId(String value) { ioEventsClientId = value; return this; }
        /**
         * Deliveries in flight at once. 1 (the default) sends them one after another in the planned order,
         * so "out of order" and "duplicate" are exact. More models a store whose checkouts run on several
         * PHP workers, each sending the webhook of the order it just saved: deliveries start in the planned
         * order but may arrive in any, and one slow answer no longer holds up the others.
         */
        public Builder deliveryConcurrency(int value) { deliveryConcurrency = value; return this; }
        public Builder seed(long value) { seed = value; return this; }
        public Builder seedCustomers(int value) { seedCustomers = value; return this; }
        public Builder seedProducts(int value) { seedProducts = value; return this; }
        public Builder seedOrders(int value) { seedOrders = value; return this; }
        public Builder trickleOrdersPerMinute(int value) { trickleOrdersPerMinute = value; return this; }
        public Builder controlKey(String value) { controlKey = value; return this; }
        public Builder clock(Clock value) { clock = value; return this; }
        /**
         * Time every REST call takes: {@code fixed} plus {@code perItem} for each element of a bulk or
         * array body (see {@link Latency#items}). None by default.
         */
        public Builder latency(Duration fixed, Duration perItem) { latency = new Latency(fixed, perItem); return this; }
        /** Latency of one route instead of the default: a key {@code POST /V1/customers} or a template. */
        public Builder routeLatency(String route, Duration fixed, Duration perItem) {
            return routeLatency(route, new Latency(fixed, perItem));
        }

        /** Latency of one route whose cost per item grows with the call's size (see {@link Latency}). */
        public Builder routeLatency(String route, Latency latency) {
            routeLatencies.put(route, latency);
            return this;
        }
        /**
         * PHP-FPM workers ({@code pm.max_children}): calls served at once; a call beyond waits for one to
         * finish. 0, the default, is no limit.
         */
        public Builder phpWorkers(int value) { phpWorkers = value; return this; }
        /**
         * Catalog price scope ({@code catalog/price/scope}): website (the default here, as stores selling in
         * several currencies set it), where a base price sent for a store view becomes the price of every store
         * view of its website; or global (false, Commerce's own default), where every base price lands in store 0.
         */
        public Builder priceScopeWebsite(boolean value) { priceScopeWebsite = value; return this; }
        /**
         * {@code POST /V1/products/attributes/{code}/options} answers {@code "id_<n>"} as stores before 2.4.3 did,
         * instead of 2.4.3+'s {@code "<n>"}: for clients that must read both.
         */
        public Builder legacyAttributeOptionIds(boolean value) { legacyAttributeOptionIds = value; return this; }

        public CommerceSandboxOptions build() {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535");
            }
            if (adminTokenLifetime == null || adminTokenLifetime.isNegative() || adminTokenLifetime.isZero()) {
                throw new IllegalArgumentException("adminTokenLifetime must be positive");
            }
            if (bulkOperationPace == null || bulkOperationPace.isNegative()) {
                throw new IllegalArgumentException("bulkOperationPace must be zero or positive");
            }
            if (seedProducts < 4 || seedCustomers < 1 || seedOrders < 0 || trickleOrdersPerMinute < 0) {
                throw new IllegalArgumentException("seed sizes: products >= 4, customers >= 1, orders and trickle >= 0");
            }
            if (deliveryConcurrency < 1 || deliveryConcurrency > MAX_DELIVERY_CONCURRENCY) {
                throw new IllegalArgumentException("deliveryConcurrency must be 1-" + MAX_DELIVERY_CONCURRENCY);
            }
            if (controlKey == null || controlKey.isBlank()) {
                throw new IllegalArgumentException("controlKey must be set");
            }
            if (phpWorkers < 0) {
                throw new IllegalArgumentException("phpWorkers must be 0 (no limit) or positive");
            }
            return new CommerceSandboxOptions(port, websites, storeViews, integration, integrationBearerEnabled,
                    adminUsers, adminTokenLifetime, twoFactorAuth, inputLimits, bulkOperationPace, bulkConsumerPaused, bulkCostDoublingBatch,
                    webhookUrl, webhookSignsBase64OfBody, webhookKeyPair, ioEventsUrl, ioEventsKeyPair1, ioEventsKeyPair2,
                    ioEventsClientId, deliveryConcurrency, seed, seedCustomers, seedProducts, seedOrders, trickleOrdersPerMinute, controlKey, clock,
                    latency, routeLatencies, phpWorkers, priceScopeWebsite, legacyAttributeOptionIds);
        }
    }
}
