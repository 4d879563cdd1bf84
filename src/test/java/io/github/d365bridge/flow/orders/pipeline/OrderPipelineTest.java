package io.github.d365bridge.flow.orders.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.CommerceClientOptions;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.config.OrderFlowConfig;
import io.github.d365bridge.flow.dmf.DmfImportLock;
import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.github.d365bridge.flow.dmf.DmfJobStore;
import io.github.d365bridge.flow.dmf.DmfSupervisionOptions;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderIntakeProcessor;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.flow.orders.batch.MappedOrderStore;
import io.github.d365bridge.flow.orders.batch.OrderBatcher;
import io.github.d365bridge.flow.orders.mapping.OrderMapper;
import io.github.d365bridge.flow.orders.outcome.D365OrderLookup;
import io.github.d365bridge.flow.orders.outcome.ImportErrorKeys;
import io.github.d365bridge.flow.orders.outcome.OrderImportOutcome;
import io.github.d365bridge.flow.orders.outcome.OrderWriteBack;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.MappingProfileLoader;
import io.github.d365bridge.sandbox.SandboxAlignment;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.storage.ClaimCheckStore;
import io.github.d365bridge.storage.EnvelopeCodec;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The order steps chained by hand over both sandboxes and Azurite — intake processing, batching,
 * DMF import with supervision, outcome, write-back — with one SKU unknown to D365, so some orders fail
 * inside the DMF job and the batch is partially successful. The queue triggers are played by the test
 * so every step is visible; the end state is asserted exactly.
 */
class OrderPipelineTest {

    private static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
    private static final int ORDERS = 12;

    private static StorageAccount storage;
    private static D365Sandbox d365Sandbox;
    private static CommerceSandbox commerceSandbox;

    @BeforeAll
    static void start() {
        storage = TestAzurite.storage();
        d365Sandbox = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS)
                .client(ClientRegistration.listed("pipe-app", "pipe-secret-0123456789"))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf"))
                .dmfLatency(Duration.ofMillis(100), Duration.ofMillis(1)).build());
        commerceSandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seedOrders(ORDERS).build());
    }

    @AfterAll
    static void stop() {
        d365Sandbox.close();
        commerceSandbox.close();
    }

    @Test
    void everyGoodOrderReachesD365OnceAndEveryBadOneFailsWithD365sReason() {
        List<ObjectNode> orders = commerceSandbox.data().orders();
        String unknownSku = orders.get(0).withArray("items").get(orders.get(0).withArray("items").size() - 1)
                .get("sku").asText();
        SandboxAlignment.lineUp(commerceSandbox, d365Sandbox, Set.of(unknownSku));
        Set<OrderKey> bad = orders.stream().filter(o -> containsSku(o, unknownSku)).map(OrderPipelineTest::key)
                .collect(Collectors.toSet());
        Set<OrderKey> all = orders.stream().map(OrderPipelineTest::key).collect(Collectors.toSet());
        assertThat(bad).isNotEmpty().hasSizeLessThan(all.size());

        OrderPipeline p = new OrderPipeline(storage, TLS, d365Sandbox, commerceSandbox);
        for (ObjectNode order : orders) {
            // every order arrives twice (webhook and poll): the ledger keeps one
            for (String source : List.of("webhook", "poll")) {
                p.intake.process(new OrderReceived(storeCode(order), order.get("increment_id").asText(),
                        order.get("entity_id").asLong(), source, order.get("updated_at").asText()), "corr-" + source);
            }
        }
        p.runUntilSettled(all);
        p.writeBacks.forEach(p.writeBack::writeBack);

        Map<OrderKey, LedgerEntry> ledger = new HashMap<>();
        all.forEach(k -> ledger.put(k, p.ledger.find(k).orElseThrow()));
        assertThat(ledger.values()).allSatisfy(e -> assertThat(e.state()).isIn(OrderState.WRITTEN_BACK, OrderState.FAILED));
        assertThat(ledger.values().stream().filter(e -> e.state() == OrderState.FAILED).map(LedgerEntry::key))
                .containsExactlyInAnyOrderElementsOf(bad);
        assertThat(ledger.values().stream().filter(e -> e.state() == OrderState.FAILED))
                .allSatisfy(e -> assertThat(e.lastError()).contains("D365 refused the order").contains(unknownSku));

        D365OrderLookup lookup = new D365OrderLookup(p.d365);
        for (OrderKey good : all.stream().filter(k -> !bad.contains(k)).toList()) {
            String legalEntity = ledger.get(good).legalEntity();
            assertThat(d365Sandbox.data().rows("SalesOrderHeadersV2",
                    r -> good.toString().equals(r.get("CustomersOrderReference")))).as("exactly once in D365: " + good)
                    .hasSize(1);
            assertThat(lookup.salesOrderNumbers(legalEntity, List.of(good))).containsEntry(good,
                    ledger.get(good).salesOrderNumber());
            ObjectNode inCommerce = commerceSandbox.data().order((int) (long) ledger.get(good).commerceEntityId())
                    .orElseThrow();
            assertThat(inCommerce.get("ext_order_id").asText()).isEqualTo(ledger.get(good).salesOrderNumber());
        }
        for (OrderKey failed : bad) {
            assertThat(d365Sandbox.data().rows("SalesOrderHeadersV2",
                    r -> failed.toString().equals(r.get("CustomersOrderReference")))).as(ledger.get(failed).lastError())
                    .isEmpty();
        }
        // every package file was deleted once its upload was done (the failed batches' too)
        assertThat(p.packages.path()).isEmptyDirectory();
    }

    @Test
    void ordersThatWaitedForABusyProjectAreDueTheMomentItIsFreeWhateverTheirAge() {
        // sandboxes of its own: the other test counts exactly what reached D365
        try (D365Sandbox d365 = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS)
                .client(ClientRegistration.listed("pipe-app", "pipe-secret-0123456789"))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf"))
                .dmfLatency(Duration.ofMillis(100), Duration.ofMillis(1)).build());
                CommerceSandbox commerce = CommerceSandbox.start(CommerceSandboxOptions.builder().seedOrders(3).build())) {
            SandboxAlignment.lineUp(commerce, d365);
            OrderPipeline p = new OrderPipeline(storage, TLS, d365, commerce,
                    Map.of("bridge.orders.batch-max-age", "PT1H", "bridge.orders.batch-max-size", "200"));
            List<OrderKey> keys = new java.util.ArrayList<>();
            for (ObjectNode order : commerce.data().orders()) {
                LedgerEntry entry = p.intake.process(new OrderReceived(storeCode(order), order.get("increment_id").asText(),
                        order.get("entity_id").asLong(), "webhook", order.get("updated_at").asText()), "corr-due");
                assertThat(entry.state()).isEqualTo(OrderState.MAPPED);
                keys.add(entry.key());
            }
            String legalEntity = p.ledger.find(keys.get(0)).orElseThrow().legalEntity();
            assertThat(p.batcher.packageReady(legalEntity)).as("young and few: not due on a timer tick").isEmpty();
            var job = p.batcher.packageReady(legalEntity, true);
            assertThat(job).as("due as soon as the previous import ended").isPresent();
            assertThat(keys.stream().map(k -> p.ledger.find(k).orElseThrow())
                    .filter(e -> legalEntity.equals(e.legalEntity()))).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.executionId()).isEqualTo(job.get().executionId()));
        }
    }

    private static boolean containsSku(ObjectNode order, String sku) {
        for (JsonNode item : order.withArray("items")) {
            if (sku.equals(item.get("sku").asText())) {
                return true;
            }
        }
        return false;
    }

    private static OrderKey key(ObjectNode order) {
        return new OrderKey(storeCode(order), order.get("increment_id").asText());
    }

    private static String storeCode(ObjectNode order) {
        return order.get("store_id").asInt() == 1 ? "default" : "eu_en";
    }

}
