package io.github.d365bridge.sandbox.d365.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The field lists the sandbox loads ({@link ContractFields}) are the contract's, property for property:
 * a contract update that the resources miss fails here (the expected text lands in
 * target/contract-resources/ to copy over), and so does a hand edit of a resource.
 */
class ContractResourcesTest {

    private static ContractChecker checker;

    @BeforeAll
    static void load() {
        checker = new ContractChecker();
    }

    @Test
    void resourcesAreWhatTheContractSays() throws IOException {
        for (String[] set : List.of(new String[] {"CustomersV3", "CustomerV3"}, new String[] {"ContactPersons", "ContactPerson"})) {
            String expected = ContractResources.expected(checker, set[0], set[1]);
            String actual;
            try (InputStream in = ContractFields.class.getResourceAsStream(set[1] + ".entity")) {
                assertThat(in).as(set[1] + ".entity on the class path").isNotNull();
                actual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!actual.equals(expected)) {
                Path out = Path.of("target/contract-resources", set[1] + ".entity");
                Files.createDirectories(out.getParent());
                Files.writeString(out, expected);
            }
            assertThat(actual).as(set[1] + ".entity differs from the contract; the expected text is in"
                    + " target/contract-resources/").isEqualTo(expected);
        }
    }

    @Test
    void customersCarryEveryContractPropertyWithItsType() {
        List<String> contract = new ArrayList<>();
        checker.set("CustomersV3").orElseThrow().properties().fieldNames().forEachRemaining(contract::add);
        // the contract lists @odata.etag among CustomerV3's 310 properties; the sandbox writes it per row
        assertThat(contract).hasSize(310).contains("@odata.etag");
        List<String> served = EntityCatalog.CUSTOMERS.fields().stream().map(Field::name).toList();
        assertThat(served).hasSize(309).containsExactlyElementsOf(contract.subList(1, contract.size()));
        assertThat(checker.check(EntityCatalog.CUSTOMERS)).isEmpty();
        assertThat(checker.check(EntityCatalog.CONTACT_PERSONS)).isEmpty();
        assertThat(EntityCatalog.CONTACT_PERSONS.fields()).hasSize(
                checker.set("ContactPersons").orElseThrow().properties().size() - 1);
    }

    @Test
    void bothContractFilesDescribeCustomersAlike() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> types = new ArrayList<>();
        for (Path file : ContractChecker.CONTRACTS) {
            types.add(mapper.readTree(file.toFile()).path("components").path("schemas").path("CustomerV3"));
        }
        assertThat(types.get(0).path("properties").size()).isEqualTo(310);
        assertThat(types.get(1)).as("finance and scm agree, so either file can be the source").isEqualTo(types.get(0));
    }

    @Test
    void theDateRuleSplitsDateTimesFromDates() {
        assertThat(EntityCatalog.CUSTOMERS.field("AddressValidFrom").orElseThrow().kind()).isEqualTo(FieldKind.DATETIME);
        assertThat(EntityCatalog.CUSTOMERS.field("CredManLastReviewDate").orElseThrow().kind()).isEqualTo(FieldKind.DATE);
        assertThat(EntityCatalog.CONTACT_PERSONS.field("LastEditDateTime").orElseThrow().kind()).isEqualTo(FieldKind.DATETIME);
        long dates = EntityCatalog.CUSTOMERS.fields().stream().filter(f -> f.kind() == FieldKind.DATE).count();
        long dateTimes = EntityCatalog.CUSTOMERS.fields().stream().filter(f -> f.kind() == FieldKind.DATETIME).count();
        assertThat(dates + dateTimes).as("the contract's 13 date-time properties").isEqualTo(13);
        assertThat(dateTimes).as("Address, DeliveryAddress, InvoiceAddress ValidFrom/ValidTo").isEqualTo(6);
    }
}
