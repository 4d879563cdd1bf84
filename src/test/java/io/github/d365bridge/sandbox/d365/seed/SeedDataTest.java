package io.github.d365bridge.sandbox.d365.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.sandbox.d365.D365SandboxData;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.sandbox.d365.SeedSizes;
import io.github.d365bridge.sandbox.d365.store.EntityTable;

/** Seed rows are deterministic per seed, in key order, found by key, and cost no memory per row. */
class SeedDataTest {

    private static D365SandboxData data(long seed, SeedSizes sizes) {
        return new D365SandboxData(D365SandboxOptions.builder().seed(seed).seedSizes(sizes).build());
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        D365SandboxData a = data(365, SeedSizes.DEFAULT);
        D365SandboxData b = data(365, SeedSizes.DEFAULT);
        D365SandboxData c = data(366, SeedSizes.DEFAULT);
        for (String set : List.of("CustomersV3", "ProductsV2", "ReleasedProductsV2", "SalesPriceAgreements", "WarehousesOnHandV2")) {
            EntityTable ta = a.table(set);
            assertThat(ta.scanSize()).isPositive();
            for (int i = 0; i < ta.scanSize(); i += 17) {
                assertThat(ta.rowAt(i)).isEqualTo(b.table(set).rowAt(i));
            }
        }
        assertThat(a.table("CustomersV3").rowAt(3)).isNotEqualTo(c.table("CustomersV3").rowAt(3));
    }

    @Test
    void everySeedRowIsFoundByItsKeyAndRowsAreInKeyOrder() {
        D365SandboxData data = data(1, new SeedSizes(30, 40, 3, 3));
        for (String set : List.of("CustomersV3", "ProductsV2", "ReleasedProductsV2", "SalesPriceAgreements", "WarehousesOnHandV2")) {
            EntityTable table = data.table(set);
            String previous = null;
            for (int i = 0; i < table.scanSize(); i++) {
                Map<String, Object> row = table.rowAt(i);
                List<Object> key = table.schema().keys().stream().map(row::get).map(v -> (Object) v).toList();
                assertThat(table.find(key)).as(set + " " + key).contains(row);
                String keyText = table.keyOf(row);
                if (previous != null && !set.equals("SalesPriceAgreements")) {
                    assertThat(keyText).as(set).isGreaterThan(previous);
                }
                previous = keyText;
            }
        }
        assertThat(data.find("ReleasedProductsV2", "USMF", " rfi-test-001")).as("keys compare without case").isPresent();
        assertThat(data.find("ReleasedProductsV2", "usmf", "RFI-TEST-001")).as("never trimmed").isEmpty();
    }

    @Test
    void aMillionCustomersNeedNoHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        D365SandboxData data = data(7, new SeedSizes(1_000_000, 10, 1, 1));
        assertThat(data.table("CustomersV3").scanSize()).isEqualTo(3_000_000);
        assertThat(data.find("CustomersV3", "usmf", "US-999999")).isPresent();
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        assertThat(after - before).isLessThan(50L * 1024 * 1024);
    }
}
