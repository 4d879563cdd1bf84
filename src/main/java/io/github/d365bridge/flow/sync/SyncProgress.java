package io.github.d365bridge.flow.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How far a run got in one legal entity. The next page starts after {@code after}; {@code pages} numbers the
 * steps, so a step delivered twice finds its page done and drops out; {@code etag} makes the advance
 * conditional, so of two copies of one step only one moves the run on.
 *
 * @param samples a dry run's first keys per kind ({@code added:…}, {@code changed:…}, {@code removed:…})
 */
public record SyncProgress(String flow, String runId, String legalEntity, Optional<String> after, int pages,
        boolean pagesDone, boolean done, SyncCounters counters, List<String> samples, Instant updatedAt, String etag) {

    public SyncProgress {
        samples = List.copyOf(samples);
    }

    static SyncProgress start(String flow, String runId, String legalEntity, Instant now) {
        return new SyncProgress(flow, runId, legalEntity, Optional.empty(), 0, false, false, SyncCounters.NONE, List.of(),
                now, null);
    }

    SyncProgress afterPage(Optional<String> lastKey, boolean last, SyncCounters page, List<String> newSamples,
            Instant now) {
        return new SyncProgress(flow, runId, legalEntity, lastKey.or(() -> after), pages + 1, last, false,
                counters.plus(page), merge(newSamples), now, etag);
    }

    SyncProgress finished(SyncCounters removals, List<String> newSamples, Instant now) {
        return new SyncProgress(flow, runId, legalEntity, after, pages, true, true, counters.plus(removals),
                merge(newSamples), now, etag);
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
