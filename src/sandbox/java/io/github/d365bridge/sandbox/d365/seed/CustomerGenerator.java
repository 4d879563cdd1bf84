package io.github.d365bridge.sandbox.d365.seed;

import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.store.CompactRow;
import io.github.d365bridge.sandbox.d365.store.RowGenerator;
import io.github.d365bridge.sandbox.d365.store.RowShape;

/**
 * CustomersV3 demo rows: persons and organisations per legal entity, accounts {@code US-000001}…,
 * every property of the contract (see {@link CustomerContent} and {@link CustomerProfile} for what
 * they hold). Row {@code i} is computed from (seed, i) on demand in {@link #SHAPE}, so 100,000
 * customers cost no memory until something changes them.
 */
public final class CustomerGenerator implements RowGenerator {

    /** The slots of a customer row; stored customers use it too. */
    public static final RowShape SHAPE = new RowShape(EntityCatalog.CUSTOMERS);

    private static final int CONTENT_SET = 1;
    private static final int PROFILE_SET = 11;
    /** Party numbers of seeded customers start here (contact persons' parties have their own range). */
    private static final long FIRST_PARTY = 1000L;

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

    public int perCompany() {
        return perCompany;
    }

    public Companies companies() {
        return companies;
    }

    public static String account(LegalEntity company, int number) {
        return company.accountPrefix() + Padding.zeros(number, 6);
    }

    /** The account number within its company (US-000042 → 42), or -1 for another form. */
    static int number(String account) {
        int dash = account.lastIndexOf('-');
        try {
            return Integer.parseInt(account.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public Map<String, Object> row(int index) {
        LegalEntity company = companies.get(index / perCompany);
        int number = index % perCompany + 1;
        return CustomerContent.build(SHAPE, company, account(company, number), number, partyNumber(index), index,
                profile(index), new SeedRandom(seed, CONTENT_SET, index));
    }

    /** The decisions behind seed row {@code index}, without building it. */
    public CustomerProfile profile(int index) {
        return CustomerProfile.draw(new SeedRandom(seed, PROFILE_SET, index));
    }

    /** {@code PartyNumber} of seed row {@code index} (contact persons point at it). */
    static String partyNumber(int index) {
        return Padding.zeros(FIRST_PARTY + index, 9);
    }

    /**
     * A customer that did not exist before (the change simulation adds them): content as the seed
     * rows have it, drawn from {@code (seed, addSeed, uniq)}, no contact persons.
     *
     * @param uniq unique per added customer; keeps its record and location ids apart from the others
     */
    public CompactRow newCustomer(String company, String account, String partyNumber, long addSeed, long uniq) {
        SeedRandom profileRandom = new SeedRandom(seed ^ addSeed, PROFILE_SET + 100, uniq);
        SeedRandom contentRandom = new SeedRandom(seed ^ addSeed, CONTENT_SET + 100, uniq);
        return CustomerContent.build(SHAPE, companies.byId(company), account, number(account), partyNumber,
                uniq, CustomerProfile.draw(profileRandom).withoutContacts(), contentRandom);
    }

    @Override
    public List<Object> keyAt(int index, List<String> keyFields) {
        LegalEntity company = companies.get(index / perCompany);
        return List.of(company.id(), account(company, index % perCompany + 1));
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
