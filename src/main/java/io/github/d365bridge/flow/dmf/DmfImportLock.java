package io.github.d365bridge.flow.dmf;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import com.azure.data.tables.models.TableEntity;

import io.github.d365bridge.storage.ConcurrentUpdateException;
import io.github.d365bridge.storage.StateTable;
import io.github.d365bridge.storage.StorageAccount;

/**
 * One DMF import at a time per data project and legal entity: D365 fails concurrent imports of the same
 * entities with deadlocks or "record already exists". A DMF job runs for minutes to hours, longer than
 * a blob lease can last (60 s, or forever), so the lock is a table row holding the job's deadline: held
 * until released, and taken over by the next importer once the deadline has passed (a crashed holder
 * cannot block the project for longer than one job may take).
 */
public final class DmfImportLock {

    private final StateTable table;

    public DmfImportLock(StorageAccount storage, String tableName) {
        this.table = new StateTable(storage, tableName);
    }

    /** Takes the lock for {@code holder} until {@code until}; false while another holder's lock is live. */
    public boolean tryAcquire(String legalEntity, String definitionGroup, String holder, Instant until) {
        TableEntity lock = new TableEntity(legalEntity, definitionGroup).addProperty("Holder", holder)
                .addProperty("Until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
        if (table.insertIfAbsent(lock)) {
            return true;
        }
        Optional<TableEntity> current = table.get(legalEntity, definitionGroup);
        if (current.isEmpty()) {
            return table.insertIfAbsent(lock);
        }
        TableEntity existing = current.get();
        if (holder.equals(existing.getProperty("Holder"))) {
            return true;
        }
        Object held = existing.getProperty("Until");
        boolean expired = held instanceof OffsetDateTime odt && odt.toInstant().isBefore(Instant.now());
        if (!expired) {
            return false;
        }
        lock.addProperty("odata.etag", existing.getETag());
        try {
            table.replaceIfUnchanged(lock);
            return true;
        } catch (ConcurrentUpdateException lostTheRace) {
            return false;
        }
    }

    /**
     * Moves the lock's deadline to {@code until} if {@code holder} still has it, or takes it again if nobody
     * does (a job that D365 still runs keeps its project: D365 would fail a second import of the same
     * entities meanwhile). False when another holder has it.
     */
    public boolean extend(String legalEntity, String definitionGroup, String holder, Instant until) {
        TableEntity extended = new TableEntity(legalEntity, definitionGroup).addProperty("Holder", holder)
                .addProperty("Until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
        Optional<TableEntity> current = table.get(legalEntity, definitionGroup);
        if (current.isEmpty()) {
            return table.insertIfAbsent(extended); // lapsed and released by nobody else: take it again
        }
        if (!holder.equals(current.get().getProperty("Holder"))) {
            return false;
        }
        extended.addProperty("odata.etag", current.get().getETag());
        try {
            table.replaceIfUnchanged(extended);
            return true;
        } catch (ConcurrentUpdateException takenMeanwhile) {
            return false;
        }
    }

    /** Releases the lock if {@code holder} still has it (a holder whose lock was taken over releases nothing). */
    public void release(String legalEntity, String definitionGroup, String holder) {
        table.get(legalEntity, definitionGroup).filter(e -> holder.equals(e.getProperty("Holder")))
                .ifPresent(table::deleteIfUnchanged);
    }

    /** True while someone holds a lock whose deadline has not passed. */
    public boolean isHeld(String legalEntity, String definitionGroup) {
        return table.get(legalEntity, definitionGroup).map(e -> e.getProperty("Until"))
                .filter(until -> until instanceof OffsetDateTime odt && odt.toInstant().isAfter(Instant.now()))
                .isPresent();
    }

    /** Who holds the lock now, if anyone. */
    public Optional<String> holder(String legalEntity, String definitionGroup) {
        return table.get(legalEntity, definitionGroup).map(e -> (String) e.getProperty("Holder"));
    }
}
