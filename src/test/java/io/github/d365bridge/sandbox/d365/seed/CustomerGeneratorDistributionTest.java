package io.github.d365bridge.sandbox.d365.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.model.EnumType;
import io.github.d365bridge.sandbox.d365.model.Field;
import io.github.d365bridge.sandbox.d365.model.FieldKind;

/**
 * The customers look like a real tenant's: shares of organisations, missing e-mails, blocked customers,
 * empty ISO codes and price groups as the notes describe, country-shaped addresses, names with
 * apostrophes and accents. 20,000 rows, so the tolerances are about five standard deviations wide.
 */
class CustomerGeneratorDistributionTest {

    private static final int PER_COMPANY = 5_000;
    private static final Companies COMPANIES = new Companies(List.of("usmf", "ussi", "demf", "gbsi"));
    private static Map<String, Integer> counts;
    private static List<Map<String, Object>> rows;

    @BeforeAll
    static void generate() {
        CustomerGenerator generator = new CustomerGenerator(COMPANIES, PER_COMPANY, 365);
        rows = new java.util.ArrayList<>();
        for (int i = 0; i < generator.size(); i++) {
            rows.add(generator.row(i));
        }
        counts = new HashMap<>();
        for (Map<String, Object> row : rows) {
            boolean org = row.get("PartyType").equals("Organization");
            boolean email = !row.get("PrimaryContactEmail").toString().isEmpty();
            count(org ? "org" : "person");
            count(org ? (email ? "org.email" : "org.noEmail") : (email ? "person.email" : "person.noEmail"));
            count("onHold." + row.get("OnHoldStatus"));
            count(row.get("AddressCountryRegionISOCode").toString().isEmpty() ? "iso.empty" : "iso.set");
            count(row.get("DiscountPriceGroupId").toString().isEmpty() ? "priceGroup.empty" : "priceGroup.set");
            count("language." + row.get("LanguageId"));
        }
    }

    private static void count(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    private static double share(String key, String of) {
        return (double) counts.getOrDefault(key, 0) / counts.getOrDefault(of, rows.size());
    }

    @Test
    void organisationsMostlyWithoutEmailPersonsMostlyWith() {
        assertThat(share("org", "all")).isBetween(0.285, 0.315);
        assertThat(share("org.noEmail", "org")).as("16 of 20 in the real tenant").isBetween(0.775, 0.825);
        assertThat(share("person.email", "person")).isBetween(0.885, 0.915);
    }

    @Test
    void someCustomersAreOnHoldWithTheMembersOfCustVendorBlocked() {
        int notNo = rows.size() - counts.get("onHold.No");
        assertThat((double) notNo / rows.size()).isBetween(0.019, 0.031);
        Set<String> members = new HashSet<>();
        rows.forEach(r -> members.add((String) r.get("OnHoldStatus")));
        assertThat(members).containsExactlyInAnyOrder("No", "All", "Invoice", "Payment", "Requisition", "Never");
        assertThat(EnumType.CUST_VEND_BLOCKED.members()).containsAll(members);
        assertThat(counts.get("onHold.All")).as("All is the usual block").isGreaterThan(counts.get("onHold.Invoice"));
    }

    @Test
    void countryIdsAreAlpha3AndTheIsoCodeIsEmptyForAboutHalf() {
        assertThat(share("iso.empty", "all")).isBetween(0.48, 0.52);
        for (Map<String, Object> row : rows) {
            assertThat((String) row.get("AddressCountryRegionId")).matches("[A-Z]{3}");
            assertThat((String) row.get("AddressCountryRegionISOCode")).matches("|[A-Z]{2}");
            assertThat((String) row.get("FullPrimaryAddress")).endsWith("\n" + row.get("AddressCountryRegionId"));
        }
        long abroad = rows.stream().filter(r -> !r.get("AddressCountryRegionId").equals(
                COMPANIES.byId((String) r.get("dataAreaId")).country())).count();
        assertThat((double) abroad / rows.size()).as("customers abroad").isBetween(0.06, 0.10);
    }

    @Test
    void commercialFieldsAsARealTenantFillsThem() {
        assertThat(share("priceGroup.empty", "all")).as("price group often empty").isBetween(0.68, 0.78);
        assertThat(counts.keySet()).contains("language.en-us", "language.de", "language.en-gb", "language.fr",
                "language.nl");
        for (Map<String, Object> row : rows) {
            boolean org = row.get("PartyType").equals("Organization");
            assertThat((String) row.get("CustomerGroupId")).isIn("10", "20", "30", "80");
            assertThat((String) row.get("SalesTaxGroup")).isNotEmpty();
            assertThat((String) row.get("SalesCurrencyCode")).isEqualTo(COMPANIES.byId((String) row.get("dataAreaId")).currency());
            if (!org) {
                assertThat((String) row.get("TaxExemptNumber")).isEmpty();
                assertThat(row.get("CreditLimit")).isEqualTo(java.math.BigDecimal.ZERO);
                assertThat((String) row.get("PersonLastName")).isNotEmpty();
            }
        }
        long orgs = counts.get("org");
        long exempt = rows.stream().filter(r -> !r.get("TaxExemptNumber").toString().isEmpty()).count();
        long credit = rows.stream().filter(r -> ((java.math.BigDecimal) r.get("CreditLimit")).signum() > 0).count();
        assertThat((double) exempt / orgs).isBetween(0.35, 0.45);
        assertThat((double) credit / orgs).isBetween(0.75, 0.85);
        long phones = rows.stream().filter(r -> !r.get("PrimaryContactPhone").toString().isEmpty()).count();
        assertThat((double) phones / rows.size()).isBetween(0.83, 0.87);
    }

    @Test
    void namesKeepTheirPitfallsAndEmailsAreUniquePerCompany() {
        assertThat(rows).anyMatch(r -> r.get("OrganizationName").toString().contains("'"));
        assertThat(rows).anyMatch(r -> !r.get("OrganizationName").toString().matches("\\p{ASCII}*"));
        assertThat(rows).anyMatch(r -> r.get("OrganizationName").toString().endsWith(" "));
        assertThat(rows).anyMatch(r -> !r.get("PrimaryContactEmail").toString().equals(
                r.get("PrimaryContactEmail").toString().toLowerCase(Locale.ROOT)));
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> row : rows) {
            String email = row.get("PrimaryContactEmail").toString();
            if (!email.isEmpty()) {
                assertThat(email).matches("[A-Za-z0-9.]+@[A-Za-z0-9.]+");
                assertThat(seen.add(row.get("dataAreaId") + "/" + email.toLowerCase(Locale.ROOT))).as(email).isTrue();
            }
        }
    }

    @Test
    void everyContractFieldIsThereWithItsEmptyValueWhenUnset() {
        Map<String, Object> row = rows.get(0);
        assertThat(row).hasSize(309);
        for (Field field : EntityCatalog.CUSTOMERS.fields()) {
            Object value = row.get(field.name());
            if (field.kind().isTemporal()) {
                continue; // an empty date is null
            }
            assertThat(value).as(field.name()).isNotNull();
            if (field.kind() == FieldKind.ENUM) {
                assertThat(field.enumType().members()).contains((String) value);
            }
        }
        assertThat(row.get("PersonAnniversaryYear")).isEqualTo(0L);
        assertThat(row.get("AddressTimeZone")).isEqualTo("GMTMINUS1200INTERNATIONALDATELINEWEST");
        assertThat(row.get("SalesMemo")).isEqualTo("");
    }

    @Test
    void accountsAndPartyNumbersStayWhereTheOrderCodeExpectsThem() {
        // companies sort by id: demf, gbsi, usmf, ussi; accounts and party numbers as before the content grew
        assertThat(rows.get(0)).containsEntry("dataAreaId", "demf").containsEntry("CustomerAccount", "DE-000001")
                .containsEntry("PartyNumber", "000001000");
        assertThat(rows.get(2 * PER_COMPANY + 41)).containsEntry("dataAreaId", "usmf")
                .containsEntry("CustomerAccount", "US-000042").containsEntry("PartyNumber", "000011041");
        CustomerGenerator same = new CustomerGenerator(COMPANIES, PER_COMPANY, 365);
        CustomerGenerator other = new CustomerGenerator(COMPANIES, PER_COMPANY, 366);
        assertThat(same.row(777)).isEqualTo(rows.get(777));
        assertThat(other.row(777)).isNotEqualTo(rows.get(777))
                .containsEntry("CustomerAccount", rows.get(777).get("CustomerAccount"));
    }
}
