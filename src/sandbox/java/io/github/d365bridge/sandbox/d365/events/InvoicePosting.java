package io.github.d365bridge.sandbox.d365.events;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.d365bridge.sandbox.d365.D365SandboxData;
import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.store.NumberSequences.Purpose;

/**
 * Posts the invoice of a sandbox sales order: a {@code SalesInvoiceHeadersV2} row, the order and its
 * lines set to Invoiced, and a {@code SalesInvoicePostedBusinessEvent} with every envelope field.
 * Tax is zero (the sandbox has no tax setup); the due date is 30 days after the invoice date.
 */
public final class InvoicePosting implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final D365SandboxData data;
    private final BusinessEventPublisher publisher;
    private final Clock clock;
    private final AtomicLong controlNumber = new AtomicLong(5_637_146_000L);
    private final String initiatingUser = UUID.randomUUID().toString();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "d365-sandbox-invoicing");
        thread.setDaemon(true);
        return thread;
    });

    public InvoicePosting(D365SandboxData data, BusinessEventPublisher publisher, Clock clock) {
        this.data = data;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Invoices the order later (automatic invoicing after a configured delay). */
    public void invoiceLater(String company, String salesOrderNumber, long delayMillis) {
        timer.schedule(() -> {
            try {
                invoice(company, salesOrderNumber);
            } catch (IllegalArgumentException | IllegalStateException ignored) {
                // the order went away or was invoiced meanwhile
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Invoices an order now; answers the invoice row. */
    public synchronized Map<String, Object> invoice(String company, String salesOrderNumber) {
        String headers = EntityCatalog.SALES_ORDER_HEADERS.setName();
        Map<String, Object> order = data.find(headers, company, salesOrderNumber)
                .orElseThrow(() -> new IllegalArgumentException("no sales order " + salesOrderNumber + " in " + company));
        if ("Invoiced".equals(order.get("SalesOrderStatus"))) {
            throw new IllegalStateException("sales order " + salesOrderNumber + " is already invoiced");
        }
        String le = (String) order.get("dataAreaId");
        Instant now = clock.instant();
        LocalDate date = now.atOffset(ZoneOffset.UTC).toLocalDate();
        BigDecimal amount = (BigDecimal) order.get("OrderTotalAmount");
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("dataAreaId", le);
        invoice.put("InvoiceNumber", data.sequences().next(Purpose.INVOICE, le));
        invoice.put("InvoiceDate", date);
        invoice.put("SalesOrderNumber", order.get("SalesOrderNumber"));
        invoice.put("InvoiceCustomerAccountNumber", order.get("InvoiceCustomerAccountNumber"));
        invoice.put("CurrencyCode", order.get("CurrencyCode"));
        invoice.put("TotalInvoiceAmount", amount);
        invoice.put("TotalTaxAmount", BigDecimal.ZERO);
        invoice.put("TotalChargeAmount", order.get("OrderTotalChargesAmount"));
        invoice.put("TotalDiscountAmount", order.get("OrderTotalDiscountAmount"));
        invoice.put("CustomersOrderReference", order.get("CustomersOrderReference"));
        invoice.put("LedgerVoucher", data.sequences().next(Purpose.VOUCHER, le));
        data.insert(EntityCatalog.SALES_INVOICE_HEADERS.setName(), invoice);
        markInvoiced(order);
        publish(invoice, now, date);
        return invoice;
    }

    private void markInvoiced(Map<String, Object> order) {
        Map<String, Object> updated = new LinkedHashMap<>(order);
        updated.put("SalesOrderStatus", "Invoiced");
        updated.put("SalesOrderProcessingStatus", "Invoiced");
        data.table(EntityCatalog.SALES_ORDER_HEADERS.setName()).replace(updated);
        String lines = EntityCatalog.SALES_ORDER_LINES.setName();
        List<Map<String, Object>> orderLines = data.rows(lines, l -> order.get("dataAreaId").equals(l.get("dataAreaId"))
                && order.get("SalesOrderNumber").equals(l.get("SalesOrderNumber")));
        for (Map<String, Object> line : orderLines) {
            Map<String, Object> invoicedLine = new LinkedHashMap<>(line);
            invoicedLine.put("SalesOrderLineStatus", "Invoiced");
            data.table(lines).replace(invoicedLine);
        }
    }

    private void publish(Map<String, Object> invoice, Instant now, LocalDate date) {
        String le = ((String) invoice.get("dataAreaId")).toUpperCase(Locale.ROOT);
        String eventId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("BusinessEventId", "SalesInvoicePostedBusinessEvent");
        event.put("BusinessEventLegalEntity", le);
        // increasing with gaps, as D365's shared sequence is also used by other events
        event.put("ControlNumber", controlNumber.addAndGet(1 + (now.getNano() / 1000) % 7));
        event.put("EventId", eventId);
        event.put("EventTime", "/Date(" + now.toEpochMilli() + ")/");
        event.put("EventTimeIso8601", now.toString());
        event.put("InitiatingUserAADObjectId", "{" + initiatingUser.toUpperCase(Locale.ROOT) + "}");
        event.put("MajorVersion", 0);
        event.put("MinorVersion", 0);
        event.put("ContextRecordSubject", "");
        event.put("ParentContextRecordSubjects", List.of());
        event.put("InvoiceAccount", invoice.get("InvoiceCustomerAccountNumber"));
        event.put("InvoiceAmountInAccountingCurrency", invoice.get("TotalInvoiceAmount"));
        event.put("InvoiceDate", "/Date(" + date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() + ")/");
        event.put("InvoiceDueDate", "/Date(" + date.plusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() + ")/");
        event.put("InvoiceId", invoice.get("InvoiceNumber"));
        event.put("InvoiceTaxAmount", invoice.get("TotalTaxAmount"));
        event.put("LegalEntity", le);
        event.put("SalesOrderId", invoice.get("SalesOrderNumber"));
        try {
            publisher.publish(eventId, MAPPER.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
