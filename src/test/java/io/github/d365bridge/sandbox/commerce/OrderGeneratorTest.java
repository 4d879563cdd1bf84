package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.github.d365bridge.client.commerce.webhook.AdobeIoKeyFetcher;
import io.github.d365bridge.client.commerce.webhook.CommerceWebhookVerifier;
import io.github.d365bridge.client.commerce.webhook.IoEventsVerifier;
import io.github.d365bridge.client.commerce.webhook.RequestHeaders;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;
import io.github.d365bridge.ground.Json;

class OrderGeneratorTest {

    record Received(String path, Map<String, String> headers, byte[] body) {
        JsonNode json() throws IOException {
            return Json.mapper().readTree(body);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer intake;
    private CommerceSandbox sandbox;

    @BeforeEach
    void startIntake() throws IOException {
        intake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        intake.createContext("/", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            received.add(new Received(exchange.getRequestURI().getPath(), headers, exchange.getRequestBody().readAllBytes()));
            byte[] ok = "{\"op\":\"success\"}".getBytes();
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        intake.start();
        URI base = URI.create("http://127.0.0.1:" + intake.getAddress().getPort());
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seed(7)
                .webhookUrl(base.resolve("/webhook")).ioEventsUrl(base.resolve("/io")).build());
    }

    @AfterEach
    void stop() {
        sandbox.close();
        intake.stop(0);
    }

    private List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Test
    void ordersHaveCommerceShapesForConfigurableCompanyAndGuestBuyers() {
        ObjectNode configurable = sandbox.orders().place(1, OrderKind.COMPANY, true, new DeliveryPolicy(1, false, 100, false, false)).get(0);
        JsonNode parent = configurable.get("items").get(0);
        JsonNode child = configurable.get("items").get(1);
        assertThat(parent.get("product_type").asText()).isEqualTo("configurable");
        assertThat(child.get("parent_item_id").asInt()).isEqualTo(parent.get("item_id").asInt());
        assertThat(child.get("sku").asText()).isEqualTo(parent.get("sku").asText());
        assertThat(child.get("price").asDouble()).isZero();
        assertThat(configurable.at("/extension_attributes/company_order_attributes/company_id").asInt()).isPositive();
        assertThat(configurable.at("/extension_attributes/shipping_assignments/0/shipping/method").asText()).isNotBlank();
        assertThat(configurable.at("/billing_address/address_type").asText()).isEqualTo("billing");
        assertThat(configurable.get("customer_is_guest").asInt()).isZero();

        ObjectNode guest = sandbox.orders().place(1, OrderKind.GUEST, false, new DeliveryPolicy(1, false, 100, false, false)).get(0);
        assertThat(guest.get("customer_is_guest").asInt()).isEqualTo(1);
        assertThat(guest.has("customer_id")).isFalse();
        assertThat(guest.get("customer_group_id").asInt()).isZero();
        double expected = guest.get("subtotal").asDouble() + guest.get("discount_amount").asDouble()
                + guest.get("tax_amount").asDouble() + guest.get("shipping_amount").asDouble();
        assertThat(guest.get("grand_total").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.011));

        try (CommerceSandbox twin = CommerceSandbox.start(CommerceSandboxOptions.builder().seed(7).build())) {
            ObjectNode same = twin.orders().place(1, OrderKind.COMPANY, true, new DeliveryPolicy(1, false, 100, false, false)).get(0);
            assertThat(same.get("items").get(0).get("sku")).isEqualTo(parent.get("sku"));
            assertThat(same.get("grand_total")).isEqualTo(configurable.get("grand_total"));
        }
    }

    @Test
    void webhooksAndIoEventsVerifyWithTheProjectsOwnVerifiers() throws IOException {
        sandbox.orders().place(2, OrderKind.MIXED, false, DeliveryPolicy.once());
        await().atMost(Duration.ofSeconds(20)).until(() -> at("/webhook").size() == 2 && at("/io").size() == 2);

        CommerceWebhookVerifier webhooks = CommerceWebhookVerifier.fromPem(sandbox.publicKeys().get("/webhook/public-key.pem"));
        for (Received hook : at("/webhook")) {
            assertThat(webhooks.verify(RequestHeaders.of(hook.headers()), hook.body()).valid()).isTrue();
            assertThat(hook.json().get("eventName").asText()).isEqualTo("observer.sales_order_save_after");
            assertThat(hook.json().at("/data/order/increment_id").asText()).isNotBlank();
        }
        AdobeIoKeyFetcher keys = new AdobeIoKeyFetcher(HttpClient.newHttpClient(), sandbox.ioEventsKeyBase(),
                Set.of("127.0.0.1"), Duration.ofSeconds(3));
        IoEventsVerifier events = new IoEventsVerifier(keys, sandbox.options().ioEventsClientId());
        for (Received event : at("/io")) {
            assertThat(events.verify(RequestHeaders.of(event.headers()), event.body()).valid()).isTrue();
            assertThat(event.json().get("type").asText()).isEqualTo("com.adobe.commerce.observer.sales_order_save_after");
            assertThat(event.json().at("/data/value/entity_id").asInt()).isPositive();
        }
        Received tampered = at("/io").get(0);
        byte[] body = new String(tampered.body()).replace("\"state\":\"new\"", "\"state\":\"old\"").getBytes();
        assertThat(events.verify(RequestHeaders.of(tampered.headers()), body).valid()).isFalse();
        assertThat(new IoEventsVerifier(keys, "someone-else").verify(RequestHeaders.of(tampered.headers()), tampered.body()).valid())
                .isFalse();
    }

    @Test
    void duplicatesOutOfOrderAndNeverDeliveredOrders() throws IOException {
        List<ObjectNode> placed = sandbox.orders().place(6, OrderKind.MIXED, false, new DeliveryPolicy(3, true, 0, false, true));
        await().atMost(Duration.ofSeconds(20)).until(() -> at("/io").size() == 18);
        Map<String, Integer> perEvent = new HashMap<>();
        List<Integer> sequence = new java.util.ArrayList<>();
        for (Received event : at("/io")) {
            perEvent.merge(event.json().get("event_id").asText(), 1, Integer::sum);
            sequence.add(event.json().at("/data/value/entity_id").asInt());
        }
        assertThat(perEvent).hasSize(6).allSatisfy((id, count) -> assertThat(count).isEqualTo(3));
        assertThat(sequence).isNotEqualTo(sequence.stream().sorted().toList());
        assertThat(at("/io")).anySatisfy(r -> assertThat(r.headers()).containsKey("X-adobe-retry-count"));

        received.clear();
        List<ObjectNode> silent = sandbox.orders().place(3, OrderKind.GUEST, false, new DeliveryPolicy(1, false, 100, true, true));
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.orders().pendingDeliveries() == 0);
        assertThat(received).isEmpty();
        SandboxClient client = new SandboxClient(sandbox);
        assertThat(client.get("/rest/V1/orders/" + silent.get(2).get("entity_id").asInt()).status()).isEqualTo(200);
        assertThat(placed).hasSize(6);
    }
}
