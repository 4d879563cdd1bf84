package io.github.d365bridge.flow.sync;

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

    public SyncCounters {
        reasons = Map.copyOf(reasons);
    }

    public SyncCounters plus(SyncCounters other) {
        Map<String, Long> merged = new TreeMap<>(reasons);
        other.reasons.forEach((reason, n) -> merged.merge(reason, n, Long::sum));
        return new SyncCounters(read + other.read, unchanged + other.unchanged, added + other.added,
                changed + other.changed, written + other.written, adopted + other.adopted, failed + other.failed,
                skipped + other.skipped, removed + other.removed, stillFailed + other.stillFailed, merged);
    }

    /** A reason as counted: long messages cut, digits of ids and numbers folded, so alike failures add up. */
    public static String reasonKey(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.length() > REASON_LENGTH) {
            text = text.substring(0, REASON_LENGTH) + "…";
        }
        return text;
    }
}
