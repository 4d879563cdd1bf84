package io.github.d365bridge.flow.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.CommerceClientOptions;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.flow.catalog.CatalogSyncFlow;
import io.github.d365bridge.flow.dmf.DmfImportLock;
import io.github.d365bridge.flow.dmf.DmfJobStore;
import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.github.d365bridge.flow.dmf.DmfSupervisionOptions;
import io.github.d365bridge.flow.sync.SyncCounters;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncEngine.RunRequest;
import io.github.d365bridge.flow.sync.SyncRunStore;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.flow.sync.SyncSteps;
import io.github.d365bridge.flow.sync.export.SnapshotStore;
import io.github.d365bridge.flow.sync.export.SyncExportListener;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.MappingProfileLoader;
import io.github.d365bridge.mapping.ProductDimensions;
import io.github.d365bridge.mapping.SkuRule;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.sandbox.d365.SeedSizes;
import io.github.d365bridge.storage.ClaimCheckStore;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.ExportStepDriver;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The inventory sync reading DMF exports of {@code Warehouses on-hand V2} (the D365 sandbox exports into Azurite,
 * status checks on a real queue) instead of OData: the same source items as the rows D365 holds, no OData read of
 * on-hand, nothing written without changes, a removal found in the snapshot's keys (a composite key of eight
 * columns, read back exactly as the OData source names it).
 */
class InventorySyncExportTest {

    private static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
    private static final String EXPORT_PATH = "/data/DataManagementDefinitionGroups/Microsoft.Dynamics.DataEntities.ExportToPackage";
    private static final String PROFILE = """
            catalogSync:
              legalEntities: [usmf]
              storeViews: {default: "1"}
            inventorySync:
              legalEntities: [usmf]
              sources: {usmf/1/11: wh-east, usmf/1/12: wh-west}
            """;

    private StorageAccount storage;
    private D365Sandbox d365Sandbox;
    private CommerceSandbox commerceSandbox;
    private D365Client d365;
    private String statusQueue;
    private DmfJobSupervisor supervisor;
    private ExportStepDriver driver;
    private SyncEngine engine;

    @BeforeEach
    void start() {
        storage = TestAzurite.storage();
        d365Sandbox = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS).seedSizes(SeedSizes.DEFAULT_WITH_VARIANTS)
                .client(ClientRegistration.listed("inv-sync", "inv-sync-secret-0123456789"))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf"))
                .dmfLatency(Duration.ofMillis(300), Duration.ofMillis(1)).build());
        commerceSandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().build());
        URI blob = URI.create(storage.blobService().getAccountUrl());
        d365 = D365Client.create(new D365ClientOptions(d365Sandbox.baseUrl(), D365ClientOptions.AuthMode.ENTRA,
                d365Sandbox.entraAuthority(), "inv-sync", new D365ClientOptions.Secret("inv-sync-secret-0123456789"),
                false, Duration.ofSeconds(30), new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1),
                        Duration.ofSeconds(20), Duration.ofSeconds(1)), List.of(blob.getHost() + ":" + blob.getPort()),
                Optional.of(TrustStores.fromPkcs12(TLS.trustStore(), "changeit".toCharArray(), "test")), Optional.empty()));
        CommerceClient commerce = CommerceClient.create(CommerceClientOptions.builder(commerceSandbox.baseUrl(),
                new CommerceCredentials.OAuth1(commerceSandbox.options().integration()))
                .bulkPoll(Duration.ofMillis(20), Duration.ofMillis(200)).build());
        SnapshotStore snapshots = new SnapshotStore(storage, TestAzurite.uniqueName("snapshots").toLowerCase(java.util.Locale.ROOT));
        statusQueue = TestAzurite.uniqueName("dmf-status");
        QueuePublisher publisher = new QueuePublisher(storage, new ClaimCheckStore(storage, TestAzurite.uniqueName("claims")),
                48 * 1024);
        supervisor = new DmfJobSupervisor(d365, new DmfImportLock(storage, TestAzurite.uniqueName("Locks")),
                new DmfJobStore(storage, TestAzurite.uniqueName("Jobs")), publisher, statusQueue,
                new DmfSupervisionOptions(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(5),
                        Duration.ofMinutes(2), Duration.ofSeconds(1)),
                List.of(new SyncExportListener(() -> engine)), Clock.systemUTC());
        driver = new ExportStepDriver(() -> engine, () -> supervisor, storage, statusQueue);
        SyncSteps queue = driver.steps();
        MappingProfile profile = MappingProfileLoader.withOverride(PROFILE, "test");
        engine = new SyncEngine(new SyncStateStore(storage, TestAzurite.uniqueName("SyncState")),
                new SyncRunStore(storage, TestAzurite.uniqueName("SyncRuns")), queue, List.of(
                new CatalogSyncFlow(() -> d365, () -> commerce, profile, 100, 200, Duration.ofSeconds(30), Clock.systemUTC()),
                new InventorySyncFlow(() -> d365, () -> commerce, profile, 100, 20,
                        Optional.of(new InventorySyncFlow.Export("OnHandExport", () -> supervisor, snapshots)))),
                Duration.ofMinutes(10), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        d365Sandbox.close();
        commerceSandbox.close();
    }

    /** Runs sync steps (each twice, as a redelivered message would) and delivers status checks until it finished. */
    private SyncCounters run(String flow) {
        engine.start(flow, RunRequest.full("test")).orElseThrow();
        driver.untilFinished(flow);
        SyncEngine.RunSummary summary = engine.latest(flow, 1).get(0);
        assertThat(summary.run().finishedAt()).isPresent();
        return summary.counters();
    }

    private static String sku(Map<String, Object> row) {
        ProductDimensions dimensions = new ProductDimensions((String) row.get("ProductColorId"),
                (String) row.get("ProductSizeId"), (String) row.get("ProductStyleId"),
                (String) row.get("ProductConfigurationId"), (String) row.get("ProductVersionId"));
        String item = SkuRule.sku((String) row.get("ItemNumber"));
        return dimensions.equals(ProductDimensions.NONE) ? item : SkuRule.variantSku(item, dimensions);
    }

    @Test
    void aRunReadsTheExportWritesWhatD365HoldsThenNothingUnchangedAndFindsARemovalInTheSnapshot() {
        SyncCounters catalog = run(CatalogSyncFlow.NAME);
        assertThat(catalog.failed()).as("catalog: %s", catalog.reasons()).isZero();
        List<Map<String, Object>> rows = d365Sandbox.data().rows("WarehousesOnHandV2", r -> "usmf".equals(r.get("dataAreaId")));
        long odataReadsBefore = d365Sandbox.faults().calls("/data/WarehousesOnHandV2");

        SyncCounters first = run(InventorySyncFlow.NAME);

        assertThat(first.read()).as("counts: %s", first).isEqualTo(rows.size());
        assertThat(first.written()).as("counts: %s", first).isEqualTo(rows.size());
        assertThat(first.failed()).isZero();
        assertThat(d365Sandbox.faults().calls("/data/WarehousesOnHandV2") - odataReadsBefore)
                .as("on-hand read from the export, not OData").isZero();
        assertThat(d365Sandbox.faults().calls(EXPORT_PATH)).as("one export").isEqualTo(1);
        for (Map<String, Object> row : rows) {
            String source = row.get("InventoryWarehouseId").equals("11") ? "wh-east" : "wh-west";
            ObjectNode item = commerceSandbox.data().sourceItem(sku(row), source).orElseThrow();
            assertThat(item.get("quantity").decimalValue()).as("%s@%s", sku(row), source).isEqualByComparingTo(
                    ((BigDecimal) row.get("AvailableOnHandQuantity")).setScale(0, RoundingMode.FLOOR).max(BigDecimal.ZERO));
        }

        commerceSandbox.stats().reset();
        SyncCounters again = run(InventorySyncFlow.NAME);
        assertThat(again.unchanged()).isEqualTo(rows.size());
        assertThat(commerceSandbox.stats().totalWrites()).as("writes: %s", commerceSandbox.stats().writes()).isZero();

        Map<String, Object> gone = rows.stream().filter(r -> sku(r).contains("~")
                && ((BigDecimal) r.get("AvailableOnHandQuantity")).signum() > 0).findFirst().orElseThrow();
        assertThat(d365Sandbox.data().table("WarehousesOnHandV2").delete(List.of(gone.get("dataAreaId"),
                gone.get("ItemNumber"), gone.get("ProductColorId"), gone.get("ProductConfigurationId"),
                gone.get("ProductSizeId"), gone.get("ProductStyleId"), gone.get("ProductVersionId"),
                gone.get("InventorySiteId"), gone.get("InventoryWarehouseId")))).isTrue();
        SyncCounters third = run(InventorySyncFlow.NAME);
        assertThat(third.removed()).as("counts: %s", third).isEqualTo(1);
        assertThat(third.changed() + third.added()).as("the other rows' keys read back unchanged").isZero();
        String source = gone.get("InventoryWarehouseId").equals("11") ? "wh-east" : "wh-west";
        assertThat(commerceSandbox.data().sourceItem(sku(gone), source).orElseThrow().get("status").asInt()).isZero();
    }
}
