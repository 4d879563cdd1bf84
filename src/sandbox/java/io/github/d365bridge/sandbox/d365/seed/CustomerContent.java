package io.github.d365bridge.sandbox.d365.seed;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.d365bridge.sandbox.d365.store.CompactRow;
import io.github.d365bridge.sandbox.d365.store.RowShape;

/**
 * What a CustomersV3 row holds beyond its empty values, and how its content changes. Names keep the
 * pitfalls of real data (apostrophes, accents, particles, a trailing blank now and then); addresses
 * follow their country's format; e-mail addresses are derived from the names without accents, a few
 * in mixed case. Every other contract field stays empty, as most of them are on a real tenant.
 */
final class CustomerContent {

    static final List<String> FIRST = List.of("Anna", "Ben", "Chloé", "David", "Emma", "Finn", "Grace", "Hiro",
            "Isabel", "Jonas", "Kira", "Liam", "María", "Noah", "Olivia", "Pavel", "Zoë", "Søren", "Łukasz", "José",
            "François", "Siobhán", "Jürgen", "Ana-Lucía");
    static final List<String> LAST = List.of("Adams", "Becker", "Chen", "Dubois", "Evans", "Fischer", "García",
            "Hansen", "Ito", "Jones", "Kowalski", "López", "Müller", "Novak", "O'Brien", "Patel", "van der Berg",
            "D'Angelo", "Nguyễn", "Weiß", "Müller-Lüdenscheidt", "O'Neill", "de la Cruz", "Ørsted");
    private static final List<String> ORG_WORDS = List.of("Contoso", "Fabrikam", "Northwind", "Adventure Works",
            "Tailspin", "Litware", "Proseware", "Wingtip", "Coho", "Alpine Ski House", "Café Lumière", "O'Connor's",
            "Zoë's Bakery", "Ångström Labs", "Smith & Sons", "Bäckerei Groß", "L'Atelier", "Trey Research");
    private static final Map<String, List<String>> ORG_SUFFIX = Map.of(
            "USA", List.of("Inc.", "LLC", "Corp.", "Retail", "Wholesale", "Supplies", "& Co."),
            "DEU", List.of("GmbH", "AG", "GmbH & Co. KG", "e.K."),
            "GBR", List.of("Ltd", "plc", "Trading", "Stores"),
            "FRA", List.of("SARL", "SA", "SAS"),
            "NLD", List.of("B.V.", "N.V."),
            "AUT", List.of("GmbH"),
            "CHE", List.of("AG", "GmbH", "SA"),
            "BEL", List.of("BV", "SRL"),
            "DNK", List.of("ApS", "A/S"),
            "IRL", List.of("Ltd", "DAC"));
    private static final List<String> ORG_MAILBOXES = List.of("info", "orders", "sales", "accounts", "purchasing");
    private static final List<String> PERSON_DOMAINS = List.of("example.com", "example.net", "mail.example");
    private static final List<String> ORG_GROUPS = List.of("10", "10", "20", "20", "80");
    private static final List<String> PRICE_GROUPS = List.of("RETAIL", "WHOLESALE", "DIST", "VIP");
    private static final List<String> OTHER_LANGUAGES = List.of("en-us", "de", "fr", "nl", "es", "it", "en-gb", "da");
    private static final List<String> ORG_PAYMENT_TERMS = List.of("Net30", "Net30", "Net45", "Net60", "Net10");
    /** D365's end of time for effective-dated rows such as addresses. */
    private static final Instant VALID_TO = Instant.parse("2154-12-31T23:59:59Z");
    private static final Instant VALID_FROM_START = Instant.parse("2015-01-01T08:00:00Z");
    /** Record ids in D365 start at 5637144576. */
    private static final long FIRST_REC_ID = 5_637_144_576L;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private CustomerContent() {
    }

    /**
     * One customer.
     *
     * @param number  the account's number in its company (US-000042 → 42), which keeps e-mails unique
     * @param uniq    unique per customer across companies, for record and location ids
     */
    static CompactRow build(RowShape shape, LegalEntity company, String account, int number, String partyNumber,
            long uniq, CustomerProfile p, SeedRandom r) {
        CompactRow.Builder b = shape.builder();
        Country home = Country.of(company.country());
        Country country = r.percent(8) ? Country.of(r.pick(Country.abroadFrom(home.alpha3()))) : home;
        boolean org = p.organization();
        String first = r.pick(FIRST);
        String last = r.pick(LAST);
        String orgName = organizationName(r, country);
        String name = org ? orgName : first + " " + last;
        b.set("dataAreaId", company.id()).set("CustomerAccount", account)
                .set("PartyType", org ? "Organization" : "Person").set("PartyNumber", partyNumber)
                .set("OrganizationName", name).set("NameAlias", org ? firstWord(orgName) : last);
        if (!org) {
            b.set("PersonFirstName", first).set("PersonLastName", last)
                    .set("PersonMiddleName", r.percent(10) ? r.pick(List.of("J.", "Marie", "Lee", "Ann")) : "");
        }

        if (p.email()) {
            b.set("PrimaryContactEmail", org ? organizationEmail(r, orgName, number) : personEmail(r, first, last, number))
                    .set("PrimaryContactEmailRecordId", recId(uniq, 1));
        }
        if (r.percent(85)) {
            b.set("PrimaryContactPhone", country.phone(r)).set("PrimaryContactPhoneRecordId", recId(uniq, 2))
                    .set("PrimaryContactPhoneIsMobile", !org && r.percent(60) ? "Yes" : "No");
            if (org && r.percent(10)) {
                b.set("PrimaryContactPhoneExtension", Integer.toString(10 + r.nextInt(990)));
            }
        }
        if (org && r.percent(40)) {
            b.set("PrimaryContactURL", "https://www." + slug(firstWord(orgName)) + ".example")
                    .set("PrimaryContactURLRecordId", recId(uniq, 3));
        }
        if (org && r.percent(8)) {
            b.set("PrimaryContactFax", country.phone(r)).set("PrimaryContactFaxRecordId", recId(uniq, 4));
        }
        if (p.contacts() > 0) {
            b.set("ContactPersonId", ContactPersonGenerator.id(number, 1));
        }

        boolean atHome = country == home;
        String[] cityState = r.pick(country.citiesAndStates());
        b.set("CustomerGroupId", org ? r.pick(ORG_GROUPS) : "30").set("SalesCurrencyCode", company.currency())
                .set("CreditLimit", org && !r.percent(20) ? BigDecimal.valueOf((5 + r.nextInt(96)) * 1000L) : BigDecimal.ZERO)
                .set("CreditLimitIsMandatory", org && r.percent(30) ? "Yes" : "No")
                .set("SalesTaxGroup", !atHome ? "EXPORT" : home.alpha3().equals("USA") ? cityState[1]
                        : home.alpha3().substring(0, 2))
                .set("OnHoldStatus", p.onHold())
                .set("LanguageId", r.percent(75) ? country.languageId() : r.pick(OTHER_LANGUAGES))
                .set("PaymentTerms", org ? r.pick(ORG_PAYMENT_TERMS) : "Net10")
                .set("DeliveryMode", r.pick(List.of("10", "20", "30")));
        String priceGroup = org ? (r.percent(45) ? "" : r.pick(PRICE_GROUPS)) : (r.percent(85) ? "" : "RETAIL");
        b.set("DiscountPriceGroupId", priceGroup);
        if (org) {
            if (r.percent(40)) {
                b.set("TaxExemptNumber", country.alpha3().equals("USA") ? "EX-" + Padding.zeros(r.nextInt(1_000_000), 6)
                        : country.alpha2() + Padding.zeros(r.nextInt(1_000_000_000), 9));
            }
            b.set("PaymentMethod", r.pick(List.of("CHECK", "ELECTRONIC", "")))
                    .set("DeliveryTerms", r.pick(List.of("FOB", "CIF", "EXW", "DAP")));
            if (r.percent(30)) {
                b.set("OrganizationNumberOfEmployees", (long) (1 + r.nextInt(2000)));
            }
            if (r.percent(40)) {
                b.set("OrganizationABCCode", r.pick(List.of("A", "B", "C")));
                b.set("CredManCustomerSince", LocalDate.of(2008 + r.nextInt(17), 1 + r.nextInt(12), 1 + r.nextInt(28)));
            }
        }
        if (r.percent(20)) {
            LocalDate reviewed = LocalDate.of(2025, 1 + r.nextInt(6), 1 + r.nextInt(28));
            b.set("CredManLastReviewDate", reviewed).set("CredManNextSchedReviewDate", reviewed.plusYears(1));
        }

        String street = country.street(r);
        String zip = country.zip(r);
        Instant validFrom = VALID_FROM_START.plusSeconds(r.nextInt(315_360_000));
        address(b, "Address", country, street, zip, cityState, p.isoEmpty(), location(uniq, 0), validFrom, name);
        b.set("AddressRecordId", recId(uniq, 0)).set("AddressLocationRoles", org ? "Business" : "Home")
                .set("FullPrimaryAddress", country.fullAddress(street, zip, cityState[0], cityState[1]));
        // delivery and invoice address: mostly the primary one, sometimes their own, sometimes none at all
        int delivery = r.nextInt(100);
        if (delivery < 80) {
            address(b, "DeliveryAddress", country, street, zip, cityState, p.isoEmpty(), location(uniq, 0), validFrom, name);
        } else if (delivery < 92) {
            address(b, "DeliveryAddress", country, country.street(r), country.zip(r), r.pick(country.citiesAndStates()),
                    p.isoEmpty(), location(uniq, 1), validFrom.plusSeconds(86_400), org ? "Warehouse" : "Delivery");
        }
        int invoice = r.nextInt(100);
        if (invoice < 85) {
            address(b, "InvoiceAddress", country, street, zip, cityState, p.isoEmpty(), location(uniq, 0), validFrom, name);
        } else if (invoice < 92) {
            address(b, "InvoiceAddress", country, country.street(r), country.zip(r), cityState, p.isoEmpty(),
                    location(uniq, 2), validFrom.plusSeconds(172_800), "Accounts payable");
        }
        return b.build();
    }

    /** A new name: another organisation name, or for a person a new last name (OrganizationName follows). */
    static void rename(CompactRow.Builder b, SeedRandom r) {
        String old = (String) b.get("OrganizationName");
        if ("Person".equals(b.get("PartyType"))) {
            String first = (String) b.get("PersonFirstName");
            String last;
            do {
                last = r.pick(LAST);
            } while (last.equals(b.get("PersonLastName")));
            b.set("PersonLastName", last).set("OrganizationName", (first + " " + last).trim());
            return;
        }
        String name;
        int tries = 0;
        do {
            name = organizationName(r, countryOf(b));
        } while (name.equals(old) && ++tries < 20);
        b.set("OrganizationName", name.equals(old) ? name + " (new)" : name);
    }

    /** A new primary e-mail address (an organisation without one gets its first). */
    static void newEmail(CompactRow.Builder b, SeedRandom r, int number, long uniq) {
        String old = (String) b.get("PrimaryContactEmail");
        String email = "Person".equals(b.get("PartyType"))
                ? personEmail(r, (String) b.get("PersonFirstName"), (String) b.get("PersonLastName"), number)
                : organizationEmail(r, (String) b.get("OrganizationName"), number);
        if (email.equalsIgnoreCase(old)) {
            email = "new." + email;
        }
        b.set("PrimaryContactEmail", email);
        if (Long.valueOf(0).equals(b.get("PrimaryContactEmailRecordId"))) {
            b.set("PrimaryContactEmailRecordId", recId(uniq, 5));
        }
    }

    /** The customer moves: a new primary address in the same country; delivery/invoice follow where they were the same place. */
    static void move(CompactRow.Builder b, SeedRandom r) {
        Country country = countryOf(b);
        String oldStreet = (String) b.get("AddressStreet");
        String street;
        do {
            street = country.street(r);
        } while (street.equals(oldStreet));
        String zip = country.zip(r);
        String[] cityState = r.pick(country.citiesAndStates());
        Object location = b.get("AddressLocationId");
        for (String prefix : List.of("Address", "DeliveryAddress", "InvoiceAddress")) {
            if (prefix.equals("Address") || location.equals(b.get(prefix + "LocationId"))) {
                b.set(prefix + "Street", street).set(prefix + "ZipCode", zip).set(prefix + "City", cityState[0])
                        .set(prefix + "State", cityState[1]);
            }
        }
        b.set("FullPrimaryAddress", country.fullAddress(street, zip, cityState[0], cityState[1]));
    }

    /** A new primary phone number. */
    static void newPhone(CompactRow.Builder b, SeedRandom r) {
        Country country = countryOf(b);
        String old = (String) b.get("PrimaryContactPhone");
        String phone;
        do {
            phone = country.phone(r);
        } while (phone.equals(old));
        b.set("PrimaryContactPhone", phone);
    }

    private static Country countryOf(CompactRow.Builder b) {
        String id = (String) b.get("AddressCountryRegionId");
        try {
            return Country.of(id == null || id.isEmpty() ? "USA" : id);
        } catch (IllegalArgumentException e) {
            return Country.of("USA");
        }
    }

    private static void address(CompactRow.Builder b, String prefix, Country country, String street, String zip,
            String[] cityState, boolean isoEmpty, String locationId, Instant validFrom, String description) {
        b.set(prefix + "Street", street).set(prefix + "ZipCode", zip).set(prefix + "City", cityState[0])
                .set(prefix + "State", cityState[1]).set(prefix + "CountryRegionId", country.alpha3())
                .set(prefix + "CountryRegionISOCode", isoEmpty ? "" : country.alpha2())
                .set(prefix + "Description", description).set(prefix + "LocationId", locationId)
                .set(prefix + "ValidFrom", validFrom).set(prefix + "ValidTo", VALID_TO);
    }

    private static String organizationName(SeedRandom r, Country country) {
        List<String> suffixes = ORG_SUFFIX.getOrDefault(country.alpha3(), ORG_SUFFIX.get("USA"));
        String name = r.pick(ORG_WORDS) + " " + r.pick(suffixes);
        // real names are typed by people: one in a hundred keeps a trailing blank, which must not be trimmed
        return r.percent(1) ? name + " " : name;
    }

    private static String personEmail(SeedRandom r, String first, String last, int number) {
        String local = ascii(first) + "." + ascii(last) + number;
        String domain = r.pick(PERSON_DOMAINS);
        if (r.percent(8)) {
            // typed with capitals, as people do; e-mail comparisons must ignore case
            return capitalise(ascii(first)) + "." + capitalise(ascii(last)) + number + "@" + capitalise(domain);
        }
        return local + "@" + domain;
    }

    private static String organizationEmail(SeedRandom r, String organizationName, int number) {
        return r.pick(ORG_MAILBOXES) + number + "@" + slug(firstWord(organizationName)) + ".example";
    }

    static String firstWord(String name) {
        String trimmed = name.strip();
        int blank = trimmed.indexOf(' ');
        return blank < 0 ? trimmed : trimmed.substring(0, blank);
    }

    /** Lower-case ASCII letters and digits only: the part of a name that survives in an e-mail address. */
    static String ascii(String text) {
        String folded = text.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l")
                .replace("Ł", "L").replace("Å", "A").replace("å", "a");
        folded = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(folded.length());
        for (char c : folded.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String slug(String word) {
        String slug = ascii(word);
        return slug.isEmpty() ? "company" : slug;
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static long recId(long uniq, int kind) {
        return FIRST_REC_ID + uniq * 8 + kind;
    }

    private static String location(long uniq, int kind) {
        return Padding.zeros(1_000_000_000L + uniq * 4 + kind, 10);
    }
}
