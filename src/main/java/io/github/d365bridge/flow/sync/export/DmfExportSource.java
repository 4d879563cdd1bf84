package io.github.d365bridge.flow.sync.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;
import io.github.d365bridge.client.d365.pkg.DataPackageReader;
import io.github.d365bridge.client.d365.pkg.PackageRow;
import io.github.d365bridge.client.d365.pkg.RowIterator;
import io.github.d365bridge.flow.dmf.DmfJob;
import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.github.d365bridge.flow.dmf.ExportPlan;
import io.github.d365bridge.flow.sync.SyncSnapshot;
import io.github.d365bridge.flow.sync.SyncSource;
import io.github.d365bridge.ground.PermanentFailureException;

/**
 * A sync source that reads a DMF export instead of paging OData: each run exports the flow's data project per
 * legal entity through the {@link DmfJobSupervisor} (so a lost answer, a crash between recording and
 * submitting, a job that ends after its deadline are handled as for imports), and once D365 has finished it,
 * streams the package once into a {@link SnapshotStore} snapshot the run's pages then read. Memory stays at
 * one page of rows whatever the size of the export; the package is read by the status check that saw the job
 * end, and again if that check is redelivered (the package stays in D365 for days).
 * <p>
 * A partially succeeded export has only some of the rows: its records are written, but none is taken for
 * removed. One record alone (an operator's run of one key) is read from OData, never by exporting everything.
 *
 * @param <T> the entity type, as read from OData
 */
public final class DmfExportSource<T> implements SyncSource<T>, SyncSnapshot {

    /** Purposes of sync exports: {@code sync-<flow>}, routed to the {@link SyncExportListener}. */
    public static final String PURPOSE_PREFIX = "sync-";
    private static final Logger LOG = Logger.getLogger(DmfExportSource.class);

    /**
     * @param definitionGroup the export data project in F&amp;O (it must hold {@code entityLabel}, as CSV-Unicode or
     *                        XML-Attribute)
     * @param entityLabel     the entity in the package, by label or target entity name, e.g. {@code Customers V3}
     * @param keyColumns      the columns holding the record key, e.g. {@code CUSTOMERACCOUNT}; a key of several
     *                        columns is their values joined by U+001F in the order given (an absent column is
     *                        an empty value), so it must match {@code keyOf} of the record read from OData
     */
    public record Spec<T>(String flow, String definitionGroup, String entityLabel, List<String> keyColumns, Class<T> type,
            Function<T, String> keyOf, int pageSize) {

        public Spec {
            keyColumns = keyColumns.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList();
        }

        /** A record keyed by one column. */
        public Spec(String flow, String definitionGroup, String entityLabel, String keyColumn, Class<T> type,
                Function<T, String> keyOf, int pageSize) {
            this(flow, definitionGroup, entityLabel, List.of(keyColumn), type, keyOf, pageSize);
        }

        /** The row's key, empty when its first key column is (nothing to name it by). */
        String keyOf(Map<String, String> row) {
            String first = row.get(keyColumns.get(0));
            if (first == null || first.isEmpty()) {
                return "";
            }
            if (keyColumns.size() == 1) {
                return first;
            }
            StringBuilder key = new StringBuilder(first);
            for (String column : keyColumns.subList(1, keyColumns.size())) {
                String value = row.get(column);
                key.append('\u001F').append(value == null ? "" : value);
            }
            return key.toString();
        }
    }

    private final Spec<T> spec;
    private final Supplier<DmfJobSupervisor> supervisor;
    private final SnapshotStore store;
    private final BiFunction<String, String, Optional<T>> readOne;
    private final PackageRowReader<T> rows;

    /** @param readOne reads one record by legal entity and key from OData */
    public DmfExportSource(Spec<T> spec, Supplier<DmfJobSupervisor> supervisor, SnapshotStore store,
            BiFunction<String, String, Optional<T>> readOne) {
        this.spec = spec;
        this.supervisor = supervisor;
        this.store = store;
        this.readOne = readOne;
        this.rows = new PackageRowReader<>(spec.type());
    }

    public String flow() {
        return spec.flow();
    }

    ExportPlan plan(String runId, String legalEntity, int attempt) {
        return new ExportPlan(PURPOSE_PREFIX + spec.flow(), runId, attempt, legalEntity, spec.definitionGroup());
    }

    @Override
    public Preparation prepare(String runId, String legalEntity, int attempt) {
        ExportPlan plan = plan(runId, legalEntity, attempt);
        Optional<DmfJob> known = supervisor.get().job(legalEntity, plan.executionId());
        if (known.isPresent()) {
            // started before: its checks go on (restarted only if they stopped), or its end is handed on again
            supervisor.get().resume(known.get());
            return Preparation.UNDER_WAY;
        }
        return supervisor.get().startExport(plan).isPresent() ? Preparation.UNDER_WAY : Preparation.BUSY;
    }

    /**
     * Turns a finished export into the run's snapshot: every row of the entity, with only the columns the type
     * reads. A job D365 failed or cancelled gives no snapshot, and the reason.
     */
    public Outcome build(DmfJob job) {
        DmfExecutionStatus status = job.lastStatus();
        if (status != DmfExecutionStatus.SUCCEEDED && status != DmfExecutionStatus.PARTIALLY_SUCCEEDED) {
            return Outcome.failed("D365 ended export " + job.executionId() + " " + status);
        }
        SnapshotStore.Manifest manifest;
        try {
            manifest = spool(job, status);
        } catch (PermanentFailureException unusable) {
            // a package without the entity, or malformed: exporting it again gives the same, so it is reported
            return Outcome.failed("export " + job.executionId() + " cannot be read: " + unusable.getMessage());
        }
        if (!manifest.note().isEmpty()) {
            LOG.warnf("Sync %s export %s of %s: %s", spec.flow(), job.executionId(), job.legalEntity(), manifest.note());
        }
        return Outcome.ready(manifest.complete(), manifest.rows(), manifest.note());
    }

    private SnapshotStore.Manifest spool(DmfJob job, DmfExecutionStatus status) {
        String runId = job.batchId();
        try (DataPackageReader reader = supervisor.get().openExport(job);
                RowIterator it = reader.rows(spec.entityLabel());
                SnapshotStore.Writer writer = store.writer(spec.flow(), runId, job.legalEntity(), spec.pageSize())) {
            long unkeyed = 0;
            while (it.hasNext()) {
                PackageRow row = it.next();
                String key = spec.keyOf(row.values());
                if (key.isEmpty()) {
                    unkeyed++; // nothing to name it by: counted and reported, never guessed
                    continue;
                }
                writer.add(key, rows.known(row.values()));
            }
            boolean complete = status == DmfExecutionStatus.SUCCEEDED && unkeyed == 0;
            String note = (status == DmfExecutionStatus.SUCCEEDED ? "" : "D365 reports the export " + status)
                    + (unkeyed == 0 ? "" : (status == DmfExecutionStatus.SUCCEEDED ? "" : "; ") + unkeyed
                            + " rows without " + spec.keyColumns().get(0) + " left out");
            return writer.finish(job.executionId(), complete, note);
        }
    }

    @Override
    public Page<T> read(PageRequest request) {
        SnapshotStore.Manifest manifest = store.manifest(spec.flow(), request.runId(), request.legalEntity())
                .orElseThrow(() -> new IllegalStateException("Sync " + spec.flow() + " run " + request.runId() + " "
                        + request.legalEntity() + " has no snapshot to read page " + request.page() + " from"));
        if (request.page() >= manifest.pages()) {
            return new Page<>(List.of(), Map.of(), true);
        }
        List<T> records = new ArrayList<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (Map<String, String> row : store.page(spec.flow(), request.runId(), request.legalEntity(), request.page())) {
            String key = spec.keyOf(row);
            try {
                records.add(rows.read(row));
            } catch (IllegalArgumentException bad) {
                unreadable.put(key, bad.getMessage() + " (export " + manifest.source() + ")");
            }
        }
        return new Page<>(records, unreadable, request.page() + 1 >= manifest.pages());
    }

    @Override
    public Optional<T> readOne(String legalEntity, String key) {
        return readOne.apply(legalEntity, key);
    }

    @Override
    public Stream<String> keys(String runId, String legalEntity) {
        return store.keys(spec.flow(), runId, legalEntity);
    }

    @Override
    public String keyOf(T record) {
        return spec.keyOf().apply(record);
    }

    @Override
    public Optional<SyncSnapshot> snapshot() {
        return Optional.of(this);
    }

    @Override
    public void discard(String runId, String legalEntity) {
        store.delete(spec.flow(), runId, legalEntity);
    }
}
