package io.github.d365bridge.flow.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.d365.entities.WarehouseOnHandV2;
import io.github.d365bridge.flow.sync.SyncRecord;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.MappingProfileLoader;

/** The quantity rules, one profile switch at a time, on one on-hand row: 12.5 on hand, 9.5 available, 20 in total. */
class InventoryMapperTest {

    private static final WarehouseOnHandV2 ROW = new WarehouseOnHandV2("usmf", " RFI-TEST-001", "Blue", "", "M", "", "",
            "1", "11", new BigDecimal("9.5"), new BigDecimal("12.5"), new BigDecimal("3"), BigDecimal.ZERO,
            BigDecimal.ZERO, new BigDecimal("20"));

    private static SyncRecord map(String settings, WarehouseOnHandV2 row) {
        MappingProfile profile = MappingProfileLoader.withOverride("""
                inventorySync:
                  legalEntities: [usmf]
                  sources: {usmf/1/11: wh-east}
                %s""".formatted(settings.indent(2)), "test");
        List<SyncRecord> records = new InventoryMapper(profile.inventorySync(), profile.items()).map("usmf", row);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void availableInWholeUnitsOnTheVariantSkuAtTheWarehousesSource() {
        SyncRecord record = map("", ROW);
        assertThat(record.scope()).isEqualTo("wh-east");
        assertThat(record.payload().get("sku").asText()).isEqualTo("%20RFI-TEST-001~Blue~M");
        assertThat(record.payload().get("quantity").decimalValue()).isEqualByComparingTo("9");
        assertThat(record.payload().get("status").asInt()).isEqualTo(1);
    }

    @Test
    void eachQuantityAndRoundingRuleIsTheProfiles() {
        assertThat(map("quantity: onHand", ROW).payload().get("quantity").decimalValue()).isEqualByComparingTo("12");
        assertThat(map("quantity: totalAvailable", ROW).payload().get("quantity").decimalValue()).isEqualByComparingTo("20");
        assertThat(map("wholeUnits: false", ROW).payload().get("quantity").decimalValue()).isEqualByComparingTo("9.5");
        assertThat(map("safetyStock: {wh-east: 4}", ROW).payload().get("quantity").decimalValue()).isEqualByComparingTo("5");
        SyncRecord held = map("safetyStock: {wh-east: 15}", ROW);
        assertThat(held.payload().get("quantity").decimalValue()).as("never below 0").isEqualByComparingTo("0");
        assertThat(held.payload().get("status").asInt()).as("out of stock at 0").isZero();
        assertThat(map("safetyStock: {wh-east: 15}\nbackorders: true", ROW).payload().get("status").asInt())
                .as("backorders keep it in stock").isEqualTo(1);
    }

    @Test
    void aSingleSourceStoreGetsAStockItemAndAnUnmappedWarehouseIsSkippedWithItsName() {
        SyncRecord stock = map("target: stockItems", ROW);
        assertThat(stock.type()).isEqualTo(InventoryMapper.STOCK_ITEM);
        assertThat(stock.payload().get("qty").decimalValue()).isEqualByComparingTo("9");
        assertThat(stock.payload().get("is_in_stock").asBoolean()).isTrue();
        WarehouseOnHandV2 elsewhere = new WarehouseOnHandV2("usmf", "P000001", "", "", "", "", "", "2", "21",
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(map("", elsewhere).skip()).isEqualTo("warehouse usmf/2/21 is not in inventorySync.sources");
    }
}
