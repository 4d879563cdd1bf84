package io.github.d365bridge.flow.orders.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.CommerceClientOptions;
import io.github.d365bridge.client.commerce.CommerceDates;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;
import io.github.d365bridge.storage.ClaimCheckStore;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The polling safety net against a sandbox of its own (so no other test's orders are in the window)
 * and real Table/Queue storage: orders never delivered by webhook or event reach the queue, the ledger
 * decides what is skipped, and the watermark moves forward only.
 */
class OrderPollerTest {

    private static final Map<String, String> STORE_CODES = Map.of("1", "default", "2", "eu_en");
    private static final DeliveryPolicy NEVER_DELIVERED = new DeliveryPolicy(1, false, 100, false, false);
    private static final Duration OVERLAP = Duration.ofMinutes(10);

    private CommerceSandbox sandbox;
    private CommerceClient client;
    private OrderLedger ledger;
    private QueuePublisher publisher;
    private PollWatermarks watermarks;
    private IntakeQueue queue;
    private String queueName;

    @BeforeEach
    void start() {
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seed(7).build());
        client = CommerceClient.create(CommerceClientOptions.builder(sandbox.baseUrl(),
                new CommerceCredentials.OAuth1(sandbox.options().integration())).requestTimeout(Duration.ofSeconds(10))
                .build());
        StorageAccount storage = TestAzurite.storage();
        ledger = new OrderLedger(storage, TestAzurite.uniqueName("Ledger"));
        publisher = new QueuePublisher(storage, new ClaimCheckStore(storage, TestAzurite.uniqueName("cc")), 49152);
        watermarks = new PollWatermarks(storage, TestAzurite.uniqueName("Checkpoints"));
        queueName = TestAzurite.uniqueName("intake");
        queue = new IntakeQueue(storage, queueName);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private OrderPoller poller(List<String> statuses, Clock clock) {
        // page size 2: several pages per store, so paging is part of every run
        return new OrderPoller(client, ledger, publisher, queueName, watermarks, STORE_CODES,
                new PollSettings(OVERLAP, Duration.ofDays(1), statuses, 2), clock);
    }

    private OrderPoller poller() {
        return poller(List.of("processing", "pending"), Clock.systemUTC());
    }

    @Test
    void undeliveredOrdersAreEnqueuedKnownOnesSkippedAndTheWatermarkIsTheLatestUpdatedAt() {
        List<ObjectNode> placed = sandbox.orders().place(7, OrderKind.MIXED, false, NEVER_DELIVERED);
        OrderKey known = key(placed.get(0));
        ledger.insertReceived(known, placed.get(0).get("entity_id").asLong(), "corr-known", "webhook");

        List<OrderPoller.StoreResult> results = poller().run();

        List<MessageEnvelope> messages = queue.take();
        Set<String> expected = keys(placed);
        expected.remove(known.toString());
        assertThat(messages).extracting(MessageEnvelope::businessKey).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(messages).allSatisfy(m -> {
            OrderReceived payload = CommerceIntakeDeliveryTest.payload(m);
            assertThat(m.type()).isEqualTo(OrderReceived.MESSAGE_TYPE);
            assertThat(payload.source()).isEqualTo("poll");
            assertThat(payload.entityId()).isNotNull();
            assertThat(payload.updatedAt()).isNotBlank();
        });
        assertThat(results).extracting(OrderPoller.StoreResult::storeCode).containsExactly("default", "eu_en");
        for (OrderPoller.StoreResult result : results) {
            Instant latest = placed.stream().filter(o -> storeCode(o).equals(result.storeCode()))
                    .map(o -> CommerceDates.parse(o.get("updated_at").asText())).max(Instant::compareTo).orElse(null);
            assertThat(watermarks.read(result.storeCode()).orElse(null)).as(result.storeCode()).isEqualTo(latest);
        }
    }

    @Test
    void secondRunReReadsTheOverlapButEnqueuesOnlyWhatTheLedgerDoesNotKnow() {
        List<ObjectNode> first = sandbox.orders().place(5, OrderKind.MIXED, false, NEVER_DELIVERED);
        poller().run();
        List<MessageEnvelope> firstMessages = queue.take();
        assertThat(firstMessages).hasSize(5);
        // what the processing step will do with each message: record the order in the ledger
        firstMessages.forEach(m -> ledger.insertReceived(OrderKey.parse(m.businessKey()), null, m.correlationId(), "poll"));
        Map<String, Instant> marks = STORE_CODES.values().stream().distinct()
                .filter(code -> watermarks.read(code).isPresent())
                .collect(Collectors.toMap(code -> code, code -> watermarks.read(code).get()));

        List<OrderPoller.StoreResult> second = poller().run();
        assertThat(queue.take()).as("a run with no new orders enqueues nothing").isEmpty();
        assertThat(second.stream().mapToInt(OrderPoller.StoreResult::read).sum())
                .as("the overlap window re-read the first orders").isEqualTo(5);
        second.stream().filter(r -> marks.containsKey(r.storeCode())).forEach(r ->
                assertThat(r.since()).isEqualTo(marks.get(r.storeCode()).minus(OVERLAP)));

        List<ObjectNode> later = sandbox.orders().place(2, OrderKind.GUEST, false, NEVER_DELIVERED);
        List<OrderPoller.StoreResult> third = poller().run();
        assertThat(queue.take()).extracting(MessageEnvelope::businessKey)
                .containsExactlyInAnyOrderElementsOf(keys(later));
        assertThat(third.stream().mapToInt(OrderPoller.StoreResult::read).sum()).isEqualTo(first.size() + later.size());
    }

    @Test
    void watermarkNeverMovesBackwards() {
        Instant t = Instant.parse("2026-11-27T05:00:00Z");
        assertThat(watermarks.advance("default", t)).isTrue();
        assertThat(watermarks.advance("default", t.minusSeconds(60))).isFalse();
        assertThat(watermarks.advance("default", t)).isFalse();
        assertThat(watermarks.read("default")).contains(t);
        assertThat(watermarks.advance("default", t.plusSeconds(1))).isTrue();
        assertThat(watermarks.read("default")).contains(t.plusSeconds(1));
        assertThat(watermarks.read("eu_en")).isEmpty();
    }

    @Test
    void firstRunLooksBackOnlyAsFarAsConfiguredAndTheStatusFilterApplies() {
        sandbox.orders().place(3, OrderKind.MIXED, false, NEVER_DELIVERED);

        Clock twoDaysLater = Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC);
        assertThat(poller(List.of(), twoDaysLater).run()).allSatisfy(r -> assertThat(r.read()).isZero());
        assertThat(poller(List.of("complete"), Clock.systemUTC()).run()).allSatisfy(r -> assertThat(r.read()).isZero());
        assertThat(queue.take()).isEmpty();
        assertThat(watermarks.read("default")).isEmpty();
        assertThat(watermarks.read("eu_en")).isEmpty();

        assertThat(poller(List.of(), Clock.systemUTC()).run().stream().mapToInt(OrderPoller.StoreResult::enqueued).sum())
                .isEqualTo(3);
    }

    private static String storeCode(ObjectNode order) {
        return STORE_CODES.get(order.get("store_id").asText());
    }

    private static OrderKey key(ObjectNode order) {
        return new OrderKey(storeCode(order), order.get("increment_id").asText());
    }

    private static Set<String> keys(List<ObjectNode> orders) {
        return orders.stream().map(o -> key(o).toString()).collect(Collectors.toCollection(HashSet::new));
    }
}
