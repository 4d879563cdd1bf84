package io.github.d365bridge.flow.housekeeping;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.d365bridge.config.HousekeepingConfig;
import io.github.d365bridge.flow.dmf.DmfImportLock;
import io.github.d365bridge.flow.dmf.DmfJob;
import io.github.d365bridge.flow.dmf.DmfJobStore;

/**
 * DMF job records go the retention period after their job settled (the flow dealt with its end, or it was
 * given up: the "abandoned" records that stop a stalled packager are kept as long, far longer than any
 * packager can stall). A job not settled is still followed and is never deleted; nor is a settled one whose
 * data project lock still names it (its release was lost: the lock lapses at its deadline), which is kept
 * and looked at again a retention later. Once a job has settled nothing changes its record any more, so the
 * settled record can go without a condition.
 */
@ApplicationScoped
public class DmfJobSweep implements SweepTarget {

    private final DmfJobStore jobs;
    private final DmfImportLock locks;
    private final Duration retention;
    private final Clock clock;

    @Inject
    public DmfJobSweep(DmfJobStore jobs, DmfImportLock locks, HousekeepingConfig config) {
        this(jobs, locks, config.dmfJobRetention(), Clock.systemUTC());
    }

    public DmfJobSweep(DmfJobStore jobs, DmfImportLock locks, Duration retention, Clock clock) {
        this.jobs = jobs;
        this.locks = locks;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "dmf-jobs";
    }

    @Override
    public int sweep(int limit) {
        // by whole days: a record is kept at least the retention after it settled, at most a day longer
        LocalDate firstKeptDay = LocalDate.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC);
        List<DmfJobStore.SettledJob> expired = jobs.settledBefore(firstKeptDay, limit);
        // one lock read per data project and company, however many of its jobs expire
        Map<String, Optional<String>> lockHolders = new HashMap<>();
        for (DmfJobStore.SettledJob settled : expired) {
            Optional<DmfJob> job = jobs.find(settled.legalEntity(), settled.executionId());
            if (job.isEmpty() || !job.get().isFinished()) {
                jobs.forget(settled); // gone already, or indexed by a settle that crashed: indexed again when it settles
            } else if (holdsItsLock(job.get(), lockHolders)) {
                jobs.reindex(settled, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            } else {
                jobs.deleteSettled(settled.legalEntity(), settled.executionId());
                jobs.forget(settled); // after the record: an index row left by a crash is found again
            }
        }
        return expired.size();
    }

    private boolean holdsItsLock(DmfJob job, Map<String, Optional<String>> lockHolders) {
        Optional<String> holder = lockHolders.computeIfAbsent(job.legalEntity() + "|" + job.definitionGroup(),
                project -> locks.holder(job.legalEntity(), job.definitionGroup()));
        return holder.filter(job.executionId()::equals).isPresent();
    }
}
