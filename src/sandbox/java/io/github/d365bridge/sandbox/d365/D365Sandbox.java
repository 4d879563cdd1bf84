package io.github.d365bridge.sandbox.d365;

import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.d365bridge.sandbox.d365.auth.BearerCheck;
import io.github.d365bridge.sandbox.d365.auth.TokenEndpoints;
import io.github.d365bridge.sandbox.d365.auth.TokenEndpoints.Flavour;
import io.github.d365bridge.sandbox.d365.auth.TokenStore;
import io.github.d365bridge.sandbox.d365.control.ControlEndpoints;
import io.github.d365bridge.sandbox.d365.dmf.DmfBlobs;
import io.github.d365bridge.sandbox.d365.dmf.DmfJobs;
import io.github.d365bridge.sandbox.d365.dmf.DmfService;
import io.github.d365bridge.sandbox.d365.events.BusinessEventPublisher;
import io.github.d365bridge.sandbox.d365.events.InvoicePosting;
import io.github.d365bridge.sandbox.d365.odata.ODataService;
import io.github.d365bridge.sandbox.d365.rules.WriteRules;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * An emulator of D365 F&O for tests, benchmarks and the local run: Entra ID / AD FS token endpoints,
 * OData under {@code /data/} (and {@code /namespaces/AXSF/data/} for AD FS), the DMF package API on
 * Azurite, business events, fault injection and control endpoints under {@code /_sandbox/}. A plain
 * Vert.x server on 127.0.0.1, deliberately not a CDI bean or JAX-RS resource, so the production
 * Functions app can never serve it.
 */
public final class D365Sandbox implements AutoCloseable {

    private static final String ADFS_PATH = "/namespaces/AXSF";

    private final Vertx vertx;
    private final io.github.d365bridge.sandbox.CallCounter calls = new io.github.d365bridge.sandbox.CallCounter();
    private final HttpServer server;
    private final URI baseUrl;
    private final D365SandboxOptions options;
    private final SandboxFaults faults;
    private final D365SandboxData data;
    private final DmfJobs jobs;
    private final InvoicePosting invoicing;
    private final BusinessEventPublisher publisher;
    private final TokenStore tokens = new TokenStore(Clock.systemUTC());

    private D365Sandbox(D365SandboxOptions options) {
        this.options = options;
        this.vertx = Vertx.vertx();
        this.faults = new SandboxFaults(options.seed());
        this.data = new D365SandboxData(options);
        this.publisher = new BusinessEventPublisher(options.businessEventUrl(), options.eventRetries(),
                options.eventRetryDelay());
        this.invoicing = new InvoicePosting(data, publisher, Clock.systemUTC());
        WriteRules rules = new WriteRules(data, order -> {
            if (options.autoInvoiceDelay() != null) {
                invoicing.invoiceLater((String) order.get("dataAreaId"), (String) order.get("SalesOrderNumber"),
                        options.autoInvoiceDelay().toMillis());
            }
        });
        DmfBlobs blobs = options.storageConnectionString() == null ? null
                : new DmfBlobs(options.storageConnectionString(), options.dmfContainer(), options.sasLifetime(),
                        faults::takeExpiredWriteUrl);
        this.jobs = blobs == null ? null : new DmfJobs(options, blobs, data, rules, faults);
        Router router = Router.router(vertx);
        HttpServerOptions serverOptions = new HttpServerOptions().setHost("127.0.0.1").setPort(options.port());
        if (options.tls() != null) {
            serverOptions.setSsl(true).setKeyCertOptions(new PfxOptions().setPath(options.tls().keyStore().toString())
                    .setPassword(options.tls().password()));
        }
        // an outage drops connections as they come (and requests on connections kept alive from before)
        this.server = vertx.createHttpServer(serverOptions).requestHandler(router).connectionHandler(connection -> {
            if (faults.outage().refuse()) {
                connection.close();
            }
        });
        await(server.listen().toCompletionStage().toCompletableFuture());
        this.baseUrl = URI.create((options.tls() == null ? "http" : "https") + "://127.0.0.1:" + server.actualPort());
        mount(router, rules, blobs);
    }

    /** Starts a sandbox on 127.0.0.1 (port 0 picks a free port). */
    public static D365Sandbox start(D365SandboxOptions options) {
        return new D365Sandbox(options);
    }

    private void mount(Router router, WriteRules rules, DmfBlobs blobs) {
        String cloud = baseUrl.toString();
        String adfs = adfsBaseUrl().toString();
        TokenEndpoints tokenEndpoints = new TokenEndpoints(options, tokens, cloud, adfs, Set.of(
                entraAuthority() + "/oauth2/v2.0/token", entraAuthority() + "/oauth2/token",
                adfsAuthority() + "/oauth2/token"));
        DataEndpoint dataEndpoint = new DataEndpoint(faults, new BearerCheck(tokens, options),
                new ODataService(data, rules, options.pageSize()), new DmfService(options, blobs, jobs, faults));
        router.route().handler(ctx -> {
            if (faults.outage().refuse()) {
                ctx.request().connection().close();
            } else {
                ctx.next();
            }
        });
        router.route().handler(calls::count);
        router.route().handler(BodyHandler.create(false).setBodyLimit(64L * 1024 * 1024));
        new ControlEndpoints(options.controlKey(), faults, invoicing, publisher, this::reset, cloud,
                data.customerChanges(), data.productChanges(), data.variantChanges(), data.relationChanges(),
                data.onHandChanges())
                .mount(router);
        router.post("/adfs/oauth2/token").handler(ctx -> tokenEndpoints.handle(ctx, Flavour.ADFS));
        router.post("/:tenant/oauth2/v2.0/token").handler(ctx -> tokenEndpoints.handle(ctx, Flavour.ENTRA_V2));
        router.post("/:tenant/oauth2/token").handler(ctx -> tokenEndpoints.handle(ctx, Flavour.ENTRA_V1));
        router.route("/data/*").blockingHandler(ctx -> dataEndpoint.handle(ctx, cloud, "/data/"), false);
        router.route(ADFS_PATH + "/data/*").blockingHandler(
                ctx -> dataEndpoint.handle(ctx, adfs, ADFS_PATH + "/data/"), false);
    }

    /** {@code http(s)://127.0.0.1:PORT}: the cloud environment URL; OData at {@code baseUrl + "/data/"}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** {@code http://127.0.0.1:PORT/namespaces/AXSF}: the same data for AD FS (on-premises) clients. */
    public URI adfsBaseUrl() {
        return URI.create(baseUrl + ADFS_PATH);
    }

    /** {@code http://127.0.0.1:PORT/<tenantId>}; tokens at {@code /oauth2/v2.0/token} and {@code /oauth2/token}. */
    public URI entraAuthority() {
        return URI.create(baseUrl + "/" + options.tenantId());
    }

    /** {@code http://127.0.0.1:PORT/adfs}; tokens at {@code /adfs/oauth2/token}. */
    public URI adfsAuthority() {
        return URI.create(baseUrl + "/adfs");
    }

    /** Calls answered so far (tokens, OData, DMF actions; the DMF blobs live in Azure Storage, not here). */
    public io.github.d365bridge.sandbox.CallCounter calls() {
        return calls;
    }

    public SandboxFaults faults() {
        return faults;
    }

    public D365SandboxData data() {
        return data;
    }

    public D365SandboxOptions options() {
        return options;
    }

    /**
     * Forgets every issued token, as if they had been revoked: the next call with a cached token gets
     * 401, which is how a test sees a client re-authenticate.
     */
    public void revokeTokens() {
        tokens.clear();
    }

    /** Tokens issued so far by all token endpoints. */
    public long tokensIssued() {
        return tokens.issuedCount();
    }

    /**
     * The DMF executions with their latency model, as D365's job history would show them; empty when the
     * sandbox has no storage (its DMF actions answer 500 then).
     */
    public java.util.Optional<DmfJobs> dmfJobs() {
        return java.util.Optional.ofNullable(jobs);
    }

    /** Delivery attempts of business events so far. */
    public java.util.List<BusinessEventPublisher.Attempt> eventDeliveries() {
        return publisher.attempts();
    }

    /** Posts the invoice of an order now (same as {@code POST /_sandbox/invoice}); answers the invoice row. */
    public java.util.Map<String, Object> invoice(String company, String salesOrderNumber) {
        return invoicing.invoice(company, salesOrderNumber);
    }

    /** Seed data only, no jobs, no faults, counters at zero; issued tokens stay valid. */
    public void reset() {
        data.reset();
        if (jobs != null) {
            jobs.reset();
        }
        faults.clear();
        faults.resetCounters();
    }

    @Override
    public void close() {
        if (jobs != null) {
            jobs.close();
        }
        invoicing.close();
        publisher.close();
        try {
            await(server.close().toCompletionStage().toCompletableFuture());
        } finally {
            await(vertx.close().toCompletionStage().toCompletableFuture());
        }
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting or stopping the D365 sandbox", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("D365 sandbox could not start or stop: " + e.getMessage(), e);
        }
    }
}
