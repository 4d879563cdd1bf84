package io.github.d365bridge.flow.customers.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.CommerceClientOptions;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.client.d365.odata.ODataKey;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.flow.customers.CustomerCrossReference;
import io.github.d365bridge.flow.orders.mapping.CustomerReference;
import io.github.d365bridge.flow.sync.SyncCounters;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncEngine.RunRequest;
import io.github.d365bridge.flow.sync.SyncRun;
import io.github.d365bridge.flow.sync.SyncRunStore;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.MappingProfileLoader;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.commerce.faults.FaultKind;
import io.github.d365bridge.sandbox.commerce.faults.FaultRule;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.InMemorySyncQueue;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The customer sync end to end on the sync engine: D365 sandbox and Commerce sandbox over HTTP, state on
 * Azurite, the test playing the sync queue (steps run in order; a step can be delivered twice). The expected
 * counts come from D365's rows by the plain rules (an e-mail and not on hold is written, the rest skipped), not
 * from the bridge's mapper.
 */
class CustomerSyncTest {

    private static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
    private static final int PAGE = 20;

    private StorageAccount storage;
    private D365Sandbox d365Sandbox;
    private CommerceSandbox commerceSandbox;
    private D365Client d365;
    private CommerceClient commerce;
    private CustomerCrossReference crossReference;
    private SyncStateStore state;
    private SyncRunStore runs;
    private final InMemorySyncQueue queue = new InMemorySyncQueue(() -> this.engine);
    private SyncEngine engine;

    @BeforeEach
    void start() {
        storage = TestAzurite.storage();
        d365Sandbox = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS)
                .client(ClientRegistration.listed("sync-app", "sync-secret-0123456789"))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf")).build());
        commerceSandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().build());
        URI blob = URI.create(storage.blobService().getAccountUrl());
        d365 = D365Client.create(new D365ClientOptions(d365Sandbox.baseUrl(), D365ClientOptions.AuthMode.ENTRA,
                d365Sandbox.entraAuthority(), "sync-app", new D365ClientOptions.Secret("sync-secret-0123456789"), false,
                Duration.ofSeconds(30), new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1),
                        Duration.ofSeconds(20), Duration.ofSeconds(1)), List.of(blob.getHost() + ":" + blob.getPort()),
                Optional.of(TrustStores.fromPkcs12(TLS.trustStore(), "changeit".toCharArray(), "test")), Optional.empty()));
        commerce = CommerceClient.create(CommerceClientOptions.builder(commerceSandbox.baseUrl(),
                new CommerceCredentials.OAuth1(commerceSandbox.options().integration())).build());
        crossReference = new CustomerCrossReference(storage, TestAzurite.uniqueName("Xref"));
        state = new SyncStateStore(storage, TestAzurite.uniqueName("SyncState"));
        runs = new SyncRunStore(storage, TestAzurite.uniqueName("SyncRuns"));
        engine = engine(profile(""));
    }

    @AfterEach
    void stop() {
        d365Sandbox.close();
        commerceSandbox.close();
    }

    private SyncEngine engine(MappingProfile profile) {
        return engine(profile, CustomerSyncWriter.BulkOptions.NEVER);
    }

    private SyncEngine engine(MappingProfile profile, CustomerSyncWriter.BulkOptions bulk) {
        CustomerSyncFlow flow = new CustomerSyncFlow(() -> d365, () -> commerce, profile.customerSync(), crossReference,
                PAGE, 4, bulk);
        return new SyncEngine(state, runs, queue, List.of(flow), Duration.ofMinutes(10), Clock.systemUTC());
    }

    private static MappingProfile profile(String override) {
        try (var in = CustomerSyncTest.class.getClassLoader().getResourceAsStream(MappingProfileLoader.DEFAULT_RESOURCE)) {
            return MappingProfileLoader.fromText(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    override.isEmpty() ? Optional.empty() : Optional.of(override), "test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int drain(boolean duplicate) {
        return queue.drain(duplicate);
    }

    private SyncEngine.RunSummary run(RunRequest request) {
        SyncRun run = engine.start(CustomerSyncFlow.NAME, request).orElseThrow();
        drain(false);
        SyncEngine.RunSummary summary = engine.latest(CustomerSyncFlow.NAME, 1).get(0);
        assertThat(summary.run().runId()).isEqualTo(run.runId());
        assertThat(summary.run().finishedAt()).as("run finished").isPresent();
        return summary;
    }

    private List<CustomerV3> d365Customers(String legalEntity) {
        try (Stream<CustomerV3> rows = d365.odata().stream(CustomerV3.ENTITY_SET, ODataQuery.all().company(legalEntity),
                CustomerV3.class)) {
            return rows.toList();
        }
    }




    @Test
    void aFirstRunWritesEveryWritableCustomerOnceAndReportsTheRestThenANoChangeRunWritesNothing() {
        List<CustomerV3> usmf = d365Customers("usmf");
        List<CustomerV3> demf = d365Customers("demf");
        long writable = Stream.concat(usmf.stream(), demf.stream()).filter(CustomerExpectations::writable).count();
        long organisations = Stream.concat(usmf.stream(), demf.stream()).filter(CustomerExpectations::writable)
                .filter(CustomerSyncMapper::isOrganisation).count();
        assertThat(writable).as("the sandbox has writable customers").isGreaterThan(10);
        int companiesBefore = commerceSandbox.data().companyTable().size();

        SyncCounters full = run(RunRequest.full("test")).counters();

        // Commerce requires a region id for companies in countries with a region list (US, CA, DE); D365 has
        // no state for German addresses, so German companies are refused, each with Commerce's reason
        long refused = Stream.concat(usmf.stream(), demf.stream()).filter(CustomerExpectations::writable)
                .filter(CustomerSyncMapper::isOrganisation).filter(CustomerExpectations::regionMissing).count();
        assertThat(full.failed()).as("failures: %s", full.reasons()).isEqualTo(refused);
        assertThat(full.reasons().keySet()).filteredOn(r -> r.startsWith("Commerce") || r.startsWith("no region"))
                .isNotEmpty().allMatch(r -> r.startsWith("no region: D365 has no state"));
        assertThat(state.failures(CustomerSyncFlow.NAME, 1000)).hasSize((int) refused);
        assertThat(full.read()).isEqualTo(usmf.size() + demf.size());
        assertThat(full.written()).isEqualTo(writable - refused);
        assertThat(full.skipped()).isEqualTo(usmf.size() + demf.size() - writable);
        assertThat(full.added()).isEqualTo(usmf.size() + demf.size());
        assertThat(commerceSandbox.data().companyTable().size() - companiesBefore).isEqualTo(organisations - refused);
        // persons, plus each company's super user: one Commerce customer per e-mail and website
        List<ObjectNode> customers = commerceSandbox.data().customers();
        assertThat(customers.stream().map(c -> c.path("website_id").asInt() + "|" + c.path("email").asText().toLowerCase())
                .distinct().count()).as("no e-mail twice on a website").isEqualTo(customers.size());
        for (CustomerV3 c : usmf.stream().filter(CustomerExpectations::writable)
                .filter(c -> !(CustomerSyncMapper.isOrganisation(c) && CustomerExpectations.regionMissing(c))).toList()) {
            CustomerReference.Kind kind = CustomerSyncMapper.isOrganisation(c) ? CustomerReference.Kind.COMPANY
                    : CustomerReference.Kind.CUSTOMER;
            String target = state.find(CustomerSyncFlow.NAME, "usmf", List.of(c.customerAccount()))
                    .get(c.customerAccount()).targetId("base").orElseThrow();
            long id = Long.parseLong(target.substring(target.indexOf(':') + 1));
            assertThat(crossReference.accountFor(new CustomerReference("usmf", kind, id)))
                    .as("cross-reference of %s", c.customerAccount()).contains(c.customerAccount());
        }
        assertThat(state.skips(CustomerSyncFlow.NAME, 1000)).hasSize((int) (usmf.size() + demf.size() - writable));

        long writesBefore = CustomerExpectations.commerceWrites(commerceSandbox);
        SyncCounters again = run(RunRequest.full("test")).counters();
        assertThat(CustomerExpectations.commerceWrites(commerceSandbox) - writesBefore).as("Commerce writes of a run without changes").isZero();
        assertThat(again.unchanged()).isEqualTo(usmf.size() + demf.size());
        assertThat(again.stillFailed()).as("refused ones are not sent again unchanged").isEqualTo(refused);
        assertThat(again.written() + again.skipped() + again.failed() + again.added() + again.changed()).isZero();
        assertThat(state.failures(CustomerSyncFlow.NAME, 1000)).as("still listed").hasSize((int) refused);
    }

    @Test
    void companiesWithoutAStateAreRefusedWithHowToFixItAndWrittenOnceTheProfileNamesADefaultRegion() {
        List<CustomerV3> demf = d365Customers("demf");
        long germanWithoutState = demf.stream().filter(CustomerExpectations::writable).filter(CustomerSyncMapper::isOrganisation)
                .filter(CustomerExpectations::regionMissing).count();
        assertThat(germanWithoutState).as("the sandbox has German companies without a state").isPositive();
        SyncCounters refused = run(new RunRequest(Optional.of("demf"), Optional.empty(), false, "test")).counters();
        assertThat(refused.failed()).isEqualTo(germanWithoutState);
        assertThat(refused.reasons().keySet()).as("reasons: %s", refused.reasons()).filteredOn(r -> r.contains("region"))
                .isNotEmpty().allMatch(r -> r.startsWith("no region: D365 has no state (AddressState) for this DE address")
                        && r.contains("customerSync.defaultRegions"));

        int companiesBefore = commerceSandbox.data().companyTable().size();
        engine = engine(profile("customerSync: {defaultRegions: {DE: BER}}\n"));
        SyncCounters fixed = run(new RunRequest(Optional.of("demf"), Optional.empty(), false, "test")).counters();

        assertThat(fixed.failed()).as("counts: %s", fixed).isZero();
        assertThat(commerceSandbox.data().companyTable().size() - companiesBefore).isEqualTo(germanWithoutState);
        // German persons' addresses had no state either: they get the region too, so they are written again
        assertThat(fixed.written()).isEqualTo(fixed.added() + fixed.changed()).isGreaterThan(germanWithoutState);
        assertThat(state.failures(CustomerSyncFlow.NAME, 1000)).as("no longer listed").isEmpty();
    }

    @Test
    void aChangedCustomerIsWrittenAloneAndARemovedOneIsReportedOnce() {
        run(RunRequest.full("test"));
        CustomerV3 person = d365Customers("usmf").stream().filter(CustomerExpectations::writable)
                .filter(c -> !CustomerSyncMapper.isOrganisation(c)).findFirst().orElseThrow();
        d365.odata().update(CustomerV3.ENTITY_SET, ODataKey.of("dataAreaId", "usmf", "CustomerAccount",
                person.customerAccount()), Map.of("PersonLastName", "Renamed-" + person.personLastName()), Optional.empty());
        CustomerV3 gone = d365Customers("demf").get(3);
        assertThat(d365.odata().delete(CustomerV3.ENTITY_SET, ODataKey.of("dataAreaId", "demf", "CustomerAccount",
                gone.customerAccount()))).isTrue();
        long writesBefore = CustomerExpectations.commerceWrites(commerceSandbox);

        SyncCounters after = run(RunRequest.full("test")).counters();

        assertThat(after.changed()).as("counts: %s", after).isEqualTo(1);
        assertThat(after.written()).isEqualTo(1);
        assertThat(after.removed()).isEqualTo(1);
        assertThat(after.reasons()).containsKey("removed: kept in Commerce (customerSync.removed is keep)");
        assertThat(CustomerExpectations.commerceWrites(commerceSandbox) - writesBefore).as("one customer update").isEqualTo(1);
        assertThat(commerceSandbox.data().customers()).anyMatch(c -> c.path("lastname").asText()
                .equals("Renamed-" + person.personLastName()));
        assertThat(run(RunRequest.full("test")).counters().removed()).as("reported once").isZero();
    }

    @Test
    void customersCommerceHasAlreadyAreAdoptedNotDuplicated() {
        CustomerV3 person = d365Customers("usmf").stream().filter(CustomerExpectations::writable)
                .filter(c -> !CustomerSyncMapper.isOrganisation(c)).findFirst().orElseThrow();
        // the store had this customer before the bridge's first run
        long existing = commerce.customers().create(io.github.d365bridge.client.commerce.customer.Customer.of(
                person.primaryContactEmail(), "Old", "Name", 1, 1), Optional.empty()).id();

        SyncCounters first = run(RunRequest.full("test")).counters();

        assertThat(first.adopted()).isEqualTo(1);
        assertThat(commerceSandbox.data().customers().stream().filter(c -> c.path("website_id").asInt() == 1
                && c.path("email").asText().equalsIgnoreCase(person.primaryContactEmail()))).hasSize(1);
        assertThat(crossReference.accountFor(new CustomerReference("usmf", CustomerReference.Kind.CUSTOMER, existing)))
                .contains(person.customerAccount());
    }

    @Test
    void createsWhoseAnswerWasLostAndStepsDeliveredTwiceLeaveEachCustomerOnce() {
        // Commerce saves these customers and companies, then the connection drops before the answer
        commerceSandbox.faults().add(new FaultRule("POST /V1/customers", FaultKind.ANSWER_LOST_RESET, 30, 12,
                Duration.ZERO, null));
        commerceSandbox.faults().add(new FaultRule("POST /V1/company", FaultKind.ANSWER_LOST_RESET, 30, 4,
                Duration.ZERO, null));
        List<CustomerV3> all = Stream.concat(d365Customers("usmf").stream(), d365Customers("demf").stream()).toList();
        long writable = all.stream().filter(CustomerExpectations::writable).count();

        SyncRun run = engine.start(CustomerSyncFlow.NAME, RunRequest.full("test")).orElseThrow();
        int redelivered = drain(true);
        assertThat(redelivered).as("steps failed by a lost answer and delivered again").isPositive();

        SyncEngine.RunSummary summary = engine.latest(CustomerSyncFlow.NAME, 1).get(0);
        assertThat(summary.run().runId()).isEqualTo(run.runId());
        assertThat(commerceSandbox.faults().injected().getOrDefault("answerLost", 0L)).as("answers lost").isPositive();
        assertThat(summary.counters().read()).as("each page counted once").isEqualTo(all.size());
        assertThat(summary.counters().written() + summary.counters().failed()).isEqualTo(writable);
        List<ObjectNode> customers = commerceSandbox.data().customers();
        assertThat(customers.stream().map(c -> c.path("website_id").asInt() + "|" + c.path("email").asText().toLowerCase())
                .distinct().count()).as("no customer twice").isEqualTo(customers.size());
        Map<String, Long> companiesByEmail = commerceSandbox.data().companyTable().all().stream()
                .collect(Collectors.groupingBy(c -> c.path("company_email").asText().toLowerCase(), Collectors.counting()));
        assertThat(companiesByEmail.values()).as("no company twice").allMatch(n -> n == 1);
        // whatever failed on the way is written by the next run, and then everything is there once
        SyncCounters next = run(RunRequest.full("test")).counters();
        assertThat(summary.counters().reasons().keySet()).as("the only refusals are the known region ones")
                .noneMatch(r -> r.startsWith("Commerce"));
        assertThat(next.written() + next.failed()).as("nothing left to write").isZero();
        assertThat(state.failures(CustomerSyncFlow.NAME, 100)).hasSize((int) summary.counters().failed());
    }

    @Test
    void aDryRunReportsWhatItWouldWriteAndWritesNothing() {
        List<CustomerV3> usmf = d365Customers("usmf");
        long writesBefore = CustomerExpectations.commerceWrites(commerceSandbox);

        SyncEngine.RunSummary dry = run(new RunRequest(Optional.of("usmf"), Optional.empty(), true, "test"));

        assertThat(CustomerExpectations.commerceWrites(commerceSandbox) - writesBefore).isZero();
        assertThat(dry.counters().added()).isEqualTo(usmf.size());
        assertThat(dry.counters().written()).isZero();
        assertThat(dry.legalEntities().get(0).samples()).hasSize(SyncEngine.SAMPLES).allMatch(s -> s.startsWith("added:"));
        assertThat(run(RunRequest.full("test")).counters().added()).as("nothing was stored by the dry run")
                .isEqualTo(usmf.size() + d365Customers("demf").size());
    }

    @Test
    void aRunOfOneRecordWritesThatRecordOnly() {
        CustomerV3 person = d365Customers("usmf").stream().filter(CustomerExpectations::writable).findFirst().orElseThrow();
        int customersBefore = commerceSandbox.data().customers().size();
        SyncCounters one = run(new RunRequest(Optional.of("usmf"), Optional.of(person.customerAccount()), false,
                "operator")).counters();
        assertThat(one.read()).isEqualTo(1);
        assertThat(one.written()).isEqualTo(1);
        assertThat(commerceSandbox.data().customers().size() - customersBefore).as("the customer, or the company's super user").isEqualTo(1);
    }

    @Test
    void organisationsWithoutEmailTakeTheirContactPersonsWhenTheProfileSaysSo() {
        engine = engine(profile("customerSync: {noEmail: contact-person}\n"));
        List<CustomerV3> usmf = d365Customers("usmf");
        java.util.Set<String> partiesWithContactEmail;
        try (Stream<io.github.d365bridge.client.d365.entities.ContactPerson> contacts = d365.odata().stream(
                io.github.d365bridge.client.d365.entities.ContactPerson.ENTITY_SET, ODataQuery.all().company("usmf"),
                io.github.d365bridge.client.d365.entities.ContactPerson.class)) {
            partiesWithContactEmail = contacts.filter(k -> k.primaryEmailAddress() != null
                    && !k.primaryEmailAddress().isBlank()).map(k -> k.associatedPartyNumber()).collect(Collectors.toSet());
        }
        long byContact = usmf.stream().filter(CustomerSyncMapper::isOrganisation)
                .filter(c -> c.primaryContactEmail() == null || c.primaryContactEmail().isBlank())
                .filter(c -> Set.of("", "No", "Never").contains(c.onHoldStatus()))
                .filter(c -> partiesWithContactEmail.contains(c.partyNumber())).count();
        long own = usmf.stream().filter(CustomerExpectations::writable).count();
        assertThat(byContact).as("organisations the sandbox gives a contact with an e-mail").isPositive();

        SyncCounters run = run(new RunRequest(Optional.of("usmf"), Optional.empty(), false, "test")).counters();

        assertThat(run.failed()).as("failures: %s", run.reasons()).isZero();
        assertThat(run.written()).isEqualTo(own + byContact);
        assertThat(run.skipped()).isEqualTo(usmf.size() - own - byContact);
    }

    @Test
    void personsGoThroughAsyncBulksWithTheSameOutcomeAndFewerCalls() {
        engine = engine(profile(""), new CustomerSyncWriter.BulkOptions(5, 50, Duration.ofSeconds(30)));
        List<CustomerV3> all = Stream.concat(d365Customers("usmf").stream(), d365Customers("demf").stream()).toList();
        long persons = all.stream().filter(CustomerExpectations::writable).filter(c -> !CustomerSyncMapper.isOrganisation(c))
                .count();
        commerceSandbox.stats().reset();

        SyncCounters full = run(RunRequest.full("test")).counters();

        assertThat(full.reasons().keySet()).filteredOn(r -> r.startsWith("Commerce") || r.startsWith("no region"))
                .isNotEmpty().allMatch(r -> r.startsWith("no region: D365 has no state"));
        long bulkCreates = commerceSandbox.stats().calls("POST /async/bulk/V1/customers");
        assertThat(bulkCreates).as("bulk calls").isPositive().isLessThan(persons);
        assertThat(commerceSandbox.data().customers().stream().filter(c -> all.stream().anyMatch(d ->
                !CustomerSyncMapper.isOrganisation(d) && CustomerExpectations.writable(d)
                        && d.primaryContactEmail().equalsIgnoreCase(c.path("email").asText())))).hasSize((int) persons);
        assertThat(full.written()).isEqualTo(all.stream().filter(CustomerExpectations::writable).count() - full.failed());
        SyncCounters again = run(RunRequest.full("test")).counters();
        assertThat(again.written() + again.failed() + again.changed() + again.added()).isZero();
    }

    @Test
    void aBulkLeftOpenByAStoppedConsumerFailsAsStaleAndTheNextRunWritesItsRecordsOnce() {
        engine = engine(profile(""), new CustomerSyncWriter.BulkOptions(5, 50, Duration.ofSeconds(2)));
        commerceSandbox.bulkConsumer().pause(true);

        SyncCounters stale = run(new RunRequest(Optional.of("usmf"), Optional.empty(), false, "test")).counters();

        assertThat(stale.reasons().keySet()).anyMatch(r -> r.startsWith("stale bulk"));
        long staleCount = stale.reasons().entrySet().stream().filter(e -> e.getKey().startsWith("stale bulk"))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(state.failures(CustomerSyncFlow.NAME, 1000)).filteredOn(f -> f.reason().startsWith("stale bulk"))
                .hasSize((int) staleCount);
        // the consumer comes back and works off the old bulks; the next run adopts what they made
        commerceSandbox.bulkConsumer().pause(false);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> commerceSandbox.bulks().openCount() == 0);

        SyncCounters next = run(new RunRequest(Optional.of("usmf"), Optional.empty(), false, "test")).counters();

        assertThat(next.written()).as("the stale ones, written now").isEqualTo(staleCount);
        assertThat(state.failures(CustomerSyncFlow.NAME, 1000)).noneMatch(f -> f.reason().startsWith("stale bulk"));
        List<ObjectNode> customers = commerceSandbox.data().customers();
        assertThat(customers.stream().map(c -> c.path("website_id").asInt() + "|" + c.path("email").asText().toLowerCase())
                .distinct().count()).as("no customer twice").isEqualTo(customers.size());
    }
}
