package io.github.d365bridge.sandbox.d365.events;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.sandbox.d365.SandboxHttp;

/** Invoicing an order creates the invoice row and pushes SalesInvoicePostedBusinessEvent with D365's retries. */
class BusinessEventsTest {

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/api/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 202;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private D365Sandbox sandbox(D365SandboxOptions.Builder options) {
        return D365Sandbox.start(options.businessEventUrl(URI.create("http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/api/events?code=url-key")).build());
    }

    private static String createOrder(SandboxHttp http, String reference) {
        HttpResponse<String> order = http.post("/data/SalesOrderHeadersV2", "{\"OrderingCustomerAccountNumber\":\"US-000005\","
                + "\"CustomersOrderReference\":\"" + reference + "\"}");
        assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
        String number = json(order.body()).get("SalesOrderNumber").asText();
        assertThat(http.post("/data/SalesOrderLinesV3", "{\"SalesOrderNumber\":\"" + number
                + "\",\"ItemNumber\":\"P000002\",\"OrderedSalesQuantity\":2,\"SalesPrice\":50}").statusCode()).isEqualTo(201);
        return number;
    }

    @Test
    void invoicingThroughTheControlEndpointPublishesTheEnvelope() {
        try (D365Sandbox sandbox = sandbox(SandboxHttp.options())) {
            SandboxHttp http = new SandboxHttp(sandbox);
            String number = createOrder(http, "evt-1");
            HttpResponse<String> invoiced = http.control("POST", "/_sandbox/invoice",
                    "{\"dataAreaId\":\"usmf\",\"salesOrderNumber\":\"" + number + "\"}");
            assertThat(invoiced.statusCode()).as(invoiced.body()).isEqualTo(201);
            String invoiceNumber = json(invoiced.body()).get("InvoiceNumber").asText();
            assertThat(invoiceNumber).startsWith("CIV-");
            JsonNode invoiceRows = json(http.get("/data/SalesInvoiceHeadersV2?$filter=SalesOrderNumber eq '" + number + "'").body())
                    .get("value");
            assertThat(invoiceRows).hasSize(1);
            assertThat(invoiceRows.get(0).get("TotalInvoiceAmount").decimalValue()).isEqualByComparingTo("100");
            assertThat(invoiceRows.get(0).get("CustomersOrderReference").asText()).isEqualTo("evt-1");
            assertThat(json(http.get("/data/SalesOrderHeadersV2(dataAreaId='usmf',SalesOrderNumber='" + number + "')").body())
                    .get("SalesOrderStatus").asText()).isEqualTo("Invoiced");

            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            JsonNode event = json(received.get(0));
            for (String field : List.of("BusinessEventId", "BusinessEventLegalEntity", "ControlNumber", "EventId", "EventTime",
                    "EventTimeIso8601", "InitiatingUserAADObjectId", "MajorVersion", "MinorVersion", "ContextRecordSubject",
                    "ParentContextRecordSubjects", "InvoiceAccount", "InvoiceId", "SalesOrderId", "InvoiceDate",
                    "InvoiceDueDate", "InvoiceAmountInAccountingCurrency", "InvoiceTaxAmount", "LegalEntity")) {
                assertThat(event.has(field)).as(field).isTrue();
            }
            assertThat(event.get("BusinessEventId").asText()).isEqualTo("SalesInvoicePostedBusinessEvent");
            assertThat(event.get("InvoiceId").asText()).isEqualTo(invoiceNumber);
            assertThat(event.get("SalesOrderId").asText()).isEqualTo(number);
            assertThat(event.get("InvoiceAccount").asText()).isEqualTo("US-000005");
            assertThat(event.get("EventTime").asText()).matches("/Date\\(\\d+\\)/");
            assertThat(event.get("ControlNumber").isIntegralNumber()).isTrue();
            assertThat(http.control("POST", "/_sandbox/invoice", "{\"dataAreaId\":\"usmf\",\"salesOrderNumber\":\"" + number
                    + "\"}").statusCode()).as("already invoiced").isEqualTo(409);
        }
    }

    @Test
    void failedDeliveriesAreRetriedThreeTimesThenDropped() {
        try (D365Sandbox sandbox = sandbox(SandboxHttp.options())) {
            SandboxHttp http = new SandboxHttp(sandbox);
            failuresLeft.set(2);
            sandbox.invoice("usmf", createOrder(http, "evt-retry"));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
            assertThat(sandbox.eventDeliveries()).extracting(BusinessEventPublisher.Attempt::status).containsExactly(500, 500, 202);

            failuresLeft.set(100);
            received.clear();
            sandbox.invoice("usmf", createOrder(http, "evt-dropped"));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 4);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> received.size() == 4);
            assertThat(json(received.get(0)).get("EventId").asText()).isEqualTo(json(received.get(3)).get("EventId").asText());
        }
    }

    @Test
    void ordersAreInvoicedAutomaticallyAfterTheConfiguredDelay() {
        try (D365Sandbox sandbox = sandbox(SandboxHttp.options().autoInvoiceDelay(Duration.ofMillis(200)))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            String number = createOrder(http, "evt-auto");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            assertThat(json(received.get(0)).get("SalesOrderId").asText()).isEqualTo(number);
            assertThat(sandbox.data().rows("SalesInvoiceHeadersV2", r -> number.equals(r.get("SalesOrderNumber")))).hasSize(1);
        }
    }
}
