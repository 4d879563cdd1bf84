package io.github.d365bridge.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How D365 on-hand becomes Commerce stock (the inventory sync). SKUs follow {@code items} and the variant rule of
 * the catalog, so a variant's stock lands on the simple product the catalog made for it.
 *
 * @param legalEntities the legal entities whose on-hand is published
 * @param sources       {@code <legal entity>/<site>/<warehouse>} → Commerce MSI source code; warehouses not
 *                      listed are not published (counted as skipped). One warehouse per source: a source's
 *                      quantity is one D365 row, so two warehouses on one source would overwrite each other
 * @param quantity      which D365 quantity is the source quantity
 * @param safetyStock   source code → quantity held back from the store (never below 0)
 * @param wholeUnits    round the quantity down to whole units (D365 keeps fractions; a store sells units)
 * @param backorders    {@code true}: a source item stays in stock at 0 (the store takes backorders); {@code false}:
 *                      out of stock at 0 or less
 * @param target        {@code msi}: source items per source; {@code stockItems}: a single-source store's stock
 *                      items (the one mapped warehouse per legal entity)
 */
public record InventorySyncMapping(List<String> legalEntities, Map<String, String> sources, Quantity quantity,
        Map<String, BigDecimal> safetyStock, Boolean wholeUnits, Boolean backorders, Target target) {

    public InventorySyncMapping {
        legalEntities = Collections2.list(legalEntities);
        sources = Collections2.map(sources);
        safetyStock = Collections2.map(safetyStock);
        quantity = quantity == null ? Quantity.AVAILABLE : quantity;
        wholeUnits = wholeUnits == null || wholeUnits;
        backorders = backorders != null && backorders;
        target = target == null ? Target.MSI : target;
    }

    /** The source code a warehouse's rows go to, if it is published. */
    public Optional<String> sourceOf(String legalEntity, String site, String warehouse) {
        return Optional.ofNullable(sources.get(warehouseKey(legalEntity, site, warehouse)));
    }

    /** {@code usmf/1/11}: how {@code sources} names a warehouse. */
    public static String warehouseKey(String legalEntity, String site, String warehouse) {
        return legalEntity.toLowerCase(Locale.ROOT) + "/" + site + "/" + warehouse;
    }

    public enum Quantity {
        /** {@code AvailableOnHandQuantity}: physical on hand minus what D365 has reserved. */
        @JsonProperty("available") AVAILABLE,
        /** {@code OnHandQuantity}: physical on hand, reservations ignored. */
        @JsonProperty("onHand") ON_HAND,
        /** {@code TotalAvailableQuantity}: available including what is ordered in, minus what is on order. */
        @JsonProperty("totalAvailable") TOTAL_AVAILABLE
    }

    public enum Target {
        @JsonProperty("msi") MSI,
        @JsonProperty("stockItems") STOCK_ITEMS
    }
}
