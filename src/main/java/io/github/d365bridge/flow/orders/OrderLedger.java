package io.github.d365bridge.flow.orders;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.azure.data.tables.models.TableEntity;

import io.github.d365bridge.client.core.Redactor;
import io.github.d365bridge.storage.StateTable;
import io.github.d365bridge.storage.TableKeyCodec;
import io.github.d365bridge.storage.StorageAccount;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The order ledger in Table storage: partition = store code, row = increment id, both encoded by
 * {@link TableKeyCodec} (unchanged unless they hold characters Table keys cannot). Every step reads the
 * entry, decides, and writes back only if nobody changed it meanwhile, so duplicates from webhooks,
 * events, polling or queue redelivery never advance an order twice.
 */
@ApplicationScoped
public class OrderLedger {

    private final StateTable table;

    @Inject
    public OrderLedger(StorageAccount storage, @ConfigProperty(name = "bridge.orders.ledger-table",
            defaultValue = "BridgeOrderLedger") String tableName) {
        this.table = new StateTable(storage, tableName);
    }

    /**
     * Records a newly seen order; false (and nothing written) when the ledger already knows it — the
     * usual case for a duplicate delivery. The source is the one of the first signal handled, so the
     * ledger tells how often webhooks or events came through and how often only the poll found an order.
     *
     * @param source {@code webhook}, {@code io-event} or {@code poll}
     */
    public boolean insertReceived(OrderKey key, Long commerceEntityId, String correlationId, String source) {
        TableEntity entity = entityFor(key);
        put(entity, "State", OrderState.RECEIVED.name());
        put(entity, "CommerceEntityId", commerceEntityId);
        put(entity, "CorrelationId", correlationId);
        put(entity, "Source", source);
        put(entity, "Attempts", 0);
        put(entity, "UpdatedAt", OffsetDateTime.now(ZoneOffset.UTC));
        return table.insertIfAbsent(entity);
    }

    public Optional<LedgerEntry> find(OrderKey key) {
        return table.get(partitionKey(key), rowKey(key)).map(OrderLedger::toEntry);
    }

    /**
     * Writes {@code entry} if the stored record still has the ETag it was read with.
     *
     * @throws io.github.d365bridge.storage.ConcurrentUpdateException when another worker got there first
     */
    public void update(LedgerEntry entry) {
        TableEntity entity = entityFor(entry.key());
        put(entity, "State", entry.state().name());
        put(entity, "LegalEntity", entry.legalEntity());
        put(entity, "CommerceEntityId", entry.commerceEntityId());
        put(entity, "CorrelationId", entry.correlationId());
        put(entity, "Source", entry.source());
        put(entity, "BatchId", entry.batchId());
        put(entity, "ExecutionId", entry.executionId());
        put(entity, "SalesOrderNumber", entry.salesOrderNumber());
        put(entity, "Attempts", entry.attempts());
        put(entity, "MaxBatch", entry.maxBatch());
        put(entity, "LastError", entry.lastError() == null ? null
                : Redactor.truncate(Redactor.redact(entry.lastError()), 16_000));
        put(entity, "UpdatedAt", OffsetDateTime.ofInstant(entry.updatedAt(), ZoneOffset.UTC));
        put(entity, "Finished", entry.state().isFinished());
        // the SDK reads the ETag of a conditional update from this reserved property
        entity.addProperty("odata.etag", entry.etag());
        table.replaceIfUnchanged(entity);
    }

    /** Orders in a state (for the status view, replay and reconciliation); streamed, not held. */
    public Stream<LedgerEntry> inState(OrderState state) {
        return table.query("State eq '" + state.name() + "'", 1000, null).map(OrderLedger::toEntry);
    }

    /**
     * Orders in {@code state} unchanged since before {@code before}: what the reconciler looks at.
     * (A scan filtered on properties; the ledger's index for large stores is its own issue.)
     */
    public Stream<LedgerEntry> inStateSince(OrderState state, Instant before) {
        return table.query("State eq '" + state.name() + "' and UpdatedAt lt datetime'"
                + before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "'", 1000, null).map(OrderLedger::toEntry);
    }

    /** The orders packaged into one DMF batch. */
    public Stream<LedgerEntry> inBatch(String batchId) {
        return table.query("BatchId eq '" + batchId.replace("'", "''") + "'", 1000, null).map(OrderLedger::toEntry);
    }

    /** Mapped orders waiting to be packaged for one legal entity. */
    public Stream<LedgerEntry> mappedFor(String legalEntity) {
        return table.query("State eq 'MAPPED' and LegalEntity eq '" + legalEntity.replace("'", "''") + "'", 1000, null)
                .map(OrderLedger::toEntry);
    }

    /** How many orders are in each state. */
    public Map<OrderState, Long> countsByState() {
        return counts().byState();
    }

    /** Orders by state and by source, in one full scan (for the status view of modest ledgers). */
    public LedgerCounts counts() {
        Map<OrderState, Long> byState = new EnumMap<>(OrderState.class);
        for (OrderState state : OrderState.values()) {
            byState.put(state, 0L);
        }
        Map<String, Long> bySource = new TreeMap<>();
        table.query(null, 1000, List.of("State", "Source")).forEach(e -> {
            byState.merge(OrderState.valueOf((String) e.getProperty("State")), 1L, Long::sum);
            Object source = e.getProperty("Source");
            bySource.merge(source instanceof String s ? s : LedgerCounts.UNKNOWN_SOURCE, 1L, Long::sum);
        });
        return new LedgerCounts(byState, bySource);
    }

    private static LedgerEntry toEntry(TableEntity e) {
        Object updated = e.getProperty("UpdatedAt");
        Object attempts = e.getProperty("Attempts");
        Object maxBatch = e.getProperty("MaxBatch");
        Object entityId = e.getProperty("CommerceEntityId");
        return new LedgerEntry(keyOf(e),
                OrderState.valueOf((String) e.getProperty("State")), (String) e.getProperty("LegalEntity"),
                entityId instanceof Number n ? n.longValue() : null, (String) e.getProperty("CorrelationId"),
                (String) e.getProperty("Source"),
                (String) e.getProperty("BatchId"), (String) e.getProperty("ExecutionId"),
                (String) e.getProperty("SalesOrderNumber"), attempts instanceof Number n ? n.intValue() : 0,
                maxBatch instanceof Number m ? m.intValue() : 0,
                (String) e.getProperty("LastError"),
                updated instanceof OffsetDateTime odt ? odt.toInstant() : Instant.EPOCH, e.getETag());
    }

    // Increment ids come from Commerce and may hold characters Table keys cannot (/ \\ # ? controls):
    // the keys are encoded, the order key everywhere else (envelopes, D365) stays as Commerce wrote it.
    private static String partitionKey(OrderKey key) {
        return TableKeyCodec.encode(key.storeCode());
    }

    private static String rowKey(OrderKey key) {
        return TableKeyCodec.encode(key.incrementId());
    }

    private static TableEntity entityFor(OrderKey key) {
        return new TableEntity(partitionKey(key), rowKey(key));
    }

    private static OrderKey keyOf(TableEntity e) {
        return new OrderKey(TableKeyCodec.decode(e.getPartitionKey()), TableKeyCodec.decode(e.getRowKey()));
    }

    private static void put(TableEntity entity, String name, Object value) {
        if (value != null) {
            entity.addProperty(name, value);
        }
    }
}
