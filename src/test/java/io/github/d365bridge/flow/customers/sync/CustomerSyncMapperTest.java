package io.github.d365bridge.flow.customers.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.flow.sync.SyncRecord;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.mapping.CustomerSyncMapping;
import io.github.d365bridge.mapping.MappingProfileLoader;

/** The customer mapping's rules on D365 rows as real tenants send them, without Commerce or storage. */
class CustomerSyncMapperTest {

    private static CustomerSyncMapping profile(String override) {
        return MappingProfileLoader.withOverride(override, "test").customerSync();
    }

    private static CustomerV3 row(Map<String, Object> fields) {
        ObjectNode node = Json.mapper().createObjectNode().put("dataAreaId", "usmf").put("CustomerAccount", "US-001")
                .put("PartyType", "Person").put("PersonFirstName", "Chloé").put("PersonLastName", "O'Brien")
                .put("PrimaryContactEmail", "chloe@example.com").put("CustomerGroupId", "20").put("OnHoldStatus", "No")
                .put("AddressStreet", "1 Main St\nSuite 4").put("AddressCity", "Seattle").put("AddressZipCode", "98052")
                .put("AddressState", "WA").put("AddressCountryRegionId", "USA").put("AddressCountryRegionISOCode", "")
                .put("LanguageId", "en-us").put("PrimaryContactPhone", "+1 425 555 0100");
        fields.forEach((k, v) -> node.set(k, Json.mapper().valueToTree(v)));
        return Json.mapper().convertValue(node, CustomerV3.class);
    }

    private static List<SyncRecord> map(CustomerSyncMapping profile, Map<String, Object> fields) {
        return new CustomerSyncMapper(profile).map("usmf", CustomerSource.of(row(fields)));
    }

    @Test
    void aPersonBecomesACustomerOnEachWebsiteWithAnIsoCountryFromTheAlpha3Id() {
        List<SyncRecord> records = map(profile("legalEntities: [usmf, demf]\n"), Map.of());
        assertThat(records).hasSize(1);
        SyncRecord record = records.get(0);
        assertThat(record.type()).isEqualTo(CustomerSyncMapper.CUSTOMER);
        assertThat(record.scope()).isEqualTo("base");
        ObjectNode c = record.payload();
        assertThat(c.path("email").asText()).isEqualTo("chloe@example.com");
        assertThat(c.path("lastname").asText()).isEqualTo("O'Brien");
        assertThat(c.path("group_id").asInt()).as("D365 group 20 -> Wholesale").isEqualTo(2);
        assertThat(c.path("website_id").asInt()).isEqualTo(1);
        ObjectNode address = (ObjectNode) c.path("addresses").get(0);
        assertThat(address.path("country_id").asText()).as("AddressCountryRegionISOCode was empty").isEqualTo("US");
        assertThat(address.path("street")).hasSize(2);
        assertThat(address.path("default_billing").asBoolean()).isTrue();
        assertThat(address.path("default_shipping").asBoolean()).isTrue();
    }

    @Test
    void withoutAPhoneTheAddressIsLeftOutOrTheRecordFailsAsTheProfileSays() {
        assertThat(map(profile("legalEntities: [usmf, demf]\n"), Map.of("PrimaryContactPhone", "")).get(0).payload()
                .has("addresses")).isFalse();
        assertThatThrownBy(() -> map(profile("customerSync: {addressWithoutPhone: fail}\n"),
                Map.of("PrimaryContactPhone", ""))).hasMessageContaining("PrimaryContactPhone is empty");
    }

    @Test
    void theHashMovesWithWhatIsWrittenOnly() {
        CustomerSyncMapping p = profile("legalEntities: [usmf, demf]\n");
        String base = map(p, Map.of()).get(0).hash();
        assertThat(map(p, Map.of("CreditRating", "AAA")).get(0).hash()).as("a field the payload does not carry")
                .isEqualTo(base);
        assertThat(map(p, Map.of("PersonLastName", "Adams")).get(0).hash()).isNotEqualTo(base);
    }

    @Test
    void noEmailAndOnHoldAreSkippedWithTheirReasonNeverInvented() {
        CustomerSyncMapping p = profile("legalEntities: [usmf, demf]\n");
        SyncRecord noEmail = map(p, Map.of("PrimaryContactEmail", "")).get(0);
        assertThat(noEmail.isSkip()).isTrue();
        assertThat(noEmail.skip()).contains("PrimaryContactEmail is empty");
        SyncRecord onHold = map(p, Map.of("OnHoldStatus", "All")).get(0);
        assertThat(onHold.skip()).contains("on hold").contains("All");
        assertThat(map(p, Map.of("OnHoldStatus", "Never")).get(0).isSkip()).as("Never blocks nothing").isFalse();
    }

    @Test
    void disabledPersonsGoToTheBlockedGroupAndBlockedCompaniesGetStatusBlocked() {
        CustomerSyncMapping p = profile("customerSync: {blocked: disable, blockedGroup: \"4\"}\n");
        assertThat(map(p, Map.of("OnHoldStatus", "Invoice")).get(0).payload().path("group_id").asInt()).isEqualTo(4);
        SyncRecord company = map(p, Map.of("PartyType", "Organization", "OrganizationName", "Contoso Retail",
                "OnHoldStatus", "All", "CreditLimit", 5000, "SalesCurrencyCode", "USD")).get(0);
        assertThat(company.type()).isEqualTo(CustomerSyncMapper.COMPANY);
        assertThat(company.payload().at("/company/status").asInt()).isEqualTo(3);
        assertThat(company.payload().at("/company/country_id").asText()).isEqualTo("US");
        assertThat(company.payload().at("/credit/credit_limit").decimalValue()).isEqualByComparingTo("5000");
        assertThat(company.payload().at("/superUser/email").asText()).isEqualTo("chloe@example.com");
    }

    @Test
    void thePriceGroupDecidesWhereTheProfileSaysSo() {
        CustomerSyncMapping p = profile("customerSync:\n  groupFrom: price-group-first\n  legalEntities:\n"
                + "    usmf: {priceGroups: {RETAIL: \"3\"}}\n");
        assertThat(map(p, Map.of("DiscountPriceGroupId", "RETAIL")).get(0).payload().path("group_id").asInt()).isEqualTo(3);
        assertThat(map(p, Map.of("DiscountPriceGroupId", "")).get(0).payload().path("group_id").asInt())
                .as("no price group: the customer group").isEqualTo(2);
    }

    @Test
    void taxExemptNumbersGoToTaxvatOrAGroup() {
        assertThat(map(profile("legalEntities: [usmf, demf]\n"), Map.of("TaxExemptNumber", "EX-1")).get(0).payload()
                .path("taxvat").asText()).isEqualTo("EX-1");
        ObjectNode grouped = map(profile("customerSync: {taxExempt: group, taxExemptGroup: \"5\"}\n"),
                Map.of("TaxExemptNumber", "EX-1")).get(0).payload();
        assertThat(grouped.path("group_id").asInt()).isEqualTo(5);
        assertThat(map(profile("customerSync: {taxExempt: none}\n"), Map.of("TaxExemptNumber", "EX-1")).get(0).payload()
                .has("taxvat")).isFalse();
    }

    @Test
    void badSourceDataFailsTheRecordWithWhatIsWrong() {
        CustomerSyncMapping p = profile("legalEntities: [usmf, demf]\n");
        assertThatThrownBy(() -> map(p, Map.of("PrimaryContactEmail", "not-an-address")))
                .hasMessageContaining("PrimaryContactEmail 'not-an-address' is not an e-mail address");
        assertThatThrownBy(() -> map(p, Map.of("AddressCountryRegionId", "XYZ")))
                .hasMessageContaining("'XYZ' is no ISO 3166 alpha-3 code");
    }

    @Test
    void anOrganisationWithoutEmailTakesItsContactPersonsWhenTheProfileAllows() {
        CustomerSyncMapping p = profile("customerSync: {noEmail: contact-person}\n");
        CustomerV3 org = row(Map.of("PartyType", "Organization", "OrganizationName", "Fabrikam", "PrimaryContactEmail", ""));
        List<SyncRecord> records = new CustomerSyncMapper(p).map("usmf", new CustomerSource(org,
                Optional.of(new CustomerSource.Contact("buyer@fabrikam.example", "Ana", "Lee"))));
        assertThat(records.get(0).isSkip()).isFalse();
        assertThat(records.get(0).payload().at("/company/company_email").asText()).isEqualTo("buyer@fabrikam.example");
        assertThat(records.get(0).payload().at("/superUser/firstname").asText()).isEqualTo("Ana");
        assertThat(new CustomerSyncMapper(p).map("usmf", CustomerSource.of(org)).get(0).skip())
                .contains("no contact person has one");
    }
}
