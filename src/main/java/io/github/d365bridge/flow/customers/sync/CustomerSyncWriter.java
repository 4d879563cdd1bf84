package io.github.d365bridge.flow.customers.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.bulk.BulkEntry;
import io.github.d365bridge.client.commerce.bulk.BulkOperationStatus;
import io.github.d365bridge.client.commerce.bulk.BulkOutcome;
import io.github.d365bridge.client.commerce.bulk.BulkReport;
import io.github.d365bridge.client.commerce.bulk.BulkSubmission;
import io.github.d365bridge.client.commerce.company.Company;
import io.github.d365bridge.client.commerce.company.CompanyCredit;
import io.github.d365bridge.client.commerce.customer.Customer;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.flow.customers.CrossReferenceSource;
import io.github.d365bridge.flow.customers.CustomerCrossReference;
import io.github.d365bridge.flow.orders.mapping.CustomerReference;
import io.github.d365bridge.flow.sync.SyncWriter;
import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ErrorClassifier;
import io.github.d365bridge.ground.Json;

/**
 * Writes customers and B2B companies to Commerce: persons of a page with many writes through the async bulk
 * API ({@link BulkOptions}), the rest one record at a time, several in parallel (a company needs its super
 * user's id first, and Commerce's bulk answers no ids). Each write is idempotent: a record with a known id is
 * updated; one without is looked up first (customer by e-mail on its website, company by company e-mail) and
 * adopted if Commerce has it, created only if not, and adopted if the create meets one made meanwhile (a lost
 * answer, a parallel run). Every written customer or company goes into the customer cross-reference (source
 * {@code sync}), so orders from it are booked on its D365 account.
 * <p>
 * Commerce refusing a record (4xx: a duplicate e-mail on another account, a missing field) fails that record
 * alone with Commerce's message. A failure that may pass (an outage after the client's retries) is thrown, so
 * the page step is delivered again rather than failing every record of it.
 */
public final class CustomerSyncWriter implements SyncWriter {

    /** E-mails per search: an {@code in} filter of 50 addresses stays well inside URL limits. */
    private static final int SEARCH_BATCH = 50;
    private static final Logger LOG = Logger.getLogger(CustomerSyncWriter.class);

    private final CommerceClient commerce;
    private final CustomerCrossReference crossReference;
    private final int concurrency;
    private final BulkOptions bulk;

    /**
     * When persons go through Commerce's async bulk API instead of one call each.
     *
     * @param threshold a page with at least this many customer writes uses bulks (0: never)
     * @param size      entries per bulk
     * @param maxWait   how long a step waits for its bulks; operations still open then count as failed (a bulk
     *                  that stays open means the {@code async.operations.all} consumer is not running) and are
     *                  tried again by the next run, which adopts what the consumer created meanwhile
     */
    public record BulkOptions(int threshold, int size, Duration maxWait) {
        public static final BulkOptions NEVER = new BulkOptions(0, 1, Duration.ZERO);
    }

    public CustomerSyncWriter(CommerceClient commerce, CustomerCrossReference crossReference, int concurrency) {
        this(commerce, crossReference, concurrency, BulkOptions.NEVER);
    }

    public CustomerSyncWriter(CommerceClient commerce, CustomerCrossReference crossReference, int concurrency,
            BulkOptions bulk) {
        this.commerce = commerce;
        this.crossReference = crossReference;
        this.concurrency = Math.max(1, concurrency);
        this.bulk = bulk;
    }

    @Override
    public List<Result> write(List<Pending> all) {
        Known known = prefetch(all);
        List<Pending> persons = all.stream().filter(p -> !CustomerSyncMapper.COMPANY.equals(p.record().type())).toList();
        if (bulk.threshold() <= 0 || persons.size() < bulk.threshold()) {
            return writeEach(all, known);
        }
        List<Result> results = new ArrayList<>(writeInBulks(persons, known));
        results.addAll(writeEach(all.stream().filter(p -> CustomerSyncMapper.COMPANY.equals(p.record().type())).toList(),
                known));
        return results;
    }

    private List<Result> writeEach(List<Pending> pending, Known known) {
        if (pending.isEmpty()) {
            return List.of();
        }
        if (pending.size() == 1 || concurrency == 1) {
            return pending.stream().map(p -> writeOne(p, known)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, pending.size()), r -> {
            Thread t = new Thread(r, "customer-sync-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (Pending p : pending) {
                futures.add(pool.submit(() -> writeOne(p, known)));
            }
            List<Result> results = new ArrayList<>();
            RuntimeException passing = null;
            for (Future<Result> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    passing = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while writing customers", e);
                }
            }
            if (passing != null) {
                throw passing; // the step is repeated; what was written is adopted then
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Customers (by website and e-mail) and companies (by e-mail) Commerce has already, for a page at once. */
    private record Known(Map<String, Long> customers, Map<String, Long> companies) {

        static final Known NONE = new Known(Map.of(), Map.of());

        Optional<Long> customer(Integer websiteId, String email) {
            return Optional.ofNullable(customers.get(websiteId + "|" + email.toLowerCase(Locale.ROOT)));
        }

        Optional<Long> company(String email) {
            return Optional.ofNullable(companies.get(email.toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * One search per {@value #SEARCH_BATCH} e-mails ({@code in}) instead of one per record: a first run against
     * a store adopts what it has, and a run of new records learns there is nothing to adopt, at a fraction of the
     * calls. Records with a Commerce id from an earlier run need no search.
     */
    private Known prefetch(List<Pending> pending) {
        if (pending.isEmpty()) {
            return Known.NONE;
        }
        Map<Integer, List<String>> customerEmails = new HashMap<>();
        List<String> companyEmails = new ArrayList<>();
        for (Pending p : pending) {
            ObjectNode payload = p.record().payload();
            if (CustomerSyncMapper.COMPANY.equals(p.record().type())) {
                customerEmails.computeIfAbsent(payload.at("/superUser/website_id").asInt(), w -> new ArrayList<>())
                        .add(payload.at("/superUser/email").asText());
                if (TargetId.parse(p.targetId(), CustomerReference.Kind.COMPANY).isEmpty()) {
                    companyEmails.add(payload.at("/company/company_email").asText());
                }
            } else if (TargetId.parse(p.targetId(), CustomerReference.Kind.CUSTOMER).isEmpty()) {
                customerEmails.computeIfAbsent(payload.path("website_id").asInt(), w -> new ArrayList<>())
                        .add(payload.path("email").asText());
            }
        }
        Map<String, Long> customers = new HashMap<>();
        customerEmails.forEach((website, emails) -> {
            for (List<String> batch : batches(emails)) {
                SearchCriteria criteria = SearchCriteria.builder().where(Filter.in("email", batch))
                        .where(Filter.eq("website_id", String.valueOf(website))).pageSize(SearchCriteria.MAX_PAGE_SIZE)
                        .build();
                commerce.customers().search(criteria).forEach(c -> customers.put(website + "|"
                        + c.email().toLowerCase(Locale.ROOT), c.id()));
            }
        });
        Map<String, Long> companies = new HashMap<>();
        for (List<String> batch : batches(companyEmails)) {
            SearchCriteria criteria = SearchCriteria.builder().where(Filter.in("company_email", batch))
                    .pageSize(SearchCriteria.MAX_PAGE_SIZE).build();
            commerce.companies().search(criteria).forEach(c -> companies.put(c.companyEmail().toLowerCase(Locale.ROOT),
                    c.id()));
        }
        return new Known(customers, companies);
    }

    private static List<List<String>> batches(List<String> values) {
        List<String> distinct = values.stream().distinct().toList();
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += SEARCH_BATCH) {
            batches.add(distinct.subList(from, Math.min(distinct.size(), from + SEARCH_BATCH)));
        }
        return batches;
    }

    /**
     * Persons through {@code POST async/bulk/V1/customers} (new) and {@code PUT …/customers/byCustomerId} (known),
     * {@code size} a bulk. Each operation's status maps back to its record: complete ones are confirmed (new ids
     * found by one e-mail search per 50), failed ones fail their record with Commerce's message, except a create
     * Commerce refused because the e-mail exists (made meanwhile), which is adopted by one call. Operations still
     * open after {@code maxWait} fail as a stale bulk.
     */
    private List<Result> writeInBulks(List<Pending> persons, Known known) {
        List<Pending> creates = new ArrayList<>();
        List<Pending> updates = new ArrayList<>();
        Map<Pending, Long> ids = new java.util.IdentityHashMap<>();
        for (Pending p : persons) {
            Customer c = customerOf(p.record().payload());
            Optional<Long> id = TargetId.parse(p.targetId(), CustomerReference.Kind.CUSTOMER)
                    .or(() -> known.customer(c.websiteId(), c.email()));
            id.ifPresentOrElse(value -> {
                ids.put(p, value);
                updates.add(p);
            }, () -> creates.add(p));
        }
        List<Result> results = new ArrayList<>();
        Map<Pending, Result> failures = new java.util.IdentityHashMap<>();
        List<Pending> created = new ArrayList<>();
        List<Pending> adoptAlone = new ArrayList<>();
        for (List<Pending> chunk : chunks(creates)) {
            List<BulkEntry> entries = chunk.stream().map(p -> new BulkEntry(p.record().key(),
                    Map.of("customer", customerOf(p.record().payload())))).toList();
            BulkReport report = run("POST", "customers", entries);
            for (BulkOutcome outcome : report.outcomes()) {
                Pending p = chunk.get(outcome.index());
                if (outcome.status() == BulkOperationStatus.COMPLETE) {
                    created.add(p);
                } else if (outcome.message() != null && outcome.message().contains("same email address already exists")) {
                    adoptAlone.add(p);
                } else {
                    failures.put(p, bulkFailure(p, report, outcome));
                }
            }
        }
        for (List<Pending> chunk : chunks(updates)) {
            List<BulkEntry> entries = chunk.stream().map(p -> {
                Map<String, Object> body = new java.util.LinkedHashMap<>();
                body.put("customerId", ids.get(p));
                body.put("customer", customerOf(p.record().payload()).withId(ids.get(p)));
                return new BulkEntry(p.record().key(), body);
            }).toList();
            BulkReport report = run("PUT", "customers/byCustomerId", entries);
            for (BulkOutcome outcome : report.outcomes()) {
                Pending p = chunk.get(outcome.index());
                if (outcome.status() == BulkOperationStatus.COMPLETE) {
                    boolean adopted = p.targetId().isEmpty();
                    link(p, CustomerReference.Kind.CUSTOMER, ids.get(p));
                    results.add(Result.written(p, TargetId.of(CustomerReference.Kind.CUSTOMER, ids.get(p)), adopted));
                } else {
                    failures.put(p, bulkFailure(p, report, outcome));
                }
            }
        }
        Known after = prefetch(created);
        for (Pending p : created) {
            Customer c = customerOf(p.record().payload());
            Optional<Long> id = after.customer(c.websiteId(), c.email());
            if (id.isEmpty()) {
                failures.put(p, Result.failedForNow(p, "Commerce reported the bulk create complete but has no customer "
                        + c.email() + " on website " + c.websiteId()));
                continue;
            }
            link(p, CustomerReference.Kind.CUSTOMER, id.get());
            results.add(Result.written(p, TargetId.of(CustomerReference.Kind.CUSTOMER, id.get()), false));
        }
        results.addAll(writeEach(adoptAlone, Known.NONE));
        results.addAll(failures.values());
        return results;
    }

    private BulkReport run(String method, String route, List<BulkEntry> entries) {
        BulkSubmission submission = commerce.bulk().submit(method, route, entries);
        return commerce.bulk().awaitCompletion(submission, bulk.maxWait());
    }

    private Result bulkFailure(Pending p, BulkReport report, BulkOutcome outcome) {
        return io.github.d365bridge.flow.sync.BulkResults.failure(p, report, outcome, bulk.maxWait());
    }

    private List<List<Pending>> chunks(List<Pending> pending) {
        List<List<Pending>> chunks = new ArrayList<>();
        for (int from = 0; from < pending.size(); from += bulk.size()) {
            chunks.add(pending.subList(from, Math.min(pending.size(), from + bulk.size())));
        }
        return chunks;
    }

    private Result writeOne(Pending pending, Known known) {
        try {
            return CustomerSyncMapper.COMPANY.equals(pending.record().type()) ? company(pending, known)
                    : customer(pending, known);
        } catch (BridgeException e) {
            if (ErrorClassifier.isRetriable(e)) {
                throw e;
            }
            return Result.failed(pending, regionHint(pending, e.getMessage()) + "Commerce: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return Result.failed(pending, e.getMessage());
        }
    }

    /**
     * Commerce refuses an address without a region in countries it keeps a region list for and requires one
     * (which countries require it is store configuration: US and CA always, DE in many stores). D365 often has
     * no state for such addresses; the reason says how to fix it rather than only what Commerce said.
     */
    private static String regionHint(Pending pending, String message) {
        JsonNode payload = pending.record().payload();
        boolean withoutRegion = payload.findValue("region") == null && payload.findValue("region_id") == null;
        JsonNode country = payload.findValue("country_id");
        return message != null && message.contains("region_id") && withoutRegion
                ? "no region: D365 has no state (AddressState) for this " + (country == null ? "" : country.asText())
                        + " address and Commerce requires one; set it in D365 or in customerSync.defaultRegions. "
                : "";
    }

    private Result customer(Pending pending, Known found) {
        Customer wanted = customerOf(pending.record().payload());
        Optional<Long> known = TargetId.parse(pending.targetId(), CustomerReference.Kind.CUSTOMER);
        boolean adopted = false;
        if (known.isEmpty()) {
            known = found.customer(wanted.websiteId(), wanted.email());
            adopted = known.isPresent();
        }
        long id;
        if (known.isPresent()) {
            id = updateCustomer(known.get(), wanted);
        } else {
            Optional<Long> created = createCustomer(wanted);
            if (created.isPresent()) {
                id = created.get();
            } else {
                // made meanwhile (the answer of an earlier try was lost, or a parallel run): adopt it
                id = findCustomer(wanted.email(), wanted.websiteId()).map(existing -> updateCustomer(existing, wanted))
                        .orElseThrow(() -> new IllegalArgumentException("Commerce refused the customer as a duplicate"
                                + " but has none with this e-mail on website " + wanted.websiteId()));
                adopted = true;
            }
        }
        link(pending, CustomerReference.Kind.CUSTOMER, id);
        return Result.written(pending, TargetId.of(CustomerReference.Kind.CUSTOMER, id), adopted);
    }

    /** Updates, or creates again if an operator deleted it in Commerce since it was written. */
    private long updateCustomer(long id, Customer wanted) {
        try {
            return commerce.customers().update(id, wanted).id();
        } catch (BridgeException e) {
            if (e.httpStatus() == 404) {
                return createCustomer(wanted).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** Creates the customer; empty when Commerce answers that its e-mail exists on the website already. */
    private Optional<Long> createCustomer(Customer wanted) {
        try {
            return Optional.of(commerce.customers().create(wanted, Optional.empty()).id());
        } catch (BridgeException e) {
            if (e.httpStatus() == 400 && String.valueOf(e.getMessage()).contains("same email address already exists")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<Long> findCustomer(String email, Integer websiteId) {
        return commerce.customers().findByEmail(email, websiteId).map(Customer::id);
    }

    private Result company(Pending pending, Known found) {
        ObjectNode payload = pending.record().payload();
        Customer superUser = customerOf((ObjectNode) payload.get("superUser"));
        long superUserId = found.customer(superUser.websiteId(), superUser.email())
                .orElseGet(() -> createCustomer(superUser).orElseGet(() -> findCustomer(superUser.email(),
                        superUser.websiteId()).orElseThrow()));
        Company wanted = companyOf((ObjectNode) payload.get("company"), superUserId);
        Optional<Long> known = TargetId.parse(pending.targetId(), CustomerReference.Kind.COMPANY);
        boolean adopted = false;
        if (known.isEmpty()) {
            known = found.company(wanted.companyEmail());
            adopted = known.isPresent();
        }
        long id;
        if (known.isPresent()) {
            id = commerce.companies().update(known.get(), wanted).id();
        } else {
            try {
                id = commerce.companies().create(wanted).id();
            } catch (BridgeException e) {
                Optional<Long> meanwhile = e.httpStatus() == 400 ? findCompany(wanted.companyEmail()) : Optional.empty();
                if (meanwhile.isEmpty()) {
                    throw e;
                }
                id = commerce.companies().update(meanwhile.get(), wanted).id();
                adopted = true;
            }
        }
        credit(id, payload.path("credit"));
        link(pending, CustomerReference.Kind.COMPANY, id);
        return Result.written(pending, TargetId.of(CustomerReference.Kind.COMPANY, id), adopted);
    }

    /** Sets the company's credit limit (its credit record exists from the company's creation on). */
    private void credit(long companyId, JsonNode credit) {
        if (credit.isMissingNode() || credit.isNull()) {
            return;
        }
        CompanyCredit current = commerce.companyCredits().byCompany(companyId).orElseThrow(() ->
                new IllegalArgumentException("Commerce has no credit record for company " + companyId));
        String currency = credit.path("currency_code").asText("");
        commerce.companyCredits().update(current.id(), CompanyCredit.limit(companyId, credit.path("credit_limit")
                .decimalValue(), currency.isEmpty() ? current.currencyCode() : currency, false, null));
    }

    private Optional<Long> findCompany(String email) {
        return commerce.companies().findByEmail(email).map(Company::id);
    }

    private void link(Pending pending, CustomerReference.Kind kind, long id) {
        crossReference.put(new CustomerReference(pending.legalEntity(), kind, id), pending.record().key(),
                CrossReferenceSource.SYNC);
    }

    private Customer customerOf(ObjectNode payload) {
        ObjectNode resolved = payload.deepCopy();
        for (JsonNode address : resolved.path("addresses")) {
            String country = address.path("country_id").asText("");
            String code = address.path("region").path("region_code").asText("");
            if (!country.isEmpty() && !code.isEmpty()) {
                commerce.directory().regionId(country, code).ifPresent(id -> {
                    ((ObjectNode) address).put("region_id", id);
                    ((ObjectNode) address.get("region")).put("region_id", id);
                });
            }
        }
        try {
            return Json.mapper().treeToValue(resolved, Customer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the customer mapper made a payload Customer cannot hold", e);
        }
    }

    private Company companyOf(ObjectNode payload, long superUserId) {
        ObjectNode withAdmin = payload.deepCopy().put("super_user_id", superUserId);
        String country = withAdmin.path("country_id").asText("");
        if (!country.isEmpty() && withAdmin.hasNonNull("region")) {
            commerce.directory().regionId(country, withAdmin.path("region").asText())
                    .ifPresent(id -> withAdmin.put("region_id", String.valueOf(id)));
        }
        try {
            return Json.mapper().treeToValue(withAdmin, Company.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the customer mapper made a payload Company cannot hold", e);
        }
    }
}
