package io.github.d365bridge.flow.sync.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.testing.TestAzurite;

/** Export rows read as the OData entity type, and the snapshot they are spooled to (on Azurite). */
class PackageRowReaderTest {

    private final PackageRowReader<CustomerV3> reader = new PackageRowReader<>(CustomerV3.class);

    @Test
    void upperCaseColumnsFillTheEntityEmptyNumbersAreNullAndUnknownColumnsAreDropped() {
        Map<String, String> row = Map.of("CUSTOMERACCOUNT", " US-001", "DATAAREAID", "usmf", "PARTYTYPE", "Organization",
                "CREDITLIMIT", "", "ADDRESSCOUNTRYREGIONISOCODE", "", "PAYMENTTERMS", "Net30");
        Map<String, String> kept = reader.known(row);
        assertThat(kept).doesNotContainKey("PAYMENTTERMS").containsEntry("CUSTOMERACCOUNT", " US-001");

        CustomerV3 customer = reader.read(kept);
        assertThat(customer.customerAccount()).as("never trimmed").isEqualTo(" US-001");
        assertThat(customer.partyType()).isEqualTo("Organization");
        assertThat(customer.creditLimit()).isNull();
        assertThat(customer.addressCountryRegionIsoCode()).as("empty text stays text").isEmpty();
        assertThat(reader.read(Map.of("CREDITLIMIT", "86000.50")).creditLimit()).isEqualByComparingTo(new BigDecimal("86000.50"));
    }

    @Test
    void aCellThatDoesNotFitItsTypeFailsTheRowNamingTheValue() {
        assertThatThrownBy(() -> reader.read(Map.of("CUSTOMERACCOUNT", "US-002", "CREDITLIMIT", "86.000,50")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CustomerV3")
                .hasMessageContaining("86.000,50");
    }

    @Test
    void aSnapshotKeepsPagesAndKeysExactlyAndIsGoneAfterDelete() {
        SnapshotStore store = new SnapshotStore(TestAzurite.storage(), TestAzurite.uniqueName("snap").toLowerCase());
        SnapshotStore.Manifest manifest;
        try (SnapshotStore.Writer writer = store.writer("customers", "r1", "usmf", 2)) {
            for (String key : List.of(" RFI-001", "A\\B", "line\nbreak", "Z")) {
                writer.add(key, Map.of("CUSTOMERACCOUNT", key));
            }
            manifest = writer.finish("exec-1", true, "");
        }
        assertThat(manifest.pages()).isEqualTo(2);
        assertThat(manifest.rows()).isEqualTo(4);
        assertThat(store.page("customers", "r1", "usmf", 1)).extracting(r -> r.get("CUSTOMERACCOUNT"))
                .containsExactly("line\nbreak", "Z");
        try (Stream<String> keys = store.keys("customers", "r1", "usmf")) {
            assertThat(keys).containsExactly(" RFI-001", "A\\B", "line\nbreak", "Z");
        }
        assertThat(store.delete("customers", "r1", "usmf")).isEqualTo(4);
        assertThat(store.manifest("customers", "r1", "usmf")).isEmpty();
    }
}
