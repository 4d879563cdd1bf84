package io.github.d365bridge.flow.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How far a run got in one legal entity. The next page starts after {@code after}; {@code pages} numbers the
 * steps, so a step delivered twice finds its page done and drops out; {@code etag} makes the advance
 * conditional, so of two copies of one step only one moves the run on.
 *
 * @param preparing the legal entity waits for its snapshot ({@link SyncSnapshot}) before its first page
 * @param attempt   which snapshot attempt is awaited or was read (0: the source needs none)
 * @param partial   the run did not read every record of the legal entity (a partial export): records absent
 *                  from it are not taken for removed
 * @param samples   a dry run's first keys per kind ({@code added:…}, {@code changed:…}, {@code removed:…})
 */
public record SyncProgress(String flow, String runId, String legalEntity, Optional<String> after, int pages,
        boolean pagesDone, boolean done, boolean preparing, int attempt, boolean partial, SyncCounters counters,
        List<String> samples, Instant updatedAt, String etag) {

    public SyncProgress {
        samples = List.copyOf(samples);
    }

    static SyncProgress start(String flow, String runId, String legalEntity, boolean snapshot, Instant now) {
        return new SyncProgress(flow, runId, legalEntity, Optional.empty(), 0, false, false, snapshot, snapshot ? 1 : 0,
                false, SyncCounters.NONE, List.of(), now, null);
    }

    SyncProgress afterPage(Optional<String> lastKey, boolean last, SyncCounters page, List<String> newSamples,
            Instant now) {
        return new SyncProgress(flow, runId, legalEntity, lastKey.or(() -> after), pages + 1, last, false, false,
                attempt, partial, counters.plus(page), merge(newSamples), now, etag);
    }

    /** The snapshot is there: pages follow; {@code complete} false keeps removals from being judged. */
    SyncProgress snapshotReady(boolean complete, Instant now) {
        return new SyncProgress(flow, runId, legalEntity, after, pages, false, false, false, attempt, !complete,
                counters, samples, now, etag);
    }

    /** Another snapshot attempt is awaited. */
    SyncProgress nextAttempt(Instant now) {
        return new SyncProgress(flow, runId, legalEntity, after, pages, false, false, true, attempt + 1, partial,
                counters, samples, now, etag);
    }

    /** Nothing moved, but the step that looked is alive (so the legal entity is not taken for stalled). */
    SyncProgress touched(Instant now) {
        return new SyncProgress(flow, runId, legalEntity, after, pages, pagesDone, done, preparing, attempt, partial,
                counters, samples, now, etag);
    }

    SyncProgress finished(SyncCounters removals, List<String> newSamples, Instant now) {
        return new SyncProgress(flow, runId, legalEntity, after, pages, true, true, false, attempt, partial,
                counters.plus(removals), merge(newSamples), now, etag);
    }

    private List<String> merge(List<String> more) {
        if (more.isEmpty() || samples.size() >= SyncEngine.SAMPLES) {
            return samples;
        }
        java.util.ArrayList<String> all = new java.util.ArrayList<>(samples);
        more.stream().limit(SyncEngine.SAMPLES - samples.size()).forEach(all::add);
        return all;
    }
}
