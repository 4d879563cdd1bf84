package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.github.d365bridge.sandbox.commerce.orders.Delivery;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;

/**
 * Webhook deliveries in flight at once, as configured: a receiver that holds every request until
 * {@code gate} of them are in flight (or a timeout passes) counts the most it ever saw at once.
 */
class ParallelDeliveryTest {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final ExecutorService receiverThreads = Executors.newFixedThreadPool(16);
    private HttpServer receiver;
    private CommerceSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        receiverThreads.shutdownNow();
    }

    @Test
    void aConcurrencyOfFourHasFourWebhooksInFlightAndDeliversEveryOrderOnce() throws IOException {
        CountDownLatch fourInFlight = start(4, Duration.ofSeconds(5));
        sandbox = CommerceSandbox.start(options().deliveryConcurrency(4).build());

        List<ObjectNode> placed = sandbox.orders().place(12, OrderKind.MIXED, false, webhooksOnly());

        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.orders().pendingDeliveries() == 0);
        assertThat(fourInFlight.getCount()).as("four deliveries were in flight at one moment").isZero();
        assertThat(mostAtOnce.get()).as("never more than the configured concurrency").isEqualTo(4);
        assertThat(sandbox.orders().deliveries()).extracting(Delivery::status).containsOnly(200);
        assertThat(sandbox.orders().deliveries()).extracting(Delivery::orderId)
                .containsExactlyInAnyOrderElementsOf(placed.stream().map(o -> o.get("entity_id").asInt()).toList());
    }

    @Test
    void byDefaultOneWebhookAtATimeInThePlannedOrder() throws IOException {
        start(2, Duration.ofMillis(300));
        sandbox = CommerceSandbox.start(options().build());

        List<ObjectNode> placed = sandbox.orders().place(3, OrderKind.MIXED, false, webhooksOnly());

        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.orders().pendingDeliveries() == 0);
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(sandbox.orders().deliveries()).extracting(Delivery::orderId)
                .containsExactlyElementsOf(placed.stream().map(o -> o.get("entity_id").asInt()).toList());
    }

    @Test
    void aConcurrencyOutsideOneToSixtyFourIsRefused() {
        assertThatThrownBy(() -> CommerceSandboxOptions.builder().deliveryConcurrency(0).build())
                .hasMessageContaining("deliveryConcurrency");
        assertThatThrownBy(() -> CommerceSandboxOptions.builder()
                .deliveryConcurrency(CommerceSandboxOptions.MAX_DELIVERY_CONCURRENCY + 1).build())
                .hasMessageContaining("deliveryConcurrency");
    }

    /** The receiver; its latch opens once {@code gate} requests were in flight together. */
    private CountDownLatch start(int gate, Duration hold) throws IOException {
        CountDownLatch gathered = new CountDownLatch(1);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/", exchange -> {
            int now = inFlight.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            if (now >= gate) {
                gathered.countDown();
            }
            try {
                exchange.getRequestBody().readAllBytes();
                gathered.await(hold.toMillis(), TimeUnit.MILLISECONDS);
                inFlight.decrementAndGet();
                byte[] ok = "{\"op\":\"success\"}".getBytes();
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        receiver.start();
        return gathered;
    }

    private CommerceSandboxOptions.Builder options() {
        return CommerceSandboxOptions.builder().seed(11)
                .webhookUrl(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook"));
    }

    private static DeliveryPolicy webhooksOnly() {
        return new DeliveryPolicy(1, false, 0, true, false);
    }
}
