package io.github.d365bridge.flow.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.azure.data.tables.models.TableEntity;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ErrorClassifier;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.flow.orders.mapping.CustomerReference;
import io.github.d365bridge.flow.orders.mapping.CustomerReference.Kind;
import io.github.d365bridge.storage.EmbeddedAzurite;
import io.github.d365bridge.storage.StateTable;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;

/** The cross-reference on a real Azurite: its keys and properties, each write, and storage failures. */
class CustomerCrossReferenceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

    private final StorageAccount storage = TestAzurite.storage();
    private final String tableName = TestAzurite.uniqueName("Xref");
    private final CustomerCrossReference xref = new CustomerCrossReference(storage, tableName,
            Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void anEntryIsStoredUnderLegalEntityAndKindWithAccountSourceAndTime() {
        CustomerReference customer = new CustomerReference("usmf", Kind.CUSTOMER, 42);
        CrossReferenceEntry written = xref.put(customer, "US-001", CrossReferenceSource.OPERATOR);

        assertThat(xref.find(customer)).contains(written);
        assertThat(written).isEqualTo(new CrossReferenceEntry(customer, "US-001", CrossReferenceSource.OPERATOR, T0));
        TableEntity row = new StateTable(storage, tableName).get("usmf", "customer:42").orElseThrow();
        assertThat(row.getProperties()).containsEntry("CustomerAccount", "US-001").containsEntry("Source", "operator");
        assertThat(row.getProperty("UpdatedAt")).hasToString("2026-03-01T10:15:30Z");
    }

    @Test
    void customerAndCompanyWithTheSameIdAndOtherLegalEntitiesAreDifferentEntries() {
        xref.put(new CustomerReference("usmf", Kind.CUSTOMER, 7), "US-007", CrossReferenceSource.SYNC);
        xref.put(new CustomerReference("usmf", Kind.COMPANY, 7), "US-C07", CrossReferenceSource.SYNC);
        xref.put(new CustomerReference("demf", Kind.CUSTOMER, 7), "DE-007", CrossReferenceSource.SYNC);

        assertThat(xref.accountFor(new CustomerReference("usmf", Kind.CUSTOMER, 7))).contains("US-007");
        assertThat(xref.accountFor(new CustomerReference("usmf", Kind.COMPANY, 7))).contains("US-C07");
        assertThat(xref.accountFor(new CustomerReference("demf", Kind.CUSTOMER, 7))).contains("DE-007");
        assertThat(xref.accountFor(new CustomerReference("demf", Kind.COMPANY, 7))).isEmpty();
    }

    @Test
    void aMissingEntryIsEmpty() {
        assertThat(xref.find(new CustomerReference("usmf", Kind.CUSTOMER, 404))).isEmpty();
        assertThat(xref.accountFor(new CustomerReference("usmf", Kind.COMPANY, 404))).isEmpty();
    }

    @Test
    void putOverwritesButPutIfAbsentKeepsWhatIsThere() {
        CustomerReference customer = new CustomerReference("usmf", Kind.CUSTOMER, 5);
        xref.put(customer, "US-001", CrossReferenceSource.D365_EMAIL);
        xref.put(customer, "US-002", CrossReferenceSource.OPERATOR);
        assertThat(xref.find(customer)).get().extracting(CrossReferenceEntry::customerAccount,
                CrossReferenceEntry::source).containsExactly("US-002", CrossReferenceSource.OPERATOR);

        CrossReferenceEntry kept = xref.putIfAbsent(customer, "US-003", CrossReferenceSource.D365_EMAIL);
        assertThat(kept.customerAccount()).isEqualTo("US-002");
        assertThat(kept.source()).isEqualTo(CrossReferenceSource.OPERATOR);
        assertThat(xref.accountFor(customer)).contains("US-002");

        CustomerReference fresh = new CustomerReference("usmf", Kind.CUSTOMER, 6);
        assertThat(xref.putIfAbsent(fresh, "US-006", CrossReferenceSource.D365_EMAIL).customerAccount()).isEqualTo("US-006");
        assertThat(xref.find(fresh)).get().extracting(CrossReferenceEntry::source).isEqualTo(CrossReferenceSource.D365_EMAIL);
    }

    @Test
    void deleteRemovesTheEntryAndSaysWhetherThereWasOne() {
        CustomerReference company = new CustomerReference("demf", Kind.COMPANY, 12);
        xref.put(company, "DE-012", CrossReferenceSource.OPERATOR);

        assertThat(xref.delete(company)).isTrue();
        assertThat(xref.find(company)).isEmpty();
        assertThat(xref.delete(company)).isFalse();
    }

    @Test
    void listShowsOneLegalEntityUpToTheLimitAndSkipsRowsThatAreNoEntries() {
        for (int id = 1; id <= 4; id++) {
            xref.put(new CustomerReference("usmf", Kind.CUSTOMER, id), "US-00" + id, CrossReferenceSource.SYNC);
        }
        xref.put(new CustomerReference("usmf", Kind.COMPANY, 9), "US-C09", CrossReferenceSource.OPERATOR);
        xref.put(new CustomerReference("demf", Kind.CUSTOMER, 1), "DE-001", CrossReferenceSource.SYNC);
        new StateTable(storage, tableName).upsert(new TableEntity("usmf", "note").addProperty("Text", "hand-made"));

        List<CrossReferenceEntry> all = xref.list("usmf", 100);
        assertThat(all).extracting(e -> e.reference().toString()).containsExactly("usmf:company:9", "usmf:customer:1",
                "usmf:customer:2", "usmf:customer:3", "usmf:customer:4");
        assertThat(xref.list("usmf", 2)).hasSize(2);
        assertThat(xref.list("demf", 100)).extracting(CrossReferenceEntry::customerAccount).containsExactly("DE-001");
        assertThat(xref.list("gbsi", 100)).isEmpty();
    }

    @Test
    void aRowWrittenByHandWithoutSourceCountsAsTheOperators() {
        new StateTable(storage, tableName).upsert(new TableEntity("usmf", "customer:77")
                .addProperty("CustomerAccount", "US-077"));
        assertThat(xref.find(new CustomerReference("usmf", Kind.CUSTOMER, 77))).get()
                .extracting(CrossReferenceEntry::source, CrossReferenceEntry::updatedAt)
                .containsExactly(CrossReferenceSource.OPERATOR, Instant.EPOCH);
    }

    @Test
    void badAccountsAreRefusedBeforeStorageIsTouched() {
        CustomerReference customer = new CustomerReference("usmf", Kind.CUSTOMER, 3);
        assertThat(CustomerCrossReference.accountProblem(" ")).contains("is required");
        assertThat(CustomerCrossReference.accountProblem("X".repeat(21)))
                .contains("'" + "X".repeat(21) + "' is longer than the 20 characters of D365's CustomerAccount");
        assertThat(CustomerCrossReference.accountProblem(" US-001"))
                .contains("' US-001' has surrounding blanks or a control character");
        assertThat(CustomerCrossReference.accountProblem("X".repeat(20))).isEmpty();
        assertThatThrownBy(() -> xref.put(customer, "US-001 ", CrossReferenceSource.OPERATOR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> xref.put(new CustomerReference("usmf", Kind.CUSTOMER, 0), "US-001",
                CrossReferenceSource.OPERATOR)).isInstanceOf(IllegalArgumentException.class);
        assertThat(xref.find(customer)).isEmpty();
    }

    @Test
    void storageThatIsDownIsARetriableStorageErrorNeverAnEmptyAnswer() {
        EmbeddedAzurite own = EmbeddedAzurite.start("node_modules/.bin/azurite", Path.of("target/azurite-xref-down"),
                true, 0, 0, 0);
        CustomerCrossReference onOwn;
        CustomerReference customer = new CustomerReference("usmf", Kind.CUSTOMER, 1);
        try {
            onOwn = new CustomerCrossReference(new StorageAccount(own.connectionString()), "XrefDown");
            onOwn.put(customer, "US-001", CrossReferenceSource.OPERATOR);
            assertThat(onOwn.accountFor(customer)).contains("US-001");
        } finally {
            own.close();
        }

        assertThatThrownBy(() -> onOwn.accountFor(customer)).isInstanceOfSatisfying(BridgeException.class, e -> {
            assertThat(e.system()).isEqualTo(ExternalSystem.STORAGE);
            assertThat(e.getMessage()).contains("XrefDown").contains("read usmf:customer:1");
            assertThat(ErrorClassifier.isRetriable(e)).isTrue();
        });
        assertThatThrownBy(() -> onOwn.put(customer, "US-002", CrossReferenceSource.OPERATOR))
                .isInstanceOfSatisfying(BridgeException.class, e -> assertThat(ErrorClassifier.isRetriable(e)).isTrue());
    }
}
