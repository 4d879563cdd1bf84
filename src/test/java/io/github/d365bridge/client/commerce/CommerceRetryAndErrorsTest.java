package io.github.d365bridge.client.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.FakeCommerce.Reply;
import io.github.d365bridge.client.commerce.inventory.SourceItem;
import io.github.d365bridge.client.commerce.sales.InvoiceRequest;
import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ErrorClassifier;
import io.github.d365bridge.ground.PermanentFailureException;

/** Retries (429 with and without Retry-After, 503, connection loss), permanent 400s and malformed answers. */
class CommerceRetryAndErrorsTest {

    private static final String TOO_MANY = "{\"message\":\"Too Many Requests\",\"trace\":null}";

    private FakeCommerce fake;
    private CommerceClient client;

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
    void throttledCallWaitsTheRetryAfterItWasGivenThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        fake.answer(r -> calls.incrementAndGet() == 1 ? Reply.json(429, TOO_MANY).header("Retry-After", "1")
                : Reply.ok("true"));
        long start = System.nanoTime();
        client.orders().addComment(7, io.github.d365bridge.client.commerce.sales.OrderComment.internal("x", null));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void throttledCallWithoutRetryAfterWaitsTheDefaultAndClosesTheGateForEveryone() {
        AtomicInteger calls = new AtomicInteger();
        fake.answer(r -> calls.incrementAndGet() <= 2 ? Reply.json(429, TOO_MANY) : Reply.ok("true"));
        long start = System.nanoTime();
        client.orders().addComment(7, io.github.d365bridge.client.commerce.sales.OrderComment.internal("x", null));
        // Default throttle wait of the test options is 100 ms, twice.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(fake.requests()).hasSize(3);
        await().atMost(Duration.ofSeconds(1)).until(() -> client.throttledFor().isZero());
    }

    @Test
    void serviceUnavailableIsRetriedWithBackoffUpToTheAttemptLimit() {
        fake.answer(r -> Reply.json(503, "{\"message\":\"Service Unavailable\"}"));
        assertThatThrownBy(() -> client.inventory().saveSourceItems(List.of(new SourceItem("S1", "wh-east",
                java.math.BigDecimal.TEN, 1))))
                .isInstanceOf(BridgeException.class)
                .hasMessageContaining("source-items.save (store default, record S1@wh-east)")
                .hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(ErrorClassifier.isRetriable(e)).isTrue());
        assertThat(fake.requests()).hasSize(TestClients.FAST_RETRY.maxAttempts());
    }

    @Test
    void badRequestIsPermanentAndNotRetriedAndItsPlaceholdersAreFilled() {
        fake.answer(r -> Reply.json(400, "{\"message\":\"Invoice Document Validation Error(s):\\nThe order does not"
                + " allow an invoice to be created.\",\"parameters\":[]}"));
        assertThatThrownBy(() -> client.inStore("de_store").invoices().create(100, InvoiceRequest.everything(true)))
                .hasMessageContaining("invoices.create (store de_store, record order 100)")
                .hasMessageContaining("does not allow an invoice")
                .satisfies(e -> assertThat(ErrorClassifier.isRetriable(e)).isFalse());
        assertThat(fake.requests()).singleElement().satisfies(r ->
                assertThat(r.path()).isEqualTo("/rest/de_store/V1/order/100/invoice"));

        fake.answer(r -> Reply.json(400, "{\"message\":\"The \\\"%fieldName\\\" value is invalid for %1.\","
                + "\"parameters\":{\"fieldName\":\"email\",\"0\":\"customer\"}}"));
        assertThatThrownBy(() -> client.products().get("S1")).hasMessageContaining("The \"email\" value is invalid for customer.");
    }

    @Test
    void aCreateWhoseOutcomeIsUnknownIsNotSentTwiceButStaysRetriableForTheQueue() {
        fake.answer(r -> new Reply(504, "<html>Gateway Time-out</html>", java.util.Map.of(), false));
        assertThatThrownBy(() -> client.invoices().create(100, InvoiceRequest.everything(true)))
                .isNotInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("invoices.create (store default, record order 100) was not repeated")
                .hasMessageContaining("HTTP 504")
                .satisfies(e -> assertThat(ErrorClassifier.isRetriable(e)).isTrue());
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aCreateThatWasNotProcessedIsRetriedAndUpsertsAreRetriedOnAnyTransientAnswer() {
        AtomicInteger calls = new AtomicInteger();
        fake.answer(r -> calls.incrementAndGet() == 1 ? Reply.json(503, "{\"message\":\"Service Unavailable\"}")
                : Reply.ok("31"));
        assertThat(client.invoices().create(100, InvoiceRequest.everything(true))).isEqualTo(31);
        assertThat(fake.requests()).hasSize(2);

        calls.set(0);
        fake.answer(r -> calls.incrementAndGet() == 1 ? new Reply(502, "<html>Bad Gateway</html>", java.util.Map.of(), false)
                : Reply.ok("[]"));
        client.inventory().saveSourceItems(List.of(new SourceItem("S1", "src", java.math.BigDecimal.ONE, 1)));
        assertThat(calls).hasValue(2);
    }

    @Test
    void lostConnectionsAreRetriableAndNameTheOperation() throws Exception {
        FakeCommerce gone = new FakeCommerce();
        CommerceClient orphan = TestClients.oauth(gone);
        gone.close();
        assertThatThrownBy(() -> orphan.orders().get(5)).isInstanceOf(BridgeException.class)
                .hasMessageContaining("orders.get")
                .satisfies(e -> assertThat(ErrorClassifier.isRetriable(e)).isTrue());
    }

    @Test
    void htmlInsteadOfJsonOnAReadIsRetriedThenReported() {
        fake.answer(r -> new Reply(200, "<html><body>Maintenance</body></html>", java.util.Map.of(), false));
        assertThatThrownBy(() -> client.orders().get(5)).isInstanceOf(BridgeException.class)
                .hasMessageContaining("orders.get (store default, record order 5) answered HTTP 200 with a body that is"
                        + " not valid JSON");
        assertThat(fake.requests()).hasSize(TestClients.FAST_RETRY.maxAttempts());
    }

    @Test
    void truncatedAnswerToAWriteIsNotRepeated() {
        fake.answer(r -> Reply.ok("{\"entity_id\":1").truncated());
        Order order = io.github.d365bridge.ground.Json.mapper().convertValue(java.util.Map.of("entity_id", 1,
                "increment_id", "000000001", "customer_email", "ann@example.com", "base_grand_total", 10,
                "grand_total", 10, "items", java.util.List.of(java.util.Map.of("item_id", 1, "sku", "S1"))), Order.class);
        assertThatThrownBy(() -> client.orders().writeExtOrderId(order, "SO-001"))
                .isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("orders.ext-order-id").hasMessageContaining("may or may not have been applied");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void answersOfTheWrongShapeNameTheExpectation() {
        fake.answer(r -> Reply.ok("{\"id\":5}"));
        assertThatThrownBy(() -> client.invoices().create(5, InvoiceRequest.everything(false)))
                .isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("invoices.create (store default, record order 5)")
                .hasMessageContaining("expected a bare integer id");

        fake.answer(r -> Reply.ok("{\"items\":[]}"));
        assertThatThrownBy(() -> client.orders().searchPage(SearchCriteria.builder().build()))
                .hasMessageContaining("orders.search").hasMessageContaining("total_count");

        fake.answer(r -> Reply.ok("{\"items\":[{\"entity_id\":\"not-a-number\"}],\"total_count\":1}"));
        assertThatThrownBy(() -> client.orders().searchPage(SearchCriteria.builder().build()))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("does not fit the expected shape");

        fake.answer(r -> Reply.ok("[{\"unexpected\":true}]"));
        assertThatThrownBy(() -> client.inventory().saveSourceItems(List.of(new SourceItem("S1", "src", java.math.BigDecimal.ONE, 1))))
                .hasMessageContaining("expected [], got ARRAY of 1");
    }

    @Test
    void redirectsAreNotFollowedAndPointAtTheBaseUrl() {
        fake.answer(r -> new Reply(301, "", java.util.Map.of("Location", "https://shop.example.com/rest/default/V1/orders/1"), false));
        assertThatThrownBy(() -> client.orders().get(1)).isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("unexpected HTTP 301").hasMessageContaining("bridge.commerce.base-url");
    }

    @Test
    void missingProductIsEmptyButAMissingRouteIsAnError() {
        fake.answer(r -> Reply.json(404, "{\"message\":\"The product that was requested doesn't exist. Verify the"
                + " product and try again.\"}"));
        assertThat(client.products().get("NOPE")).isEmpty();

        fake.answer(r -> Reply.json(404, "{\"message\":\"Request does not match any route.\",\"trace\":null}"));
        assertThatThrownBy(() -> client.products().get("NOPE")).hasMessageContaining("does not match any route")
                .hasMessageContaining("HTTP 404");
    }
}
