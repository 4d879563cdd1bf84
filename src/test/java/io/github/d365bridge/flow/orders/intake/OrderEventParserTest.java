package io.github.d365bridge.flow.orders.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The two delivery shapes, their documented variants, and what counts as malformed. */
class OrderEventParserTest {

    private static byte[] b(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void webhookShapeGivesOneSignalForEachAcceptedOrderEvent() {
        for (String name : new String[] {"observer.sales_order_save_after", "observer.sales_order_save_commit_after",
                "observer.sales_order_place_after"}) {
            ParsedDelivery parsed = OrderEventParser.parseWebhook(b("{\"eventName\":\"" + name
                    + "\",\"data\":{\"order\":{\"entity_id\":5,\"increment_id\":\"000000005\",\"store_id\":\"1\"}}}"));
            assertThat(parsed.orders()).singleElement().satisfies(s -> {
                assertThat(s.eventName()).isEqualTo(name);
                assertThat(s.entityId()).isEqualTo(5L);
                assertThat(s.storeId()).isEqualTo("1");
                assertThat(s.eventId()).isNull();
                assertThat(s.updatedAt()).isNull();
            });
        }
    }

    @Test
    void cloudEventsTakeTheIdAndIgnoreOtherTypesInTheSameArray() {
        ParsedDelivery parsed = OrderEventParser.parseIoEvents(b("[{\"type\":\"com.adobe.commerce.observer.sales_order_save_after\","
                + "\"id\":\"ce-1\",\"data\":{\"value\":{\"entity_id\":\"8\",\"increment_id\":\"8\",\"store_id\":2,"
                + "\"updated_at\":\"2026-11-27 05:00:00\"}}},{\"type\":\"com.adobe.commerce.observer.customer_save_after\"}]"));
        assertThat(parsed.orders()).singleElement().satisfies(s -> {
            assertThat(s.eventId()).isEqualTo("ce-1");
            assertThat(s.updatedAt()).isEqualTo("2026-11-27 05:00:00");
        });
        assertThat(parsed.ignoredTypes()).containsExactly("com.adobe.commerce.observer.customer_save_after");
    }

    @Test
    void deliveriesWithoutAnEventTypeAreIgnoredNotRefused() {
        assertThat(OrderEventParser.parseWebhook(b("{\"data\":{}}")).ignoredTypes()).containsExactly("(no type)");
        assertThat(OrderEventParser.parseWebhook(b("{\"eventName\":7,\"data\":{\"order\":{}}}")).orders()).isEmpty();
        ParsedDelivery events = OrderEventParser.parseIoEvents(b("[{\"id\":\"e1\",\"data\":{\"value\":{}}},"
                + "{\"type\":\"\"},{\"type\":\"com.adobe.io.events.ping\",\"data\":\"not an object\"}]"));
        assertThat(events.orders()).isEmpty();
        assertThat(events.ignoredTypes()).containsExactly("(no type)", "(no type)", "com.adobe.io.events.ping");
    }

    @Test
    void malformedAndIncompleteBodiesNameTheProblem() {
        assertThatThrownBy(() -> OrderEventParser.parseWebhook(b(""))).hasMessageContaining("empty");
        assertThatThrownBy(() -> OrderEventParser.parseWebhook(b("{\"eventName\":\"a\",\"eventName\":\"b\"}")))
                .hasMessageContaining("JSON");
        assertThatThrownBy(() -> OrderEventParser.parseWebhook(b("{\"eventName\":\"observer.sales_order_save_after\"}")))
                .hasMessageContaining("data.order");
        assertThatThrownBy(() -> OrderEventParser.parseWebhook(b("{\"eventName\":\"observer.sales_order_save_after\","
                + "\"data\":{\"order\":{\"entity_id\":\"x\",\"increment_id\":\"1\"}}}")))
                .hasMessageContaining("store_id, entity_id");
        assertThatThrownBy(() -> OrderEventParser.parseIoEvents(b("[]"))).hasMessageContaining("non-empty array");
        assertThatThrownBy(() -> OrderEventParser.parseIoEvents(b("[{\"type\":\"com.adobe.commerce.observer.sales_order_save_after\"}]")))
                .hasMessageContaining("data.value");
        assertThatThrownBy(() -> OrderEventParser.parseIoEvents(b("{\"type\":\"x\"} trailing")))
                .isInstanceOfSatisfying(IntakeRejection.class, r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void incrementIdsWithCharactersTableKeysCannotHoldStillFlow() {
        // JSON escapes: / \ # ? U+0000 U+001F U+007F U+0085 and the ledger codec's own escape character
        String hostile = "R/1\\\\2#3?4\\u0000\\u001F\\u007F\\u0085%25";
        ParsedDelivery parsed = OrderEventParser.parseWebhook(b("{\"eventName\":\"observer.sales_order_save_after\","
                + "\"data\":{\"order\":{\"entity_id\":7,\"increment_id\":\"" + hostile + "\",\"store_id\":1}}}"));
        assertThat(parsed.orders()).singleElement().extracting(OrderSignal::incrementId)
                .isEqualTo("R/1\\2#3?4\u0000\u001F\u007F\u0085%25");
    }

    @Test
    void anIncrementIdNoOrderKeyCanHoldIsRefusedNamingIt() {
        String tooLong = "9".repeat(io.github.d365bridge.flow.orders.OrderKey.MAX_INCREMENT_ID_LENGTH + 1);
        for (String incrementId : new String[] {tooLong, "eu:1"}) {
            assertThatThrownBy(() -> OrderEventParser.parseWebhook(b("{\"eventName\":\"observer.sales_order_save_after\","
                    + "\"data\":{\"order\":{\"entity_id\":7,\"increment_id\":\"" + incrementId + "\",\"store_id\":1}}}")))
                    .isInstanceOfSatisfying(IntakeRejection.class, r -> assertThat(r.status()).isEqualTo(400))
                    .hasMessageContaining("increment_id");
        }
    }
}
