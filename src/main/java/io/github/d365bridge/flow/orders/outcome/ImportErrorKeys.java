package io.github.d365bridge.flow.orders.outcome;

import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.pkg.DataPackageReader;
import io.github.d365bridge.client.d365.pkg.PackageRow;
import io.github.d365bridge.client.d365.pkg.RowIterator;

/**
 * The rows of one entity that failed in a partially successful import, with D365's own error text:
 * {@code GenerateImportTargetErrorKeysFile}, then {@code GetImportTargetErrorKeysFileUrl} polled until
 * the file exists, then the file itself (CSV-Unicode) read row by row.
 */
public final class ImportErrorKeys {

    /** One failed record: its identifying columns (upper-case names) and the error. */
    public record FailedRecord(Map<String, String> keys, String error) {
    }

    private final D365Client d365;
    private final Duration pollInterval;
    private final Duration timeout;
    private final Clock clock;

    public ImportErrorKeys(D365Client d365, Duration pollInterval, Duration timeout, Clock clock) {
        this.d365 = d365;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * The failed records of {@code entityLabel} in {@code executionId}; empty when D365 says there are
     * none. A file that is not ready within the timeout is a retriable failure (the queue tries again).
     */
    public List<FailedRecord> failedRecords(String executionId, String entityLabel) {
        if (!d365.dmf().generateImportTargetErrorKeysFile(executionId, entityLabel)) {
            return List.of();
        }
        URI url = awaitUrl(executionId, entityLabel);
        List<FailedRecord> failed = new ArrayList<>();
        try (InputStream file = d365.dmf().download(url, "error keys of " + executionId);
                RowIterator rows = DataPackageReader.readCsvUnicode(file, "error keys of " + executionId, entityLabel)) {
            while (rows.hasNext()) {
                PackageRow row = rows.next();
                Map<String, String> keys = new LinkedHashMap<>();
                String error = "";
                for (String field : row.fields()) {
                    if ("ERROR".equalsIgnoreCase(field)) {
                        error = row.get(field);
                    } else {
                        keys.put(field.toUpperCase(java.util.Locale.ROOT), row.get(field));
                    }
                }
                failed.add(new FailedRecord(keys, error));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the error keys of " + executionId + " failed", e);
        }
        return failed;
    }

    private URI awaitUrl(String executionId, String entityLabel) {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Optional<URI> url = d365.dmf().getImportTargetErrorKeysFileUrl(executionId, entityLabel);
            if (url.isPresent()) {
                return url.get();
            }
            if (clock.instant().isAfter(deadline)) {
                throw BridgeException.builder(ExternalSystem.D365, "The error keys file of " + executionId + " ("
                        + entityLabel + ") was not ready within " + timeout.toSeconds() + " s").httpStatus(503).build();
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BridgeException(ExternalSystem.D365, "Interrupted waiting for error keys", e);
            }
        }
    }
}
