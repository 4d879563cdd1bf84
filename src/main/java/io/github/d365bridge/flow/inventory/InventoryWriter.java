package io.github.d365bridge.flow.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.inventory.InventoryClient;
import io.github.d365bridge.client.commerce.inventory.SourceItem;
import io.github.d365bridge.client.commerce.inventory.StockItem;
import io.github.d365bridge.flow.sync.SyncWriter;
import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ErrorClassifier;

/**
 * Writes changed stock: MSI source items in chunks of {@code chunkSize} ({@code POST /V1/inventory/source-items},
 * which saves a chunk whole or refuses it whole), or a single-source store's stock items one SKU at a time.
 * <p>
 * A refused chunk is split in halves and each half sent again, down to single items, so the items Commerce
 * accepts are written and each refused one fails alone with Commerce's reason (unknown SKU, unknown source):
 * about 2·log2(chunk) extra calls per refused item, none while nothing is refused. A failure a retry may heal
 * (5xx, 429 after the client's own retries, no answer) fails the chunk for now: the next run sends it again,
 * and saving a quantity twice is harmless (it is a set, not a delta).
 * <p>
 * A page's chunks go one at a time: stock saves that run at once collide in Commerce's stock tables and indexers
 * (deadlocks reported in magento/inventory#2933 and magento/magento2#39417), and a refused save costs a chunk.
 */
final class InventoryWriter implements SyncWriter {

    private static final Logger LOG = Logger.getLogger(InventoryWriter.class);

    private final InventoryClient inventory;
    private final int chunkSize;

    InventoryWriter(InventoryClient inventory, int chunkSize) {
        if (chunkSize < 1 || chunkSize > InventoryClient.MAX_SOURCE_ITEMS_PER_CALL) {
            throw new IllegalArgumentException("bridge.sync.inventory.chunk-size must be 1.."
                    + InventoryClient.MAX_SOURCE_ITEMS_PER_CALL + ", was " + chunkSize);
        }
        this.inventory = inventory;
        this.chunkSize = chunkSize;
    }

    @Override
    public List<Result> write(List<Pending> pending) {
        List<Result> results = new ArrayList<>(pending.size());
        List<Pending> sourceItems = new ArrayList<>();
        for (Pending p : pending) {
            if (p.record().type().equals(InventoryMapper.STOCK_ITEM)) {
                results.add(stockItem(p));
            } else {
                sourceItems.add(p);
            }
        }
        for (int from = 0; from < sourceItems.size(); from += chunkSize) {
            saveOrSplit(sourceItems.subList(from, Math.min(sourceItems.size(), from + chunkSize)), results);
        }
        return results;
    }

    private void saveOrSplit(List<Pending> chunk, List<Result> results) {
        try {
            inventory.saveSourceItems(chunk.stream().map(InventoryWriter::sourceItem).toList());
            chunk.forEach(p -> results.add(Result.written(p, sku(p), false)));
        } catch (BridgeException e) {
            if (ErrorClassifier.isRetriable(e)) {
                chunk.forEach(p -> results.add(Result.failedForNow(p, "source items not saved: " + e.getMessage())));
            } else if (chunk.size() == 1) {
                results.add(Result.failed(chunk.get(0), e.getMessage()));
            } else {
                LOG.debugf("Commerce refused %d source items (%s); sending them again in halves", chunk.size(),
                        e.getMessage());
                int half = chunk.size() / 2;
                saveOrSplit(chunk.subList(0, half), results);
                saveOrSplit(chunk.subList(half, chunk.size()), results);
            }
        }
    }

    /** A single-source store: the product's stock item is looked up for its id, then updated. */
    private Result stockItem(Pending p) {
        ObjectNode payload = p.record().payload();
        String sku = sku(p);
        try {
            StockItem current = inventory.stockItem(sku);
            inventory.updateStockItem(sku, current.itemId(), StockItem.of(payload.get("qty").decimalValue(),
                    payload.get("is_in_stock").asBoolean()));
            return Result.written(p, sku, false);
        } catch (BridgeException e) {
            return ErrorClassifier.isRetriable(e) ? Result.failedForNow(p, "stock item not saved: " + e.getMessage())
                    : Result.failed(p, e.getMessage());
        }
    }

    static SourceItem sourceItem(Pending p) {
        ObjectNode payload = p.record().payload();
        return new SourceItem(payload.get("sku").asText(), payload.get("source_code").asText(),
                payload.get("quantity").decimalValue(), payload.get("status").asInt());
    }

    static SourceItem outOfStock(String sku, String source) {
        return new SourceItem(sku, source, BigDecimal.ZERO, SourceItem.OUT_OF_STOCK);
    }

    private static String sku(Pending p) {
        return p.record().payload().get("sku").asText();
    }
}
