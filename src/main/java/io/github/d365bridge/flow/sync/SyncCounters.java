package io.github.d365bridge.flow.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one step, one legal entity or one run did, by record (a source record mapped to several scopes counts
 * once per scope in all but {@code read}).
 *
 * @param read      source records read
 * @param unchanged records whose hash matched what was confirmed before (nothing written)
 * @param added     records without a confirmed hash (new to the target, or never confirmed)
 * @param changed   records whose content differs from what the target confirmed
 * @param written   records the target confirmed (created, updated or adopted)
 * @param adopted   of those, records the target had already (matched by e-mail, say) and are now linked
 * @param failed    records the target refused or that could not be written; tried again on the next run
 * @param skipped   records not written on purpose (e.g. no e-mail); reported once while unchanged
 * @param removed   records gone from the source since the last run, handled by the flow's rule
 * @param stillFailed of the unchanged, records that failed before with this very content: not sent again (the
 *                  target would refuse them again) until they change or are run alone
 * @param reasons   failures and skips counted by reason
 */
public record SyncCounters(long read, long unchanged, long added, long changed, long written, long adopted,
        long failed, long skipped, long removed, long stillFailed, Map<String, Long> reasons) {

    public static final SyncCounters NONE = new SyncCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
    private static final int REASON_LENGTH = 160;

    /**
     * Distinct reasons kept: counters are stored in one table property (64 KB at most), and a reason that
     * names its record (a SKU, an account) is distinct per record. The most frequent stay; the others add up
     * under {@link #OTHER_REASONS}. Each record's own reason stays in its state and failure entry.
     */
    public static final int MAX_REASONS = 40;
    public static final String OTHER_REASONS = "(other reasons: see each record's failure)";

    public SyncCounters {
        reasons = Map.copyOf(bounded(reasons));
    }

    private static Map<String, Long> bounded(Map<String, Long> reasons) {
        if (reasons.size() <= MAX_REASONS) {
            return reasons;
        }
        List<Map.Entry<String, Long>> byCount = new ArrayList<>(reasons.entrySet());
        byCount.removeIf(e -> e.getKey().equals(OTHER_REASONS));
        byCount.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> kept = new TreeMap<>();
        long other = reasons.getOrDefault(OTHER_REASONS, 0L);
        for (int i = 0; i < byCount.size(); i++) {
            if (i < MAX_REASONS - 1) {
                kept.put(byCount.get(i).getKey(), byCount.get(i).getValue());
            } else {
                other += byCount.get(i).getValue();
            }
        }
        kept.put(OTHER_REASONS, other);
        return kept;
    }

    public SyncCounters plus(SyncCounters other) {
        Map<String, Long> merged = new TreeMap<>(reasons);
        other.reasons.forEach((reason, n) -> merged.merge(reason, n, Long::sum));
        return new SyncCounters(read + other.read, unchanged + other.unchanged, added + other.added,
                changed + other.changed, written + other.written, adopted + other.adopted, failed + other.failed,
                skipped + other.skipped, removed + other.removed, stillFailed + other.stillFailed, merged);
    }

    /** A reason as counted: long messages cut. */
    public static String reasonKey(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.length() > REASON_LENGTH) {
            text = text.substring(0, REASON_LENGTH) + "…";
        }
        return text;
    }
}
