package io.github.d365bridge.flow.inventory;

import java.util.List;
import java.util.Optional;

import io.github.d365bridge.client.d365.entities.WarehouseOnHandV2;
import io.github.d365bridge.mapping.ProductDimensions;

/**
 * The sync key of one on-hand row: item number, the five dimension ids (in the SKU rule's order), site and
 * warehouse, joined by the unit separator (U+001F), which no D365 id contains. The item number comes first, so
 * keys sort by item and a page can continue after an item.
 */
final class OnHandKey {

    static final char SEPARATOR = '\u001F';

    /** The parts of a key, as {@code WarehousesOnHandV2} names them. */
    record Parts(String itemNumber, ProductDimensions dimensions, String site, String warehouse) {
    }

    private OnHandKey() {
    }

    static String of(WarehouseOnHandV2 row) {
        return String.join(String.valueOf(SEPARATOR), List.of(row.itemNumber(), text(row.productColorId()),
                text(row.productSizeId()), text(row.productStyleId()), text(row.productConfigurationId()),
                text(row.productVersionId()), text(row.inventorySiteId()), text(row.inventoryWarehouseId())));
    }

    static ProductDimensions dimensions(WarehouseOnHandV2 row) {
        return new ProductDimensions(text(row.productColorId()), text(row.productSizeId()), text(row.productStyleId()),
                text(row.productConfigurationId()), text(row.productVersionId()));
    }

    static Optional<Parts> parse(String key) {
        String[] p = key.split(String.valueOf(SEPARATOR), -1);
        if (p.length != 8) {
            return Optional.empty();
        }
        return Optional.of(new Parts(p[0], new ProductDimensions(p[1], p[2], p[3], p[4], p[5]), p[6], p[7]));
    }

    static String itemOf(String key) {
        int at = key.indexOf(SEPARATOR);
        return at < 0 ? key : key.substring(0, at);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
