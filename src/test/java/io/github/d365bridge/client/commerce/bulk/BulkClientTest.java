package io.github.d365bridge.client.commerce.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.FakeCommerce;
import io.github.d365bridge.client.commerce.FakeCommerce.Reply;
import io.github.d365bridge.client.commerce.TestClients;
import io.github.d365bridge.client.commerce.catalog.Product;

/**
 * Async bulk of 1,000 product saves: submit with rejected items, then detailed-status polling that maps
 * complete / retriable / permanent / open outcomes back to the entries, and a deadline with items open.
 */
class BulkClientTest {

    private static final int ITEMS = 1_000;
    private static final String UUID = "799a59c0-09ca-4d60-b432-2953986c1c38";

    private FakeCommerce fake;
    private CommerceClient client;
    private final AtomicInteger polls = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        fake = new FakeCommerce();
        client = TestClients.oauth(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void everyOutcomeIsMappedBackToItsEntry() {
        fake.answer(r -> r.method().equals("PUT") ? Reply.json(202, submitAnswer()) : statusAnswer(polls.incrementAndGet(), false));

        BulkClient bulk = client.inStore("all").bulk();
        BulkSubmission submission = bulk.submit("PUT", "products/bySku", BulkClient.productSaves(products()));

        assertThat(submission.bulkUuid()).isEqualTo(UUID);
        assertThat(submission.rejected()).extracting(BulkOutcome::recordKey).containsExactly("SKU-5", "SKU-6");
        assertThat(submission.rejected().get(0).message()).isEqualTo("Product SKU-5 has an invalid attribute set");
        FakeCommerce.Recorded sent = fake.requests().get(0);
        assertThat(sent.path()).isEqualTo("/rest/all/async/bulk/V1/products/bySku");
        assertThat(sent.json()).hasSize(ITEMS);
        assertThat(sent.json().get(999).get("sku").asText()).isEqualTo("SKU-999");
        assertThat(sent.json().get(999).get("product").get("sku").asText()).isEqualTo("SKU-999");

        BulkReport report = bulk.awaitCompletion(submission, Duration.ofSeconds(10));

        assertThat(report.deadlineReached()).isFalse();
        assertThat(report.isFinished()).isTrue();
        assertThat(polls).hasValue(3);
        assertThat(report.outcomes()).hasSize(ITEMS);
        assertThat(report.outcomes().get(10)).isEqualTo(new BulkOutcome(10, "SKU-10", BulkOperationStatus.RETRIABLY_FAILED,
                "Lock wait timeout exceeded", null));
        assertThat(report.outcomes().get(11).status()).isEqualTo(BulkOperationStatus.FAILED);
        assertThat(report.outcomes().get(11).message()).isEqualTo("The value of attribute \"price\" must be set");
        assertThat(report.outcomes().get(5).status()).isEqualTo(BulkOperationStatus.REJECTED);
        assertThat(report.withStatus(BulkOperationStatus.COMPLETE)).hasSize(ITEMS - 2 - 100 - 100);
        assertThat(report.withStatus(BulkOperationStatus.RETRIABLY_FAILED)).hasSize(100)
                .allSatisfy(o -> assertThat(o.index() % 10).isZero());
        assertThat(fake.requestsTo("/detailed-status")).allSatisfy(r ->
                assertThat(r.path()).isEqualTo("/rest/all/V1/bulk/" + UUID + "/detailed-status"));
    }

    @Test
    void operationsStillOpenAtTheDeadlineAreReportedOpen() {
        fake.answer(r -> r.method().equals("PUT") ? Reply.json(202, submitAnswer()) : statusAnswer(polls.incrementAndGet(), true));
        BulkClient bulk = client.inStore("all").bulk();
        BulkSubmission submission = bulk.submit("PUT", "products/bySku", BulkClient.productSaves(products()));

        BulkReport report = bulk.awaitCompletion(submission, Duration.ofMillis(300));

        assertThat(report.deadlineReached()).isTrue();
        assertThat(report.isFinished()).isFalse();
        assertThat(report.allComplete()).isFalse();
        assertThat(report.open()).extracting(BulkOutcome::recordKey).containsExactly("SKU-997", "SKU-998", "SKU-999");
        assertThat(polls.get()).isGreaterThan(3);
    }

    @Test
    void aStatusWithAnUndocumentedCodeOrAForeignIdIsAnError() {
        fake.answer(r -> r.method().equals("PUT") ? Reply.json(202, submitAnswer())
                : Reply.ok("{\"operations_list\":[{\"id\":0,\"status\":9}],\"operation_count\":1000}"));
        BulkClient bulk = client.inStore("all").bulk();
        BulkSubmission submission = bulk.submit("PUT", "products/bySku", BulkClient.productSaves(products()));
        assertThatThrownBy(() -> bulk.status(submission)).hasMessageContaining("bulk.status")
                .hasMessageContaining("unknown bulk operation status 9");

        fake.answer(r -> Reply.ok("{\"operations_list\":[{\"id\":1000,\"status\":1}]}"));
        assertThatThrownBy(() -> bulk.status(submission)).hasMessageContaining("outside the 1000 entries");
    }

    @Test
    void aBulkWithEveryItemRejectedNeedsNoPolling() {
        fake.answer(r -> Reply.json(202, "{\"bulk_uuid\":null,\"request_items\":[{\"id\":0,\"data_hash\":null,"
                + "\"status\":\"rejected\",\"error_message\":\"bad\",\"error_code\":0}],\"errors\":true}"));
        BulkClient bulk = client.bulk();
        BulkSubmission submission = bulk.submit("POST", "customers", List.of(new BulkEntry("a@example.com",
                java.util.Map.of("customer", java.util.Map.of("email", "a@example.com")))));
        BulkReport report = bulk.awaitCompletion(submission, Duration.ofSeconds(5));
        assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(BulkOperationStatus.REJECTED));
        assertThat(fake.requests()).hasSize(1);
        assertThat(fake.requests().get(0).path()).isEqualTo("/rest/default/async/bulk/V1/customers");
    }

    private static List<Product> products() {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            products.add(Product.simple("SKU-" + i, "Product " + i, new BigDecimal("9.99"), Product.STATUS_ENABLED, 4));
        }
        return products;
    }

    private static String submitAnswer() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(i == 5 || i == 6
                    ? "{\"id\":" + i + ",\"data_hash\":null,\"status\":\"rejected\",\"error_message\":\"Product SKU-" + i
                            + " has an invalid attribute set\",\"error_code\":0}"
                    : "{\"id\":" + i + ",\"data_hash\":\"h" + i + "\",\"status\":\"accepted\"}");
        }
        return "{\"bulk_uuid\":\"" + UUID + "\",\"request_items\":[" + String.join(",", items) + "],\"errors\":true}";
    }

    /**
     * Poll 1: everything open. Poll 2: half done. Poll 3 on: every 10th retriable, every 10th+1 permanent,
     * the rest complete; with {@code stuck} the last three stay open forever (a stopped consumer).
     */
    private static Reply statusAnswer(int poll, boolean stuck) {
        List<String> ops = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            if (i == 5 || i == 6) {
                continue;
            }
            int status = poll == 1 || (poll == 2 && i >= ITEMS / 2) || (stuck && i >= ITEMS - 3) ? 4
                    : i % 10 == 0 ? 2 : i % 10 == 1 ? 3 : 1;
            String message = status == 2 ? "\"Lock wait timeout exceeded\""
                    : status == 3 ? "\"The value of attribute \\\"price\\\" must be set\"" : "null";
            ops.add("{\"id\":" + i + ",\"topic_name\":\"async.magento.catalog.api.productrepositoryinterface.save.put\","
                    + "\"status\":" + status + ",\"result_message\":" + message + ",\"error_code\":null,"
                    + "\"serialized_data\":\"{}\",\"result_serialized_data\":null}");
        }
        return Reply.ok("{\"operations_list\":[" + String.join(",", ops) + "],\"user_type\":2,\"bulk_id\":\"" + UUID
                + "\",\"description\":\"Topic async.magento.catalog\",\"start_time\":\"2026-03-01 08:00:00\","
                + "\"user_id\":null,\"operation_count\":" + ITEMS + "}");
    }
}
