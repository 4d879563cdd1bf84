package io.github.d365bridge.sandbox.d365.seed;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.store.CompactRow;
import io.github.d365bridge.sandbox.d365.store.RowGenerator;
import io.github.d365bridge.sandbox.d365.store.RowShape;

/**
 * ContactPersons of the organisation customers that have no {@code PrimaryContactEmail} (see
 * {@link CustomerProfile}): the person a real integration asks for an e-mail address instead. Linked
 * the way the contract's fields link them: {@code AssociatedPartyNumber} is the customer's {@code
 * PartyNumber}, the customer's {@code ContactPersonId} names its first contact (the default one), a
 * second contact of the same party is not named by the customer and is not the default. One in ten
 * contacts has no e-mail either; a second contact has one half the time.
 *
 * <p>Ids are {@code CP-<customer number>} and {@code CP-<customer number>-2} (the sandbox's own number
 * sequence), so the rows come in key order and a key names its customer.
 */
public final class ContactPersonGenerator implements RowGenerator {

    public static final RowShape SHAPE = new RowShape(EntityCatalog.CONTACT_PERSONS);

    private static final int SET = 21;
    private static final long FIRST_PARTY = 800_000_000L;
    private static final List<String> TITLES = List.of("Purchasing manager", "Accounts payable", "Owner",
            "Office manager", "Buyer", "Head of operations");
    private static final List<String> FUNCTIONS = List.of("Purchasing", "Finance", "Management", "Operations");

    private final CustomerGenerator customers;
    private final long seed;
    /** Per contact, in key order: the customer's seed position and whether it is the second contact. */
    private final int[] customerIndex;
    private final boolean[] second;
    private final int[] companyStart;

    public ContactPersonGenerator(CustomerGenerator customers, long seed) {
        this.customers = customers;
        this.seed = seed;
        int total = customers.size();
        int count = 0;
        byte[] contacts = new byte[total];
        for (int i = 0; i < total; i++) {
            contacts[i] = (byte) customers.profile(i).contacts();
            count += contacts[i];
        }
        this.customerIndex = new int[count];
        this.second = new boolean[count];
        int companies = customers.companies().size();
        this.companyStart = new int[companies + 1];
        int next = 0;
        for (int i = 0; i < total; i++) {
            if (customers.perCompany() > 0 && i % customers.perCompany() == 0) {
                companyStart[i / customers.perCompany()] = next;
            }
            for (int k = 0; k < contacts[i]; k++) {
                customerIndex[next] = i;
                second[next] = k == 1;
                next++;
            }
        }
        if (customers.perCompany() == 0) {
            Arrays.fill(companyStart, 0);
        }
        companyStart[companies] = next;
    }

    /** The id of a customer's n-th contact (1 or 2). */
    static String id(int customerNumber, int n) {
        return "CP-" + Padding.zeros(customerNumber, 6) + (n == 1 ? "" : "-" + n);
    }

    @Override
    public int size() {
        return customerIndex.length;
    }

    @Override
    public Map<String, Object> row(int index) {
        int customer = customerIndex[index];
        boolean isSecond = second[index];
        Map<String, Object> org = customers.row(customer);
        SeedRandom r = new SeedRandom(seed, SET, index);
        String first = r.pick(CustomerContent.FIRST);
        String last = r.pick(CustomerContent.LAST);
        int number = customer % customers.perCompany() + 1;
        String domain = CustomerContent.slug(CustomerContent.firstWord((String) org.get("OrganizationName"))) + ".example";
        boolean email = isSecond ? r.percent(50) : r.percent(90);
        CompactRow.Builder b = SHAPE.builder()
                .set("dataAreaId", org.get("dataAreaId"))
                .set("ContactPersonId", id(number, isSecond ? 2 : 1))
                .set("ContactPersonPartyNumber", Padding.zeros(FIRST_PARTY + customer * 2L + (isSecond ? 1 : 0), 9))
                .set("ContactPersonPartyType", "Person")
                .set("AssociatedPartyNumber", org.get("PartyNumber"))
                .set("FirstName", first).set("LastName", last).set("ContactPersonName", first + " " + last)
                .set("SearchName", last)
                .set("IsDefaultContactPerson", isSecond ? "No" : "Yes")
                .set("EmploymentJobTitle", r.pick(TITLES)).set("EmploymentJobFunctionName", r.pick(FUNCTIONS))
                .set("ContactInformationLanguageId", org.get("LanguageId"))
                .set("LastEditDateTime", Instant.parse("2024-01-01T09:00:00Z").plusSeconds(r.nextInt(50_000_000)));
        if (email) {
            b.set("PrimaryEmailAddress", CustomerContent.ascii(first) + "." + CustomerContent.ascii(last) + "@" + domain);
        }
        if (r.percent(70)) {
            b.set("PrimaryPhoneNumber", org.get("PrimaryContactPhone").toString().isEmpty()
                    ? "+1 555 " + Padding.zeros(r.nextInt(10_000_000), 7) : org.get("PrimaryContactPhone"))
                    .set("PrimaryPhoneNumberExtension", Integer.toString(100 + r.nextInt(900)));
        }
        return b.build();
    }

    @Override
    public int indexOf(List<Object> keyValues) {
        int company = customers.companies().indexOf(keyValues.get(0));
        if (company < 0 || !(keyValues.get(1) instanceof String id) || !id.regionMatches(true, 0, "CP-", 0, 3)) {
            return -1;
        }
        boolean isSecond = id.length() == 11 && id.endsWith("-2");
        if (id.length() != 9 && !isSecond) {
            return -1;
        }
        int number;
        try {
            number = Integer.parseInt(id.substring(3, 9));
        } catch (NumberFormatException e) {
            return -1;
        }
        if (number < 1 || number > customers.perCompany()) {
            return -1;
        }
        int customer = company * customers.perCompany() + number - 1;
        int at = Arrays.binarySearch(customerIndex, companyStart[company], companyStart[company + 1], customer);
        if (at < 0) {
            return -1;
        }
        while (at > companyStart[company] && customerIndex[at - 1] == customer) {
            at--; // binary search may land on the second of two
        }
        int found = isSecond ? at + 1 : at;
        return found < customerIndex.length && customerIndex[found] == customer && second[found] == isSecond ? found : -1;
    }

    @Override
    public int[] companyRange(String company) {
        int index = customers.companies().indexOf(company);
        return index < 0 ? new int[] {0, 0} : new int[] {companyStart[index], companyStart[index + 1]};
    }
}
