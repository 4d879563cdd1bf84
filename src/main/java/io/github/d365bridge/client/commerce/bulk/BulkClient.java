package io.github.d365bridge.client.commerce.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.client.commerce.CommerceHttp;
import io.github.d365bridge.client.commerce.CommerceRequest;
import io.github.d365bridge.client.commerce.catalog.Product;
import io.github.d365bridge.client.commerce.customer.Customer;
import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;

/**
 * Commerce's asynchronous bulk API: submit an array of sync bodies to
 * {@code /rest/<store>/async/bulk/V1/<route>} (path parameters as {@code by<Param>} segments), then poll
 * {@code /V1/bulk/{uuid}/detailed-status} with backoff until every operation left "open" or the deadline
 * passed. Open operations at the deadline are reported as open, never as done.
 */
public final class BulkClient {

    /** Commerce caps async request arrays at 5,000 entries when input limits are on. */
    public static final int MAX_ENTRIES = 5_000;

    private final CommerceHttp http;
    private final String store;
    private final Clock clock;
    private final Duration initialDelay;
    private final Duration maxDelay;

    public BulkClient(CommerceHttp http, String store, Clock clock, Duration initialDelay, Duration maxDelay) {
        this.http = http;
        this.store = store;
        this.clock = clock;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    /**
     * Submits {@code entries} with {@code method} to {@code route} (below {@code async/bulk/V1}, e.g.
     * {@code products/bySku}). Items Commerce rejects at once come back as {@code REJECTED}.
     */
    public BulkSubmission submit(String method, String route, List<BulkEntry> entries) {
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("A bulk needs 1-" + MAX_ENTRIES + " entries, got " + entries.size());
        }
        List<Object> bodies = entries.stream().map(BulkEntry::body).toList();
        String record = entries.size() + " entries from " + entries.get(0).recordKey();
        return http.execute(CommerceRequest.of(method, store, route, "bulk.submit " + method + " " + route).bulk()
                .record(record).json(bodies), json -> BulkAnswers.submission(json, route, entries));
    }

    /** {@code PUT /async/bulk/V1/products/bySku} with {@code [{"sku","product"}]}, in the global scope. */
    public static List<BulkEntry> productSaves(List<Product> products) {
        return products.stream().map(p -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sku", p.sku());
            body.put("product", p);
            body.put("saveOptions", true);
            return new BulkEntry(p.sku(), body);
        }).toList();
    }

    /**
     * {@code POST /async/bulk/V1/customers} with {@code [{"customer":{…}}]}, one entry per customer keyed
     * by its e-mail. Customers are created without a password (Commerce then mails a set-password link
     * when the store is configured to).
     */
    public static List<BulkEntry> customerCreates(List<Customer> customers) {
        return customers.stream().map(c -> {
            if (c.id() != null) {
                throw new IllegalArgumentException("A customer to create has no id yet: " + c.email());
            }
            return new BulkEntry(c.email(), Map.of("customer", c));
        }).toList();
    }

    /**
     * {@code PUT /async/bulk/V1/customers/byCustomerId} with {@code [{"customerId":…,"customer":{…}}]}:
     * each customer must carry its id. Commerce's update needs e-mail, first and last name in every
     * body; fields left out keep their values.
     */
    public static List<BulkEntry> customerUpdates(List<Customer> customers) {
        return customers.stream().map(c -> {
            if (c.id() == null) {
                throw new IllegalArgumentException("A customer to update needs its Commerce id: " + c.email());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("customerId", c.id());
            body.put("customer", c);
            return new BulkEntry(c.email() == null ? "customer " + c.id() : c.email(), body);
        }).toList();
    }

    /** The current state of every entry (one status call). */
    public BulkReport status(BulkSubmission submission) {
        return new BulkReport(submission.bulkUuid(), fetch(submission), false);
    }

    /**
     * Polls until no entry is open or {@code timeout} has passed, waiting {@code initialDelay}, doubling
     * up to {@code maxDelay} between polls.
     */
    public BulkReport awaitCompletion(BulkSubmission submission, Duration timeout) {
        if (!submission.hasQueuedItems()) {
            return new BulkReport(submission.bulkUuid(), submission.items(), false);
        }
        Instant deadline = clock.instant().plus(timeout);
        Duration delay = initialDelay;
        while (true) {
            BulkReport report = status(submission);
            if (report.isFinished()) {
                return report;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return new BulkReport(submission.bulkUuid(), report.outcomes(), true);
            }
            sleep(delay.compareTo(left) < 0 ? delay : left);
            delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
        }
    }

    private List<BulkOutcome> fetch(BulkSubmission submission) {
        return http.execute(CommerceRequest.of("GET", store,
                CommerceRequest.path("bulk/{}/detailed-status", submission.bulkUuid()), "bulk.status")
                .record("bulk " + submission.bulkUuid()), json -> BulkAnswers.detailedStatus(json, submission));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeException(ExternalSystem.COMMERCE, "Interrupted while waiting for a Commerce bulk", e);
        }
    }
}
