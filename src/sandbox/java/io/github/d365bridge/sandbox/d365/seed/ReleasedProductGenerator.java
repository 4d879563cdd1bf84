package io.github.d365bridge.sandbox.d365.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.store.RowGenerator;

/**
 * ReleasedProductsV2 demo rows: every product released in every legal entity, priced in its currency. A
 * master's row is the item its variants belong to ({@code ProductSubType} {@code ProductMaster}, the dimension
 * group named); its price is the variants' price unless a trade agreement for a dimension says otherwise.
 */
public final class ReleasedProductGenerator implements RowGenerator {

    private final Companies companies;
    private final ProductGenerator products;
    private final long seed;

    public ReleasedProductGenerator(Companies companies, ProductGenerator products, long seed) {
        this.companies = companies;
        this.products = products;
        this.seed = seed;
    }

    @Override
    public int size() {
        return companies.size() * products.size();
    }

    public static BigDecimal price(ProductGenerator products, LegalEntity company, int product) {
        return products.basePrice(product).multiply(company.priceFactor()).setScale(2, RoundingMode.HALF_UP);
    }

    @Override
    public Map<String, Object> row(int index) {
        LegalEntity company = companies.get(index / products.size());
        int product = index % products.size();
        SeedRandom r = new SeedRandom(seed, 4, product);
        String name = products.name(product);
        boolean service = products.isService(product);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataAreaId", company.id());
        row.put("ItemNumber", ProductGenerator.number(product));
        row.put("ProductNumber", ProductGenerator.number(product));
        row.put("SearchName", ProductGenerator.searchName(name));
        row.put("ProductSearchName", ProductGenerator.searchName(name));
        row.put("ProductType", service ? "Service" : "Item");
        row.put("ProductSubType", products.subType(product));
        row.put("SalesPrice", price(products, company, product));
        row.put("SalesPriceQuantity", BigDecimal.ONE);
        row.put("SalesUnitSymbol", service ? "hr" : "ea");
        row.put("InventoryUnitSymbol", service ? "hr" : "ea");
        row.put("NetProductWeight", service ? BigDecimal.ZERO : BigDecimal.valueOf(5 + r.nextInt(5000), 2));
        row.put("ProductLifecycleStateId", r.oneIn(10) ? "Obsolete" : "Active");
        row.put("ItemModelGroupId", service ? "SRV" : r.pick(List.of("FIFO", "STD")));
        row.put("ProductGroupId", r.pick(List.of("Audio", "Home", "Office", "Outdoor")));
        row.put("StorageDimensionGroupName", service ? "" : "SiteWH");
        row.put("TrackingDimensionGroupName", "None");
        row.put("ProductDimensionGroupName", products.dimensionGroup(product));
        row.put("IsSalesPriceIncludingCharges", "No");
        // most items have no sell window (D365's empty date); some started selling, a few stopped
        row.put("SellStartDate", r.oneIn(8) ? java.time.LocalDate.of(2024, 1 + product % 12, 1) : null);
        row.put("SellEndDate", r.oneIn(40) ? java.time.LocalDate.of(2025, 1 + product % 12, 28) : null);
        row.put("SalesSalesTaxItemGroupCode", service ? "SERVICE" : "FULL");
        return row;
    }

    @Override
    public int indexOf(List<Object> keyValues) {
        int company = companies.indexOf(keyValues.get(0));
        int product = ProductGenerator.parse(keyValues.get(1), products.size());
        return company < 0 || product < 0 ? -1 : company * products.size() + product;
    }

    @Override
    public int[] companyRange(String company) {
        int index = companies.indexOf(company);
        int per = products.size();
        return index < 0 ? new int[] {0, 0} : new int[] {index * per, (index + 1) * per};
    }
}
