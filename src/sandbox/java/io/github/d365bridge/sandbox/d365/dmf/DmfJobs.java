package io.github.d365bridge.sandbox.d365.dmf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.d365bridge.sandbox.d365.D365SandboxData;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.sandbox.d365.SandboxFaults;
import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.rules.WriteRules;

/**
 * Runs DMF executions in the background under the latency model (fixed time plus time per row):
 * NotRun briefly, then Executing, then the outcome. Two imports touching the same entity in the same
 * legal entity at the same time make the later one fail, as D365's concurrent imports do.
 */
public final class DmfJobs implements AutoCloseable {

    private static final Duration QUEUED = Duration.ofMillis(20);

    private final Map<String, DmfJob> jobs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "d365-sandbox-dmf");
        thread.setDaemon(true);
        return thread;
    });
    private final D365SandboxOptions options;
    private final DmfBlobs blobs;
    private final D365SandboxData data;
    private final ImportApplier applier;
    private final SandboxFaults faults;

    public DmfJobs(D365SandboxOptions options, DmfBlobs blobs, D365SandboxData data, WriteRules rules, SandboxFaults faults) {
        this.options = options;
        this.blobs = blobs;
        this.data = data;
        this.applier = new ImportApplier(rules);
        this.faults = faults;
    }

    public Optional<DmfJob> job(String executionId) {
        return Optional.ofNullable(executionId == null ? null : jobs.get(executionId));
    }

    public boolean exists(String executionId) {
        return jobs.containsKey(executionId);
    }

    /** Every execution so far, in no particular order (for benchmarks and tests reading the job history). */
    public List<DmfJob> all() {
        return List.copyOf(jobs.values());
    }

    /**
     * How long the latency model makes an import of {@code rows} package rows take from its start call to
     * its end: the queue wait, the fixed part and the part per row (reading and applying the package come
     * on top, as the sandbox's own work).
     */
    public Duration modelledImport(long rows) {
        return QUEUED.plusMillis(latency(rows));
    }

    DmfJob startImport(String executionId, String project, String blobName, String packageName, String legalEntity) {
        DmfJob job = register(new DmfJob(executionId, DmfJob.Kind.IMPORT, project, legalEntity));
        scheduler.schedule(() -> runImport(job, blobName, packageName), QUEUED.toMillis(), TimeUnit.MILLISECONDS);
        return job;
    }

    DmfJob startExport(String executionId, String project, String packageName, String legalEntity) {
        DmfJob job = register(new DmfJob(executionId, DmfJob.Kind.EXPORT, project, legalEntity));
        scheduler.schedule(() -> runExport(job, packageName), QUEUED.toMillis(), TimeUnit.MILLISECONDS);
        return job;
    }

    private DmfJob register(DmfJob job) {
        if (jobs.putIfAbsent(job.executionId(), job) != null) {
            throw new IllegalStateException("execution id in use: " + job.executionId());
        }
        return job;
    }

    private void runImport(DmfJob job, String blobName, String packageName) {
        job.status("Executing");
        if (faults.stuckDmfJobs()) {
            faults.countInjected("stuckJob");
            return;
        }
        // a late job holds its entities like any running import, so a parallel import still conflicts with it
        long late = faults.takeLateJob().map(Duration::toMillis).orElse(0L);
        Path file = null;
        try {
            if (!blobs.exists(blobName)) {
                throw new ImportFailure("The package '" + packageName + "' was not found in blob storage.");
            }
            file = blobs.download(blobName);
            List<ParsedEntity> parsed = ImportPackageReader.read(file, packageName, job.definitionGroup(),
                    options.dataProjects().getOrDefault(job.definitionGroup(), List.of()));
            boolean conflict = claim(job, parsed.stream().map(p -> p.label().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
            long rows = parsed.stream().mapToLong(p -> p.rows().size()).sum();
            job.rows(rows);
            scheduler.schedule(() -> finishImport(job, parsed, conflict), late + latency(rows), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            String message = e instanceof ImportFailure ? e.getMessage() : "Import failed: " + e;
            scheduler.schedule(() -> fail(job, message), options.dmfFixedLatency().toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            deleteQuietly(file);
        }
    }

    /** Marks the job's entities as being imported; true when another running import holds one of them. */
    private synchronized boolean claim(DmfJob job, Set<String> labels) {
        boolean conflict = jobs.values().stream().anyMatch(other -> other != job && other.kind() == DmfJob.Kind.IMPORT
                && "Executing".equals(other.status()) && other.legalEntity().equalsIgnoreCase(job.legalEntity())
                && other.labels().stream().anyMatch(labels::contains));
        job.labels(labels);
        return conflict;
    }

    private void finishImport(DmfJob job, List<ParsedEntity> parsed, boolean conflict) {
        if (conflict) {
            String label = parsed.isEmpty() ? "" : parsed.get(0).label();
            fail(job, "Cannot create a record in " + label + " (staging). The record already exists. Database"
                    + " deadlock detected: Transaction was deadlocked on lock resources with another process and has"
                    + " been chosen as the deadlock victim. Rerun the transaction. Another import of the same entity"
                    + " in legal entity '" + job.legalEntity() + "' was running; imports of this entity must not run"
                    + " in parallel.");
            return;
        }
        try {
            long written = applier.apply(job, parsed);
            boolean errors = !job.failedRows().isEmpty();
            job.status(!errors ? "Succeeded" : written > 0 ? "PartiallySucceeded" : "Failed");
        } catch (RuntimeException e) {
            fail(job, "Import failed: " + e.getMessage());
        }
    }

    private void runExport(DmfJob job, String packageName) {
        job.status("Executing");
        if (faults.stuckDmfJobs()) {
            faults.countInjected("stuckJob");
            return;
        }
        try {
            List<EntitySchema> schemas = options.dataProjects().getOrDefault(job.definitionGroup(), List.of()).stream()
                    .map(label -> EntityCatalog.byLabel(label)
                            .orElseThrow(() -> new ImportFailure("Entity '" + label + "' does not exist.")))
                    .toList();
            long rows = 0;
            for (EntitySchema schema : schemas) {
                rows += PackageExport.count(schema, data.table(schema.setName()), job.legalEntity());
            }
            job.labels(new HashSet<>(schemas.stream().map(s -> s.label().toLowerCase(Locale.ROOT)).toList()));
            // a late export finishes (and delivers its package) long after its usual time, like a late import
            long late = faults.takeLateJob().map(Duration::toMillis).orElse(0L);
            String ending = faults.takeExportEnding().orElse("Succeeded");
            if (ending.equals("Failed") || ending.equals("Canceled")) {
                scheduler.schedule(() -> {
                    job.error("Export " + ending.toLowerCase(Locale.ROOT) + " (injected)");
                    job.status(ending);
                }, late + latency(rows), TimeUnit.MILLISECONDS);
                return;
            }
            scheduler.schedule(() -> finishExport(job, schemas, packageName, ending), late + latency(rows),
                    TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            scheduler.schedule(() -> fail(job, e.getMessage()), options.dmfFixedLatency().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void finishExport(DmfJob job, List<EntitySchema> schemas, String packageName, String ending) {
        Path file = null;
        try {
            // a partial export leaves out every tenth row, as records failing their export mapping are
            file = PackageExport.write(job.definitionGroup(), schemas,
                    schemas.stream().map(s -> data.table(s.setName())).toList(), job.legalEntity(),
                    ending.equals("PartiallySucceeded") ? 10 : 0);
            String blob = "exports/" + job.executionId() + "/" + (packageName.toLowerCase(Locale.ROOT).endsWith(".zip")
                    ? packageName : packageName + ".zip");
            blobs.upload(blob, file);
            job.exportBlob(blob);
            job.status(ending);
        } catch (RuntimeException e) {
            fail(job, "Export failed: " + e.getMessage());
        } finally {
            deleteQuietly(file);
        }
    }

    /** Starts writing the error keys file of one entity; a later URL request finds it when done. */
    void requestErrorKeys(DmfJob job, String label) {
        String key = label.toLowerCase(Locale.ROOT);
        if (!job.errorKeyRequests().add(key)) {
            return;
        }
        scheduler.schedule(() -> {
            String blob = "errorkeys/" + job.executionId() + "/" + label.replaceAll("[^A-Za-z0-9]+", "_") + ".csv";
            blobs.upload(blob, ErrorKeysFile.write(job.failedRows(label)));
            job.errorKeyBlobs().put(key, blob);
        }, options.dmfFixedLatency().toMillis(), TimeUnit.MILLISECONDS);
    }

    private long latency(long rows) {
        return options.dmfFixedLatency().toMillis() + options.dmfPerRowLatency().toMillis() * rows;
    }

    private static void fail(DmfJob job, String message) {
        job.error(message);
        job.status("Failed");
    }

    public void reset() {
        jobs.clear();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file; the OS cleans up
            }
        }
    }
}
