package io.github.d365bridge.flow.sync;

import java.util.List;
import java.util.Optional;

/**
 * Writes changed records to the target and says, per record, what the target confirmed. Must be idempotent
 * per record: a step repeated after a crash or a lost answer writes the same records again, and a record the
 * target already has (created by the lost try, or by somebody before the first run) is adopted, not
 * duplicated.
 */
public interface SyncWriter {

    /** A record to write, with the target id a previous run recorded for it (empty: none yet). */
    record Pending(String legalEntity, SyncRecord record, Optional<String> targetId) {
    }

    /** What became of one record. */
    record Result(Pending pending, Outcome outcome, String targetId, String reason, boolean passing) {

        public static Result written(Pending pending, String targetId, boolean adopted) {
            return new Result(pending, adopted ? Outcome.ADOPTED : Outcome.WRITTEN, targetId, null, false);
        }

        /** The target refused this content: sent again only once it changes (or the record is run alone). */
        public static Result failed(Pending pending, String reason) {
            return new Result(pending, Outcome.FAILED, pending.targetId().orElse(null), reason, false);
        }

        /** Not written for a reason that may pass (a stale bulk, a retriable operation): sent again next run. */
        public static Result failedForNow(Pending pending, String reason) {
            return new Result(pending, Outcome.FAILED, pending.targetId().orElse(null), reason, true);
        }

        public boolean confirmed() {
            return outcome == Outcome.WRITTEN || outcome == Outcome.ADOPTED;
        }
    }

    enum Outcome {
        /** Created or updated, confirmed by the target. */
        WRITTEN,
        /** The target had it already (found by its natural key) and now has our content. */
        ADOPTED,
        /** Not written; the reason says why, and the record is tried again on the next run. */
        FAILED
    }

    /** Writes {@code pending} (all of one legal entity), in any order, and answers one result per record. */
    List<Result> write(List<Pending> pending);
}
