package io.github.d365bridge.flow.orders.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.ground.Json;

/**
 * The streaming read of a webhook keeps exactly what a tree read of the same body would, and is as
 * strict: what it skips must still be well-formed and free of duplicate keys.
 */
class WebhookBodyReaderTest {

    private static final String ORDER = "{\"entity_id\":5,\"increment_id\":\" 000000005 \",\"store_id\":\"01\","
            + "\"updated_at\":\"2026-11-27 05:00:00\",\"items\":[{\"sku\":\"a\",\"price\":1.5e3,\"extension_attributes\":"
            + "{\"increment_id\":\"not this one\"}}],\"grand_total\":12345678901234567890123}";

    @Test
    void takesTheFourOrderFieldsWhereverTheyStandAndWhateverSurroundsThem() {
        for (String body : new String[] {
            "{\"eventName\":\"observer.sales_order_save_after\",\"data\":{\"order\":" + ORDER + "}}",
            "{\"data\":{\"before\":{\"order\":[]},\"order\":" + ORDER + ",\"after\":null},\"meta\":{\"a\":[1,{}]},"
                    + "\"eventName\":\"observer.sales_order_save_after\"}"}) {
            WebhookBodyReader.Webhook read = WebhookBodyReader.read(b(body));
            assertThat(read.eventName()).isEqualTo("observer.sales_order_save_after");
            assertThat(read.order()).isEqualTo(new OrderFields("000000005", "1", "5", "2026-11-27 05:00:00"));
        }
    }

    @Test
    void readsEveryValueAsATreeReadOfTheSameOrderWould() {
        String[] values = {"7", "-7", "0", "9223372036854775807", "9223372036854775808", "1.0", "1e2", "\"12\"",
            "\" 12 \"", "\"0012\"", "\"1234567890123456789\"", "\"-1\"", "\"\"", "\"  \"", "\"a\"", "null", "true",
            "[1]", "{\"x\":1}", "\"\\u0661\""};
        for (String value : values) {
            String order = "{\"increment_id\":" + value + ",\"store_id\":" + value + ",\"entity_id\":" + value
                    + ",\"updated_at\":" + value + "}";
            OrderFields streamed = WebhookBodyReader.read(b("{\"data\":{\"order\":" + order + "}}")).order();
            assertThat(streamed).as(value).isEqualTo(OrderFields.of(tree(order)));
        }
    }

    @Test
    void aMissingOrNonObjectOrderOrANonTextEventNameReadsAsAbsent() {
        assertThat(WebhookBodyReader.read(b("{\"eventName\":7,\"data\":{\"order\":[1]}}")))
                .isEqualTo(new WebhookBodyReader.Webhook(null, null));
        assertThat(WebhookBodyReader.read(b("{\"eventName\":\"  \",\"data\":\"order\"}")))
                .isEqualTo(new WebhookBodyReader.Webhook(null, null));
        assertThat(WebhookBodyReader.read(b("{\"eventName\":{\"a\":1},\"order\":{\"entity_id\":1}}")))
                .isEqualTo(new WebhookBodyReader.Webhook(null, null));
    }

    @Test
    void duplicateKeysAreMalformedEvenInPartsThatAreSkipped() {
        for (String body : new String[] {
            "{\"eventName\":\"a\",\"eventName\":\"b\"}",
            "{\"data\":{\"order\":{\"entity_id\":1,\"entity_id\":2}}}",
            "{\"data\":{\"order\":{\"items\":[{\"sku\":\"a\",\"sku\":\"b\"}]}}}",
            "{\"meta\":{\"x\":1,\"x\":2},\"eventName\":\"observer.sales_order_save_after\"}",
            "{\"data\":{\"order\":{}},\"data\":{\"order\":{}}}"}) {
            assertThatThrownBy(() -> WebhookBodyReader.read(b(body))).as(body)
                    .isInstanceOfSatisfying(IntakeRejection.class, r -> assertThat(r.status()).isEqualTo(400))
                    .hasMessage("body is not well-formed JSON");
        }
    }

    @Test
    void malformedTrailingOrUnclosedContentIsRefusedBeforeTheShapeIsJudged() {
        for (String body : new String[] {"{} x", "{}{}", "{\"a\":1", "{\"a\":[1,}", "[1,2", "{\"a\":'x'}", "\"a\" 1"}) {
            assertThatThrownBy(() -> WebhookBodyReader.read(b(body))).as(body)
                    .hasMessage("body is not well-formed JSON");
        }
        for (String body : new String[] {"[]", "\"text\"", "12", "null"}) {
            assertThatThrownBy(() -> WebhookBodyReader.read(b(body))).as(body)
                    .hasMessage("webhook body must be a JSON object");
        }
        for (String body : new String[] {"", "   \n"}) {
            assertThatThrownBy(() -> WebhookBodyReader.read(b(body))).as(body).hasMessage("body is empty");
        }
        assertThatThrownBy(() -> WebhookBodyReader.read(null)).hasMessage("body is empty");
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
