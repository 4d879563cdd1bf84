package io.github.d365bridge.sandbox.commerce;

import java.net.URI;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.github.d365bridge.sandbox.commerce.api.AdminTokenApi;
import io.github.d365bridge.sandbox.commerce.api.AttributeApi;
import io.github.d365bridge.sandbox.commerce.api.BulkStatusApi;
import io.github.d365bridge.sandbox.commerce.api.CompanyApi;
import io.github.d365bridge.sandbox.commerce.api.CompanyCreditApi;
import io.github.d365bridge.sandbox.commerce.api.ConfigurableApi;
import io.github.d365bridge.sandbox.commerce.api.CustomerApi;
import io.github.d365bridge.sandbox.commerce.api.InventoryApi;
import io.github.d365bridge.sandbox.commerce.api.InvoiceApi;
import io.github.d365bridge.sandbox.commerce.api.OrderApi;
import io.github.d365bridge.sandbox.commerce.api.PriceApi;
import io.github.d365bridge.sandbox.commerce.api.ProductApi;
import io.github.d365bridge.sandbox.commerce.api.ProductLinkApi;
import io.github.d365bridge.sandbox.commerce.api.ShipmentApi;
import io.github.d365bridge.sandbox.commerce.auth.AdminTokenService;
import io.github.d365bridge.sandbox.commerce.auth.SandboxAuthenticator;
import io.github.d365bridge.sandbox.commerce.bulk.AsyncBulkApi;
import io.github.d365bridge.sandbox.commerce.bulk.BulkConsumer;
import io.github.d365bridge.sandbox.commerce.bulk.BulkStore;
import io.github.d365bridge.sandbox.commerce.control.ControlApi;
import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.faults.SandboxFaults;
import io.github.d365bridge.sandbox.commerce.http.CallStats;
import io.github.d365bridge.sandbox.commerce.http.LatencyModel;
import io.github.d365bridge.sandbox.commerce.http.RestDispatcher;
import io.github.d365bridge.sandbox.commerce.http.WorkerPool;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.sandbox.commerce.http.StoreScope;
import io.github.d365bridge.sandbox.commerce.orders.EventPublisher;
import io.github.d365bridge.sandbox.commerce.orders.EventSigner;
import io.github.d365bridge.sandbox.commerce.orders.OrderGenerator;
import io.github.d365bridge.sandbox.commerce.orders.SeedCatalog;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * An Adobe Commerce 2.4 emulator on a plain Vert.x server bound to 127.0.0.1, for tests, benchmarks
 * and the local run. Deliberately not a CDI bean or JAX-RS resource: nothing in the production
 * Functions app can discover and serve it. REST lives at {@code baseUrl()/rest/<store>/V1/…}.
 */
public final class CommerceSandbox implements AutoCloseable {

    private final io.github.d365bridge.sandbox.commerce.http.TrafficLog traffic =
            new io.github.d365bridge.sandbox.commerce.http.TrafficLog();
    private final io.github.d365bridge.sandbox.CallCounter calls = new io.github.d365bridge.sandbox.CallCounter();

    private final CommerceSandboxOptions options;
    private final Vertx vertx;
    private final HttpServer server;
    private final CommerceSandboxData data;
    private final SandboxFaults faults;
    private final BulkStore bulkStore;
    private final BulkConsumer consumer;
    private final OrderGenerator orders;
    private final EventPublisher publisher;
    private final SandboxAuthenticator auth;
    private final Map<String, String> publicKeys;
    private final CallStats stats = new CallStats();
    private final LatencyModel latency;
    private final WorkerPool workers;

    private CommerceSandbox(CommerceSandboxOptions options) {
        this.options = options;
        this.latency = new LatencyModel(options.latency(), options.routeLatencies());
        this.data = new CommerceSandboxData(options);
        this.faults = new SandboxFaults(options.seed());
        this.bulkStore = new BulkStore();
        AdminTokenService tokens = new AdminTokenService(options.adminUsers(), options.adminTokenLifetime(),
                options.twoFactorAuth(), options.clock());
        this.auth = new SandboxAuthenticator(options, tokens);
        RouteTable routes = new RouteTable();
        new AdminTokenApi(tokens).register(routes);
        new CustomerApi(data, options.inputLimits()).register(routes);
        new CompanyApi(data, options.inputLimits()).register(routes);
        new CompanyCreditApi(data, options.inputLimits()).register(routes);
        new io.github.d365bridge.sandbox.commerce.api.DirectoryApi().register(routes);
        ProductApi products = new ProductApi(data);
        products.register(routes);
        new ProductLinkApi(data).register(routes);
        new AttributeApi(data, options.legacyAttributeOptionIds()).register(routes);
        new ConfigurableApi(data, products).register(routes);
        new PriceApi(data, faults).register(routes);
        new InventoryApi(data).register(routes);
        new OrderApi(data, options.inputLimits()).register(routes);
        new InvoiceApi(data, options.inputLimits()).register(routes);
        new ShipmentApi(data).register(routes);
        new BulkStatusApi(bulkStore).register(routes);
        this.consumer = new BulkConsumer(bulkStore, data, options.bulkOperationPace(), options.bulkConsumerPaused(),
                options.bulkCostDoublingBatch());

        KeyPair webhookKeys = Optional.ofNullable(options.webhookKeyPair()).orElseGet(EventSigner::generate);
        KeyPair io1 = Optional.ofNullable(options.ioEventsKeyPair1()).orElseGet(EventSigner::generate);
        KeyPair io2 = Optional.ofNullable(options.ioEventsKeyPair2()).orElseGet(EventSigner::generate);
        Map<String, String> paths = Map.of("1", "/prod/keys/pub-key-sandbox-1.pem", "2", "/prod/keys/pub-key-sandbox-2.pem");
        this.publicKeys = new LinkedHashMap<>();
        publicKeys.put(paths.get("1"), EventSigner.pem(io1.getPublic()));
        publicKeys.put(paths.get("2"), EventSigner.pem(io2.getPublic()));
        publicKeys.put("/webhook/public-key.pem", EventSigner.pem(webhookKeys.getPublic()));
        this.publisher = new EventPublisher(options.webhookUrl(), options.webhookSignsBase64OfBody(), webhookKeys,
                options.ioEventsUrl(), io1, io2, options.ioEventsClientId(), paths);
        this.orders = new OrderGenerator(data, publisher, options.seed(), options.deliveryConcurrency());
        synchronized (data) {
            SeedCatalog.seed(data, options.seed(), options.seedProducts(), options.seedCustomers());
        }
        if (options.seedOrders() > 0) {
            orders.place(options.seedOrders(), io.github.d365bridge.sandbox.commerce.orders.OrderKind.MIXED, false,
                    new io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy(1, false, 100, false, false));
        }

        this.vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            if (faults.outage().refuse()) {
                ctx.request().connection().close(); // a request on a connection kept alive from before
            } else {
                ctx.next();
            }
        });
        router.route().handler(calls::count);
        router.route().handler(BodyHandler.create().setBodyLimit(64L * 1024 * 1024));
        router.route().handler(traffic::attach);
        this.workers = new WorkerPool(options.phpWorkers(), call -> vertx.runOnContext(v -> call.run()));
        ControlApi control = new ControlApi(options.controlKey(), faults, orders, consumer, publicKeys,
                new ControlApi.Serving(latency, workers, stats, bulkStore));
        RestDispatcher dispatcher = new RestDispatcher(routes, this::store, auth, faults,
                new AsyncBulkApi(bulkStore, faults, options.inputLimits(), data::now), data, vertx, latency, workers, stats);
        router.route("/_sandbox/*").handler(control::handle);
        router.route().handler(dispatcher::handle);
        try {
            // an outage drops connections as they come
            this.server = vertx.createHttpServer().requestHandler(router).connectionHandler(connection -> {
                if (faults.outage().refuse()) {
                    connection.close();
                }
            }).listen(options.port(), "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("Commerce sandbox could not listen on port " + options.port(), e);
        }
        orders.trickle(options.trickleOrdersPerMinute());
    }

    public static CommerceSandbox start(CommerceSandboxOptions options) {
        return new CommerceSandbox(options);
    }

    private Optional<StoreScope> store(String code) {
        if (StoreScope.ALL.equals(code)) {
            return Optional.of(StoreScope.all());
        }
        return options.storeViews().stream().filter(s -> s.code().equals(code)).findFirst()
                .map(s -> new StoreScope(s.code(), s.id(), s.websiteId()));
    }

    /**
     * Requests and answers of the REST API while recording is on ({@link TrafficLog#recording}); off by
     * default. The contract tests turn it on to check a client's traffic against the OpenAPI file.
     */
    public io.github.d365bridge.sandbox.commerce.http.TrafficLog traffic() {
        return traffic;
    }

    /**
     * REST calls by route key, reads told from writes, with the items their bodies carried; also at
     * {@code GET /_sandbox/stats}. Unlike {@link #calls()} keys are contract templates
     * ({@code PUT /V1/customers/{customerId}}) and the control routes are not counted.
     */
    public CallStats stats() {
        return stats;
    }

    /** The latency of each route, changeable while running (also {@code POST /_sandbox/latency}). */
    public LatencyModel latency() {
        return latency;
    }

    /** The PHP workers: their number can change while running; their usage tells how often calls queued. */
    public WorkerPool workers() {
        return workers;
    }

    /** Calls answered so far, by route (always on, unlike the traffic log). */
    public io.github.d365bridge.sandbox.CallCounter calls() {
        return calls;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    public CommerceSandboxOptions options() { return options; }
    public SandboxFaults faults() { return faults; }
    public CommerceSandboxData data() { return data; }
    public OrderGenerator orders() { return orders; }
    public BulkStore bulks() { return bulkStore; }
    public BulkConsumer bulkConsumer() { return consumer; }
    public SandboxAuthenticator authenticator() { return auth; }

    /** PEM public keys by path: the I/O Events keys and {@code /webhook/public-key.pem}. */
    public Map<String, String> publicKeys() {
        return Map.copyOf(publicKeys);
    }

    /**
     * Sends the signed webhooks of deliveries made from now on to {@code url} instead of
     * {@link CommerceSandboxOptions#webhookUrl()}: for a receiver whose port is known only after this
     * sandbox started, such as the local run's own HTTP server.
     */
    public void deliverWebhooksTo(URI url) {
        publisher.webhookUrl(url);
    }

    /** Where an {@code AdobeIoKeyFetcher} should point instead of Adobe's key host. */
    public URI ioEventsKeyBase() {
        return URI.create(baseUrl() + "/_sandbox/keys");
    }

    @Override
    public void close() {
        orders.close();
        consumer.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing is best effort: the port is released with the event loop threads either way.
        }
    }
}
