package io.github.d365bridge.sandbox.d365.seed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.LongSupplier;

import io.github.d365bridge.sandbox.d365.seed.CustomerChange.Aspect;
import io.github.d365bridge.sandbox.d365.seed.CustomerChange.Kind;
import io.github.d365bridge.sandbox.d365.store.CompactRow;
import io.github.d365bridge.sandbox.d365.store.EntityTable;

/**
 * Simulates what happens to customers in D365 between two syncs: content changes, deletions, new
 * customers. Which customers, and what they become, follow from the seed given and the table's
 * state, so a test or benchmark that repeats a run gets the same records; every call answers exactly
 * what it did (and {@link #log()} keeps it), so a benchmark knows which records a sync must find.
 * Changes go through the table like any write: OData reads see them at once, ETags change, and
 * only the touched rows are held in memory.
 */
public final class CustomerChanges {

    private static final int CHANGE_SET = 31;

    private final EntityTable table;
    private final CustomerGenerator generator;
    private final Function<String, String> nextAccount;
    private final LongSupplier nextParty;
    private final List<CustomerChange> log = new ArrayList<>();

    /**
     * @param nextAccount the next free account of a company (the number sequence OData creates use)
     * @param nextParty   the next party number
     */
    public CustomerChanges(EntityTable table, CustomerGenerator generator, Function<String, String> nextAccount,
            LongSupplier nextParty) {
        this.table = table;
        this.generator = generator;
        this.nextAccount = nextAccount;
        this.nextParty = nextParty;
    }

    /** Customers that exist now, in one company or (null) all. */
    public synchronized int liveCount(String company) {
        return live(company).length;
    }

    /** {@code percent} of {@code live} rounded to the nearest whole customer: what {@link #changeShare} changes. */
    public static int share(int live, double percent) {
        return (int) Math.round(live * percent / 100.0);
    }

    /**
     * Changes the content of {@code count} distinct existing customers.
     *
     * @param company        a legal entity, or null to pick among all
     * @param aspects        what changes; every value really differs afterwards
     * @param oneAspectEach  each customer gets one of the aspects (in turn) instead of all of them
     * @return one {@link Kind#CHANGED} per customer, in scan order (seed rows by key, then added ones), with
     *         the before and after values
     */
    public synchronized List<CustomerChange> change(String company, int count, long seed, List<Aspect> aspects,
            boolean oneAspectEach) {
        if (aspects.isEmpty()) {
            throw new IllegalArgumentException("name at least one aspect to change: " + Arrays.toString(Aspect.values()));
        }
        List<Aspect> distinct = aspects.stream().distinct().toList();
        int[] chosen = choose(live(company), count, seed, 1);
        List<CustomerChange> done = new ArrayList<>(chosen.length);
        for (int i = 0; i < chosen.length; i++) {
            int position = chosen[i];
            Map<String, Object> old = table.rowAt(position);
            CompactRow.Builder b = CustomerGenerator.SHAPE.builder(old);
            SeedRandom r = new SeedRandom(seed, CHANGE_SET, position);
            List<Aspect> these = oneAspectEach ? List.of(distinct.get(i % distinct.size())) : distinct;
            String account = (String) old.get("CustomerAccount");
            for (Aspect aspect : these) {
                switch (aspect) {
                    case NAME -> CustomerContent.rename(b, r);
                    case EMAIL -> CustomerContent.newEmail(b, r, Math.max(0, CustomerGenerator.number(account)),
                            100_000_000L + position);
                    case ADDRESS -> CustomerContent.move(b, r);
                    case PHONE -> CustomerContent.newPhone(b, r);
                }
            }
            CompactRow changed = b.build();
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            changed.forEach((field, value) -> {
                if (!Objects.equals(value, old.get(field))) {
                    before.put(field, old.get(field));
                    after.put(field, value);
                }
            });
            table.replace(changed);
            done.add(record(new CustomerChange(Kind.CHANGED, (String) old.get("dataAreaId"), account, before, after)));
        }
        return done;
    }

    /** {@link #change} of exactly {@link #share}(live customers, percent) customers. */
    public synchronized List<CustomerChange> changeShare(String company, double percent, long seed, List<Aspect> aspects,
            boolean oneAspectEach) {
        return change(company, share(live(company).length, percent), seed, aspects, oneAspectEach);
    }

    /** Deletes {@code count} distinct existing customers; answers them in scan order. */
    public synchronized List<CustomerChange> delete(String company, int count, long seed) {
        int[] chosen = choose(live(company), count, seed, 2);
        List<CustomerChange> done = new ArrayList<>(chosen.length);
        for (int position : chosen) {
            List<Object> key = table.liveKeyAt(position);
            table.delete(key);
            done.add(record(new CustomerChange(Kind.DELETED, (String) key.get(0), (String) key.get(1), Map.of(), Map.of())));
        }
        return done;
    }

    /**
     * Adds {@code count} new customers with accounts from the company's number sequence (after the
     * seeded ones and any created through OData), content like the seeded ones; without a company they
     * are spread over all legal entities in turn.
     */
    public synchronized List<CustomerChange> add(String company, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        List<CustomerChange> done = new ArrayList<>(count);
        Companies companies = generator.companies();
        for (int i = 0; i < count; i++) {
            String target = company != null ? companies.byId(company).id() : companies.get(i % companies.size()).id();
            String account = nextAccount.apply(target);
            long party = nextParty.getAsLong();
            CompactRow row = generator.newCustomer(target, account, Padding.zeros(party, 9), seed, party);
            table.insert(row);
            done.add(record(new CustomerChange(Kind.ADDED, target, account, Map.of(), row)));
        }
        return done;
    }

    /** Everything simulated since the last reset, in order. */
    public synchronized List<CustomerChange> log() {
        return List.copyOf(log);
    }

    /** Forgets the log (the table's own reset brings the rows back). */
    public synchronized void clear() {
        log.clear();
    }

    private CustomerChange record(CustomerChange change) {
        log.add(change);
        return change;
    }

    /** Scan positions of the customers that exist now. */
    private int[] live(String company) {
        int[] range = company == null ? new int[] {0, table.seedSize()} : table.seedRange(company);
        if (company != null && generator.companies().indexOf(company) < 0) {
            throw new IllegalArgumentException("no legal entity '" + company + "'");
        }
        int end = table.scanSize();
        int[] positions = new int[range[1] - range[0] + end - table.seedSize()];
        int n = 0;
        for (int i = range[0]; i < range[1]; i++) {
            if (table.liveKeyAt(i) != null) {
                positions[n++] = i;
            }
        }
        for (int i = table.seedSize(); i < end; i++) {
            List<Object> key = table.liveKeyAt(i);
            if (key != null && (company == null || company.equalsIgnoreCase((String) key.get(0)))) {
                positions[n++] = i;
            }
        }
        return Arrays.copyOf(positions, n);
    }

    /** {@code count} distinct positions drawn from the candidates by a seeded partial shuffle, in scan order. */
    private static int[] choose(int[] candidates, int count, long seed, int purpose) {
        if (count < 0 || count > candidates.length) {
            throw new IllegalArgumentException("cannot pick " + count + " of " + candidates.length + " customers");
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + purpose);
        int[] pool = candidates.clone();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(pool.length - i);
            int swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
        }
        int[] chosen = Arrays.copyOf(pool, count);
        Arrays.sort(chosen);
        return chosen;
    }
}
