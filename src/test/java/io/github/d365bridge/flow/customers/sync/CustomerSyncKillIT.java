package io.github.d365bridge.flow.customers.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.auth.OAuthCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.flow.sync.SyncCounters;
import io.github.d365bridge.flow.sync.SyncProgress;
import io.github.d365bridge.flow.sync.SyncRun;
import io.github.d365bridge.flow.sync.SyncRunStore;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.commerce.faults.FaultKind;
import io.github.d365bridge.sandbox.commerce.faults.FaultRule;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.storage.EmbeddedAzurite;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeProcess;

/**
 * A customer sync run in the packaged bridge, SIGKILLed twice while its page steps write to Commerce (creates
 * in flight, some applied with their answer never heard) and started again on the same storage each time: the
 * run is resumed from its queue messages, not started again, finishes once, and every writable customer and
 * company exists exactly once in Commerce with its hash stored; the refused ones are listed with their reason.
 * The operator starts the run over HTTP with the operator key; the test reads the run and the state straight
 * from Azurite.
 */
class CustomerSyncKillIT {

    private static final Path FOLDER = Path.of("target", "customer-sync-kill");
    private static final String CLIENT_ID = "sync-kill-app";
    private static final String CUSTOMER_CREATE = "POST /V1/customers";
    /** Commerce creates seen when each kill comes: in the first page steps, and later in the run. */
    private static final List<Integer> KILL_AT_CREATES = List.of(6, 30);

    private static EmbeddedAzurite azurite;
    private static D365Sandbox d365Sandbox;
    private static CommerceSandbox commerceSandbox;
    private static SandboxTls tls;
    private static BridgeProcess bridge;
    private static final String OPS_KEY = randomHex();
    private static final String CLIENT_SECRET = randomHex();

    @BeforeAll
    static void start() {
        azurite = EmbeddedAzurite.start("node_modules/.bin/azurite", FOLDER.resolve("azurite"), true, 0, 0, 0);
        tls = SandboxTls.inFolder(FOLDER.resolve("sandbox-tls"), "kill-tls");
        d365Sandbox = D365Sandbox.start(D365SandboxOptions.builder().tls(tls)
                .client(ClientRegistration.listed(CLIENT_ID, CLIENT_SECRET))
                .storageConnectionString(azurite.connectionString()).dmfContainer("kill-dmf").build());
        commerceSandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seedOrders(0).build());
        // creates take a while, so a kill lands among writes in flight
        commerceSandbox.faults().add(new FaultRule(CUSTOMER_CREATE, FaultKind.LATENCY, 100, -1, Duration.ofMillis(120),
                null));
        OAuthCredentials integration = commerceSandbox.options().integration();
        URI dmfBlobs = URI.create(new StorageAccount(azurite.connectionString()).blobService().getAccountUrl());
        bridge = BridgeProcess.builder().name("customer-sync-kill").httpPort(BridgeProcess.freePort()).jvmArg("-Xmx384m")
                .readyTimeout(Duration.ofSeconds(60))
                .env("BRIDGE_STORAGE_CONNECTION_STRING", azurite.connectionString())
                .env("BRIDGE_OPS_KEY", OPS_KEY)
                .env("BRIDGE_D365_CLIENT_SECRET", CLIENT_SECRET)
                .env("BRIDGE_D365_TRUST_STORE_PASSWORD", tls.password())
                .env("BRIDGE_COMMERCE_CONSUMER_SECRET", integration.consumerSecret())
                .env("BRIDGE_COMMERCE_ACCESS_TOKEN", integration.token())
                .env("BRIDGE_COMMERCE_ACCESS_TOKEN_SECRET", integration.tokenSecret())
                .systemProperty("bridge.d365.base-url", d365Sandbox.baseUrl().toString())
                .systemProperty("bridge.d365.authority", d365Sandbox.entraAuthority().toString())
                .systemProperty("bridge.d365.client-id", CLIENT_ID)
                .systemProperty("bridge.d365.trust-store", tls.trustStore().toAbsolutePath().toString())
                .systemProperty("bridge.d365.allowed-blob-hosts", dmfBlobs.getHost() + ":" + dmfBlobs.getPort())
                .systemProperty("bridge.commerce.base-url", commerceSandbox.baseUrl().toString())
                .systemProperty("bridge.commerce.auth-mode", "OAUTH1")
                .systemProperty("bridge.commerce.consumer-key", integration.consumerKey())
                .systemProperty("bridge.sync.customers.page-size", "10")
                .systemProperty("bridge.sync.customers.write-concurrency", "4")
                // the timer would start runs of its own: only the operator's run is wanted here
                .systemProperty("CUSTOMER_SYNC_SCHEDULE", "0 0 0 1 1 *")
                // a killed step's message comes back this long after its last renewal
                .systemProperty("bridge.runtime.queues.processing-timeout", "PT10S")
                .systemProperty("bridge.runtime.queues.visibility-timeout", "PT1S")
                .systemProperty("bridge.runtime.queues.max-polling-interval", "PT0.5S")
                .systemProperty("bridge.commerce.request-timeout", "PT10S")
                .start();
    }

    @AfterAll
    static void stop() {
        try (EmbeddedAzurite a = azurite; D365Sandbox d = d365Sandbox; CommerceSandbox c = commerceSandbox;
                BridgeProcess b = bridge) {
            // closed in reverse order
        }
    }

    @Test
    void aRunKilledTwiceWhileItWritesFinishesOnceWithEveryCustomerOnceInCommerce() throws Exception {
        List<CustomerV3> all = Stream.concat(customers("usmf").stream(), customers("demf").stream()).toList();
        long writable = all.stream().filter(CustomerExpectations::writable).count();
        long refused = all.stream().filter(CustomerExpectations::writable).filter(CustomerSyncMapper::isOrganisation)
                .filter(CustomerExpectations::regionMissing).count();
        long companies = all.stream().filter(CustomerExpectations::writable).filter(CustomerSyncMapper::isOrganisation)
                .count() - refused;

        List<String> kills = new CopyOnWriteArrayList<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread killer = new Thread(() -> {
            for (int killAt : KILL_AT_CREATES) {
                while (watching.get() && commerceSandbox.faults().calls(CUSTOMER_CREATE) < killAt) {
                    Thread.onSpinWait();
                }
                if (!watching.get()) {
                    return;
                }
                bridge.kill();
                kills.add("at " + commerceSandbox.faults().calls(CUSTOMER_CREATE) + " creates");
                bridge.restart();
            }
        }, "sync-killer");
        killer.setDaemon(true);
        killer.start();

        int companiesBefore = commerceSandbox.data().companyTable().size();
        String runId = given().baseUri(bridge.baseUri().toString()).header("X-Ops-Key", OPS_KEY)
                .post("/ops/sync/customers/run").then().statusCode(202).extract().path("runId");

        StorageAccount storage = new StorageAccount(azurite.connectionString());
        SyncRunStore runs = new SyncRunStore(storage, "BridgeSyncRuns");
        await("the run finishes").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> runs.run("customers", runId).flatMap(SyncRun::finishedAt).isPresent());
        watching.set(false);
        killer.join(Duration.ofSeconds(60).toMillis());

        assertThat(kills).as("both kills happened while the run wrote").hasSize(KILL_AT_CREATES.size());
        assertThat(commerceSandbox.faults().calls(CUSTOMER_CREATE)).as("creates, some sent again after a kill")
                .isGreaterThanOrEqualTo(KILL_AT_CREATES.get(KILL_AT_CREATES.size() - 1));
        assertThat(runs.latest("customers", 10)).as("one run, resumed, never started again").extracting(SyncRun::runId)
                .containsExactly(runId);
        SyncCounters counters = runs.progress(runs.run("customers", runId).orElseThrow()).stream()
                .map(SyncProgress::counters).reduce(SyncCounters.NONE, SyncCounters::plus);
        assertThat(counters.read()).as("counts: %s", counters).isEqualTo(all.size());
        assertThat(counters.written()).isEqualTo(writable - refused);
        assertThat(counters.failed()).isEqualTo(refused);
        assertThat(counters.skipped()).isEqualTo(all.size() - writable);
        // at a kill, up to four creates were in flight and the ones before them done: their page had not stored
        // its hashes, so the redelivered page met them in Commerce and adopted them instead of creating twice
        assertThat(counters.adopted()).as("creates applied before a kill, adopted after it").isPositive();

        List<ObjectNode> customers = commerceSandbox.data().customers();
        assertThat(customers.stream().map(c -> c.path("website_id").asInt() + "|" + c.path("email").asText().toLowerCase())
                .distinct().count()).as("no customer twice").isEqualTo(customers.size());
        assertThat(commerceSandbox.data().companyTable().size() - companiesBefore).as("no company twice")
                .isEqualTo(companies);

        SyncStateStore state = new SyncStateStore(storage, "BridgeSyncState");
        for (String legalEntity : List.of("usmf", "demf")) {
            List<String> written = all.stream().filter(c -> c.dataAreaId().equals(legalEntity))
                    .filter(CustomerExpectations::writable)
                    .filter(c -> !(CustomerSyncMapper.isOrganisation(c) && CustomerExpectations.regionMissing(c)))
                    .map(CustomerV3::customerAccount).toList();
            assertThat(state.find("customers", legalEntity, written).values())
                    .as("a hash stored for every written customer of %s", legalEntity).hasSize(written.size())
                    .allMatch(s -> !s.hashes().isEmpty() && s.hashes().keySet().equals(s.targetIds().keySet()));
        }
        assertThat(state.failures("customers", 1000)).as("refused ones listed with their reason")
                .hasSize((int) refused);
    }

    private static List<CustomerV3> customers(String legalEntity) {
        URI blob = URI.create(new StorageAccount(azurite.connectionString()).blobService().getAccountUrl());
        D365Client d365 = D365Client.create(new D365ClientOptions(d365Sandbox.baseUrl(), D365ClientOptions.AuthMode.ENTRA,
                d365Sandbox.entraAuthority(), CLIENT_ID, new D365ClientOptions.Secret(CLIENT_SECRET), false,
                Duration.ofSeconds(30), new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1),
                        Duration.ofSeconds(20), Duration.ofSeconds(1)), List.of(blob.getHost() + ":" + blob.getPort()),
                Optional.of(TrustStores.fromPkcs12(tls.trustStore(), tls.password().toCharArray(), "test")),
                Optional.empty()));
        try (Stream<CustomerV3> rows = d365.odata().stream(CustomerV3.ENTITY_SET, ODataQuery.all().company(legalEntity),
                CustomerV3.class)) {
            return rows.toList();
        }
    }



    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
