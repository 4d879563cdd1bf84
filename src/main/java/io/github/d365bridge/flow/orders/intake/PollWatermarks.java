package io.github.d365bridge.flow.orders.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import com.azure.data.tables.models.TableEntity;

import io.github.d365bridge.client.commerce.CommerceDates;
import io.github.d365bridge.storage.ConcurrentUpdateException;
import io.github.d365bridge.storage.StateTable;
import io.github.d365bridge.storage.StorageAccount;

/**
 * The order poll's per-store watermark: the largest {@code updated_at} a poll has seen, kept in the
 * checkpoint table (partition {@code order-poll}, row = store code) as Commerce date text. Writes are
 * conditional and only ever move it forward, so two overlapping poll runs (a slow one and the next
 * timer) cannot set it back and make the next run skip orders.
 */
public final class PollWatermarks {

    static final String PARTITION = "order-poll";
    private static final int ATTEMPTS = 5;

    private final StateTable table;

    public PollWatermarks(StorageAccount storage, String tableName) {
        this.table = new StateTable(storage, tableName);
    }

    public Optional<Instant> read(String storeCode) {
        return table.get(PARTITION, storeCode).map(PollWatermarks::value);
    }

    /** Moves the watermark to {@code candidate} unless it already is there or later; true when written. */
    public boolean advance(String storeCode, Instant candidate) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<TableEntity> current = table.get(PARTITION, storeCode);
            if (current.isPresent() && !candidate.isAfter(value(current.get()))) {
                return false;
            }
            TableEntity entity = new TableEntity(PARTITION, storeCode)
                    .addProperty("Watermark", CommerceDates.format(candidate))
                    .addProperty("UpdatedAt", OffsetDateTime.now(ZoneOffset.UTC));
            if (current.isEmpty()) {
                if (table.insertIfAbsent(entity)) {
                    return true;
                }
                continue; // another run created it first: compare again
            }
            entity.addProperty("odata.etag", current.get().getETag());
            try {
                table.replaceIfUnchanged(entity);
                return true;
            } catch (ConcurrentUpdateException raced) {
                // someone moved it meanwhile: re-read, and write only if ours is still later
            }
        }
        return false;
    }

    private static Instant value(TableEntity entity) {
        return CommerceDates.parse((String) entity.getProperty("Watermark"));
    }
}
