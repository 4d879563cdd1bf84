package io.github.d365bridge.flow.sync.export;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import org.jboss.logging.Logger;

import io.github.d365bridge.flow.dmf.DmfJob;
import io.github.d365bridge.flow.dmf.DmfJobListener;
import io.github.d365bridge.flow.dmf.ExportPlan;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncSnapshot;

/**
 * The end of every sync export ({@code sync-<flow>} jobs): spools the package into the run's snapshot and
 * tells the engine, which starts the pages; a job that failed or never started is told as such, and the
 * engine tries another export or ends the legal entity. Runs inside the status check that saw the job end,
 * and again when that check is redelivered; a job whose run no longer waits for it is left alone.
 */
@ApplicationScoped
public class SyncExportListener implements DmfJobListener {

    private static final Logger LOG = Logger.getLogger(SyncExportListener.class);

    private final Provider<SyncEngine> engine;

    @Inject
    public SyncExportListener(Provider<SyncEngine> engine) {
        this.engine = engine;
    }

    @Override
    public String purpose() {
        return DmfExportSource.PURPOSE_PREFIX + "*";
    }

    @Override
    public boolean handles(String purpose) {
        return purpose.startsWith(DmfExportSource.PURPOSE_PREFIX);
    }

    @Override
    public void onFinished(DmfJob job) {
        Optional<DmfExportSource<?>> source = source(job);
        int attempt = ExportPlan.attemptOf(job.executionId());
        if (source.isEmpty() || !engine.get().awaitsSnapshot(flow(job), job.batchId(), job.legalEntity(), attempt)) {
            return;
        }
        engine.get().snapshotEnded(flow(job), job.batchId(), job.legalEntity(), attempt, source.get().build(job));
    }

    @Override
    public void onNeverStarted(DmfJob job) {
        engine.get().snapshotEnded(flow(job), job.batchId(), job.legalEntity(), ExportPlan.attemptOf(job.executionId()),
                SyncSnapshot.Outcome.failed("D365 never started export " + job.executionId()
                        + (job.refusal() != null ? " (it refused it: " + job.refusal() + ")" : "")));
    }

    private Optional<DmfExportSource<?>> source(DmfJob job) {
        String flow = flow(job);
        if (!engine.get().hasFlow(flow)) {
            LOG.warnf("DMF export %s belongs to sync flow '%s', which this bridge does not run: left alone",
                    job.executionId(), flow);
            return Optional.empty();
        }
        return engine.get().snapshotOf(flow).filter(DmfExportSource.class::isInstance)
                .map(s -> (DmfExportSource<?>) s);
    }

    private static String flow(DmfJob job) {
        return job.purpose().substring(DmfExportSource.PURPOSE_PREFIX.length());
    }
}
