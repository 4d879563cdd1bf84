package io.github.d365bridge.client.commerce;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.github.d365bridge.client.commerce.auth.AdminTokenAuth;
import io.github.d365bridge.client.commerce.auth.CommerceAuth;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.commerce.auth.OAuth1Signer;
import io.github.d365bridge.client.commerce.bulk.BulkClient;
import io.github.d365bridge.client.commerce.catalog.ProductClient;
import io.github.d365bridge.client.commerce.company.CompanyClient;
import io.github.d365bridge.client.commerce.company.CompanyCreditClient;
import io.github.d365bridge.client.commerce.customer.CustomerClient;
import io.github.d365bridge.client.commerce.inventory.InventoryClient;
import io.github.d365bridge.client.commerce.price.PriceClient;
import io.github.d365bridge.client.commerce.sales.InvoiceClient;
import io.github.d365bridge.client.commerce.sales.OrderClient;
import io.github.d365bridge.client.commerce.sales.ShipmentClient;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.client.core.HttpTransport;
import io.github.d365bridge.client.core.RetryPolicy;
import io.github.d365bridge.client.core.ThrottleGate;

/**
 * The one way the bridge reaches Adobe Commerce: REST and async bulk over one authenticated, throttled
 * HTTP client. Build it once per store and share it: it is thread-safe, its admin token cache and login
 * cool-down only work if every caller goes through the same instance, and so does its throttle gate.
 * {@link #inStore(String)} gives a view on another store code that shares all of that.
 */
public final class CommerceClient {

    private final CommerceHttp http;
    private final String store;
    private final ThrottleGate throttle;
    private final Clock clock;
    private final CommerceClientOptions options;

    private CommerceClient(CommerceHttp http, String store, ThrottleGate throttle, Clock clock,
            CommerceClientOptions options) {
        this.http = http;
        this.store = store;
        this.throttle = throttle;
        this.clock = clock;
        this.options = options;
    }

    public static CommerceClient create(CommerceClientOptions options) {
        return create(options, Clock.systemUTC());
    }

    public static CommerceClient create(CommerceClientOptions options, Clock clock) {
        HttpTransport transport = new HttpTransport(ExternalSystem.COMMERCE, Duration.ofSeconds(10),
                options.requestTimeout(), options.sslContext());
        CommerceErrorParser errors = new CommerceErrorParser(clock);
        ThrottleGate throttle = new ThrottleGate(clock);
        CommerceHttp http = new CommerceHttp(transport, options.baseUrl(), auth(options, transport, errors, clock),
                new RetryPolicy(options.retry(), throttle, clock), errors);
        return new CommerceClient(http, options.defaultStoreCode(), throttle, clock, options);
    }

    private static CommerceAuth auth(CommerceClientOptions options, HttpTransport transport,
            CommerceErrorParser errors, Clock clock) {
        CommerceCredentials credentials = options.credentials();
        if (credentials instanceof CommerceCredentials.OAuth1 oauth) {
            return CommerceAuth.oauth1(OAuth1Signer.create(oauth.integration()));
        }
        if (credentials instanceof CommerceCredentials.Bearer bearer) {
            return CommerceAuth.bearer(bearer.accessToken());
        }
        return new AdminTokenAuth(transport, options.baseUrl(), (CommerceCredentials.AdminUser) credentials, errors,
                clock, options.adminTokenLifetime(), options.adminTokenRefreshMargin(), options.adminLoginCooldown());
    }

    /** The same client addressing {@code /rest/<storeCode>/V1} (auth, throttling and token cache shared). */
    public CommerceClient inStore(String storeCode) {
        Objects.requireNonNull(storeCode, "storeCode");
        if (!storeCode.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a Commerce store code: " + storeCode);
        }
        return new CommerceClient(http, storeCode, throttle, clock, options);
    }

    public String storeCode() {
        return store;
    }

    public CustomerClient customers() {
        return new CustomerClient(http, store);
    }

    public CompanyClient companies() {
        return new CompanyClient(http, store);
    }

    private volatile io.github.d365bridge.client.commerce.directory.DirectoryClient directory;

    /** Countries and their regions, kept per country once read. */
    public io.github.d365bridge.client.commerce.directory.DirectoryClient directory() {
        if (directory == null) {
            directory = new io.github.d365bridge.client.commerce.directory.DirectoryClient(http, store);
        }
        return directory;
    }

    /** B2B company credit: limits, currency, exceeding the limit. */
    public CompanyCreditClient companyCredits() {
        return new CompanyCreditClient(http, store);
    }

    /** Product writes always go to the global scope ({@code all}); reads use this store. */
    public ProductClient products() {
        return new ProductClient(http, store);
    }

    /** Product attributes and their options (global scope). */
    public io.github.d365bridge.client.commerce.catalog.AttributeClient attributes() {
        return new io.github.d365bridge.client.commerce.catalog.AttributeClient(http);
    }

    public PriceClient prices() {
        return new PriceClient(http);
    }

    public InventoryClient inventory() {
        return new InventoryClient(http, store);
    }

    public OrderClient orders() {
        return new OrderClient(http, store);
    }

    public InvoiceClient invoices() {
        return new InvoiceClient(http, store);
    }

    public ShipmentClient shipments() {
        return new ShipmentClient(http, store);
    }

    /** Async bulk in this store; for global catalog bulks use {@code inStore("all").bulk()}. */
    public BulkClient bulk() {
        return new BulkClient(http, store, clock, options.bulkPollInitialDelay(), options.bulkPollMaxDelay());
    }

    /** How long every call of this client still waits out throttling (zero when none). */
    public Duration throttledFor() {
        return throttle.remaining();
    }
}
