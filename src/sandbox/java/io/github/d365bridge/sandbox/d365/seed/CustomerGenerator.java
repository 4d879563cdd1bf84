package io.github.d365bridge.sandbox.d365.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.store.RowGenerator;

/** CustomersV3 demo rows: persons and organisations per legal entity, accounts {@code US-000001}…. */
public final class CustomerGenerator implements RowGenerator {

    private static final List<String> FIRST = List.of("Anna", "Ben", "Chloé", "David", "Emma", "Finn", "Grace",
            "Hiro", "Isabel", "Jonas", "Kira", "Liam", "María", "Noah", "Olivia", "Pavel");
    private static final List<String> LAST = List.of("Adams", "Becker", "Chen", "Dubois", "Evans", "Fischer",
            "García", "Hansen", "Ito", "Jones", "Kowalski", "López", "Müller", "Novak", "O'Brien", "Patel");
    private static final List<String> ORG_WORDS = List.of("Contoso", "Fabrikam", "Northwind", "Adventure Works",
            "Tailspin", "Litware", "Proseware", "Wingtip", "Coho", "Alpine Ski House");
    private static final List<String> ORG_SUFFIX = List.of("Retail", "Wholesale", "Supplies", "Outlet", "& Co.",
            "Stores", "Trading");
    private static final List<String> GROUPS = List.of("10", "20", "30", "80");

    private final Companies companies;
    private final int perCompany;
    private final long seed;

    public CustomerGenerator(Companies companies, int perCompany, long seed) {
        this.companies = companies;
        this.perCompany = perCompany;
        this.seed = seed;
    }

    @Override
    public int size() {
        return companies.size() * perCompany;
    }

    public static String account(LegalEntity company, int number) {
        return company.accountPrefix() + Padding.zeros(number, 6);
    }

    @Override
    public Map<String, Object> row(int index) {
        LegalEntity company = companies.get(index / perCompany);
        int number = index % perCompany + 1;
        SeedRandom r = new SeedRandom(seed, 1, index);
        boolean person = r.nextInt(3) == 0;
        String first = r.pick(FIRST);
        String last = r.pick(LAST);
        String org = r.pick(ORG_WORDS) + " " + r.pick(ORG_SUFFIX);
        String city = r.pick(company.cities());
        String state = r.pick(company.states());
        String street = (1 + r.nextInt(9999)) + " " + r.pick(List.of("Main Street", "Market Street", "Oak Avenue",
                "Station Road", "Hauptstraße", "High Street"));
        String zip = Padding.zeros(r.nextInt(100_000), 5);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataAreaId", company.id());
        row.put("CustomerAccount", account(company, number));
        row.put("PartyType", person ? "Person" : "Organization");
        row.put("PartyNumber", Padding.zeros(1000L + index, 9));
        row.put("OrganizationName", person ? first + " " + last : org);
        row.put("PersonFirstName", person ? first : "");
        row.put("PersonLastName", person ? last : "");
        row.put("NameAlias", person ? last : org.split(" ")[0]);
        row.put("PrimaryContactEmail", person
                ? (first + "." + last + number).toLowerCase().replace("'", "") + "@example.com"
                : "orders" + number + "@" + org.split(" ")[0].toLowerCase() + ".example");
        row.put("PrimaryContactPhone", "+1 555 " + Padding.zeros(r.nextInt(10_000_000), 7));
        row.put("CustomerGroupId", r.pick(GROUPS));
        row.put("SalesCurrencyCode", company.currency());
        row.put("CreditLimit", BigDecimal.valueOf(r.nextInt(50) * 1000L));
        row.put("CreditLimitIsMandatory", r.oneIn(4) ? "Yes" : "No");
        row.put("SalesTaxGroup", company.states().size() > 1 ? state : company.country().substring(0, 2));
        row.put("TaxExemptNumber", r.oneIn(10) ? "EX-" + (100_000 + index) : "");
        row.put("OnHoldStatus", r.oneIn(20) ? "All" : r.oneIn(40) ? "Invoice" : "No");
        for (String prefix : List.of("Address", "DeliveryAddress", "InvoiceAddress")) {
            row.put(prefix + "Street", street);
            row.put(prefix + "City", city);
            row.put(prefix + "ZipCode", zip);
            row.put(prefix + "State", state);
            row.put(prefix + "CountryRegionId", company.country());
        }
        row.put("DeliveryMode", r.pick(List.of("10", "20", "30")));
        row.put("CredManLastReviewDate", r.oneIn(5) ? Instant.parse("2025-03-01T09:30:00Z").plusSeconds(index) : null);
        return row;
    }

    @Override
    public int indexOf(List<Object> keyValues) {
        int company = companies.indexOf(keyValues.get(0));
        if (company < 0 || !(keyValues.get(1) instanceof String account)) {
            return -1;
        }
        String prefix = companies.get(company).accountPrefix();
        if (account.length() != prefix.length() + 6 || !account.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return -1;
        }
        try {
            int number = Integer.parseInt(account.substring(prefix.length()));
            return number >= 1 && number <= perCompany ? company * perCompany + number - 1 : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public int[] companyRange(String company) {
        int index = companies.indexOf(company);
        int per = perCompany;
        return index < 0 ? new int[] {0, 0} : new int[] {index * per, (index + 1) * per};
    }
}
