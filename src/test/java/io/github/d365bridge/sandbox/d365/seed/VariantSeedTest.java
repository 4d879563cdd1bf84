package io.github.d365bridge.sandbox.d365.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.sandbox.d365.D365SandboxData;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.sandbox.d365.SeedSizes;
import io.github.d365bridge.sandbox.d365.store.EntityTable;

/**
 * The variant and relation seed: rows found by their key, in key order, deterministic; the old constructor and
 * DEFAULT unchanged (no masters); the realistic share as documented.
 */
class VariantSeedTest {

    private static D365SandboxData data(long seed, SeedSizes sizes) {
        return new D365SandboxData(D365SandboxOptions.builder().seed(seed).seedSizes(sizes).build());
    }

    @Test
    void theFourNumberConstructorAndDefaultSeedNoMasters() {
        assertThat(new SeedSizes(50, 100, 3, 2)).isEqualTo(SeedSizes.DEFAULT);
        assertThat(SeedSizes.DEFAULT.masterEvery()).isZero();
        assertThat(SeedSizes.DEFAULT.relatedEvery()).isZero();
        assertThat(SeedSizes.DEFAULT.hasMasters()).isFalse();
        assertThat(SeedSizes.DEFAULT_WITH_VARIANTS).isEqualTo(new SeedSizes(50, 100, 3, 2, 5, 4, 9, 4));
        D365SandboxData data = data(365, SeedSizes.DEFAULT);
        assertThat(data.table("ReleasedProductVariantsV2").scanSize()).isZero();
        assertThat(data.table("ProductRelations").scanSize()).isZero();
        assertThat(data.table("SalesPriceAgreements").scanSize()).isEqualTo(3 * 100 * 3);
        assertThat(data.rows("ProductsV2", r -> !"Product".equals(r.get("ProductSubType")))).isEmpty();
        assertThatThrownBy(() -> SeedSizes.DEFAULT.withVariants(5, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedSizes.DEFAULT.withVariants(5, 4, 33)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void variantsDoNotChangeTheDistinctProductsRowsOrRecordIds() {
        D365SandboxData plain = data(365, SeedSizes.DEFAULT);
        D365SandboxData variants = data(365, SeedSizes.DEFAULT_WITH_VARIANTS);
        for (String item : List.of("P000001", "P000003", "P000024")) {
            assertThat(variants.find("ReleasedProductsV2", "gbsi", item)).isEqualTo(plain.find("ReleasedProductsV2", "gbsi", item));
        }
        Map<String, Object> master = variants.find("ReleasedProductsV2", "gbsi", "P000002").orElseThrow();
        assertThat(master.get("ProductSubType")).isEqualTo("ProductMaster");
        assertThat(master.get("SalesPrice")).isEqualTo(plain.find("ReleasedProductsV2", "gbsi", "P000002").orElseThrow()
                .get("SalesPrice"));
        // demf is the first company in key order, so its quantity breaks keep their record ids; later companies'
        // move up by the colour prices before them (a new seed setting, a new layout)
        assertThat(plain.find("SalesPriceAgreements", "demf", 5_637_144_576L + 10).orElseThrow())
                .isEqualTo(variants.find("SalesPriceAgreements", "demf", 5_637_144_576L + 10).orElseThrow());
    }

    /** D365 keeps on-hand per product dimensions: a master's stock is its variants', none is the master's own. */
    @Test
    void onHandOfAMasterIsPerVariantAndWarehouseAndADistinctProductHasOneRowPerWarehouse() {
        D365SandboxData data = data(365, SeedSizes.DEFAULT_WITH_VARIANTS);
        java.util.Set<String> variants = new java.util.TreeSet<>();
        data.rows("ReleasedProductVariantsV2", r -> "usmf".equals(r.get("dataAreaId")) && "P000002".equals(r.get("ItemNumber")))
                .forEach(r -> variants.add(r.get("ProductColorId") + "/" + r.get("ProductSizeId")));
        List<Map<String, Object>> master = data.rows("WarehousesOnHandV2", r -> "usmf".equals(r.get("dataAreaId"))
                && "P000002".equals(r.get("ItemNumber")));
        assertThat(master).hasSize(variants.size() * 2);
        assertThat(master).allMatch(r -> variants.contains(r.get("ProductColorId") + "/" + r.get("ProductSizeId")));
        assertThat(data.rows("WarehousesOnHandV2", r -> "usmf".equals(r.get("dataAreaId"))
                && "P000001".equals(r.get("ItemNumber")))).hasSize(2).allMatch(r -> "".equals(r.get("ProductColorId")));
        assertThat(data.find("WarehousesOnHandV2", "usmf", "P000002", "", "", "", "", "", "1", "11")).isEmpty();
    }

    @Test
    void everySeedRowIsFoundByItsKeyInKeyOrderAndTheSameForTheSameSeed() {
        SeedSizes sizes = new SeedSizes(5, 60, 2, 1).withVariants(3, 1, 32).withRelations(2);
        D365SandboxData data = data(11, sizes);
        D365SandboxData same = data(11, sizes);
        for (String set : List.of("ReleasedProductVariantsV2", "ProductRelations", "SalesPriceAgreements", "ProductsV2",
                "WarehousesOnHandV2")) {
            EntityTable table = data.table(set);
            assertThat(table.scanSize()).as(set).isPositive();
            String previous = null;
            for (int i = 0; i < table.scanSize(); i++) {
                Map<String, Object> row = table.rowAt(i);
                assertThat(row).isEqualTo(same.table(set).rowAt(i));
                List<Object> key = table.schema().keys().stream().map(row::get).map(v -> (Object) v).toList();
                assertThat(table.find(key)).as(set + " " + key).contains(row);
                String keyText = table.keyOf(row);
                if (previous != null && !set.equals("SalesPriceAgreements")) {
                    assertThat(keyText).as(set).isGreaterThan(previous);
                }
                previous = keyText;
            }
        }
        Map<String, Object> first = data.table("ReleasedProductVariantsV2").rowAt(0);
        assertThat(first.get("ItemNumber")).as("with every 3rd, product 1 is the first master").isEqualTo("P000001");
        assertThat(data.find("ReleasedProductVariantsV2", "DEMF", "p000001", "", ((String) first.get("ProductColorId"))
                .toUpperCase(), ((String) first.get("ProductSizeId")).toLowerCase(), "", "")).as("keys ignore case")
                .contains(first);
        assertThat(data.find("ReleasedProductVariantsV2", "usmf", "P000001", "x", "Black", "S", "", "")).isEmpty();
    }

    @Test
    void theRealisticSharePerHundredProducts() {
        D365SandboxData data = data(365, SeedSizes.DEFAULT_WITH_VARIANTS);
        long masters = data.rows("ProductsV2", r -> "ProductMaster".equals(r.get("ProductSubType"))).size();
        int variants = data.rows("ReleasedProductVariantsV2", r -> "usmf".equals(r.get("dataAreaId"))).size();
        int relations = data.table("ProductRelations").scanSize();
        int related = (int) data.rows("ProductRelations", r -> true).stream().map(r -> r.get("ProductNumber")).distinct().count();
        int colourPrices = data.rows("SalesPriceAgreements", r -> !"".equals(r.get("ProductColorId"))).size();
        System.out.printf("per 100 products: %d masters, %d variants per company, %d relations of %d products,"
                + " %d colour prices per company%n", masters, variants, relations, related, colourPrices / 3);
        assertThat(masters).isEqualTo(20);
        assertThat(variants).isBetween(100, 160);
        assertThat(related).isEqualTo(24);
        assertThat(relations).isBetween(36, 60);
        assertThat(colourPrices).isEqualTo(3 * 10);
        assertThat(data.rows("ProductsV2", r -> "ProductMaster".equals(r.get("ProductSubType"))
                && "Service".equals(r.get("ProductType")))).isEmpty();
    }
}
