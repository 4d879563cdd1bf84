package io.github.d365bridge.sandbox.d365.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.store.RowGenerator;

/**
 * SalesPriceAgreements demo rows: per company and item, quantity breaks 1, 10, 100 … with falling
 * prices; some for one customer group only, some expired, the rest open-ended (empty To date). These carry
 * empty product dimensions: they price the item, for a master every variant.
 *
 * <p>With masters seeded, every other master also gets one agreement for its lead colour only (after each
 * company's quantity breaks): a premium colour 10 % dearer or an end-of-line colour 15 % cheaper, for any
 * quantity and every size. That is how tenants price variants without attribute-based pricing.
 */
public final class PriceAgreementGenerator implements RowGenerator {

    /** D365 record ids start around here in a fresh database. */
    public static final long FIRST_RECORD_ID = 5_637_144_576L;

    /** The product dimension ids of a trade agreement, as the read view spells them (lower-case c, sic). */
    public static final List<String> DIMENSIONS = List.of("ProductColorId", "ProductconfigurationId",
            "ProductSizeId", "ProductStyleId", "ProductVersionId");

    private final Companies companies;
    private final ProductGenerator products;
    private final int breaks;
    private final ProductMasters masters;

    public PriceAgreementGenerator(Companies companies, ProductGenerator products, int breaks) {
        this(companies, products, breaks, ProductMasters.NONE);
    }

    public PriceAgreementGenerator(Companies companies, ProductGenerator products, int breaks, ProductMasters masters) {
        this.companies = companies;
        this.products = products;
        this.breaks = breaks;
        this.masters = masters;
    }

    /** Colour agreements per company: masters 0, 2, 4 … of the ordinal order; none without quantity breaks. */
    private int colourRows() {
        return breaks == 0 ? 0 : (masters.size() + 1) / 2;
    }

    private int perCompany() {
        return products.size() * breaks + colourRows();
    }

    @Override
    public int size() {
        return companies.size() * perCompany();
    }

    @Override
    public Map<String, Object> row(int index) {
        LegalEntity company = companies.get(index / perCompany());
        int within = index % perCompany();
        if (within >= products.size() * breaks) {
            return colourRow(index, company, within - products.size() * breaks);
        }
        int product = within / breaks;
        int step = within % breaks;
        BigDecimal from = BigDecimal.TEN.pow(step);
        BigDecimal to = step == breaks - 1 ? BigDecimal.ZERO : BigDecimal.TEN.pow(step + 1);
        BigDecimal price = ReleasedProductGenerator.price(products, company, product)
                .multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(5L * step, 2))).setScale(2, RoundingMode.HALF_UP);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataAreaId", company.id());
        row.put("RecordId", FIRST_RECORD_ID + index);
        row.put("ItemNumber", ProductGenerator.number(product));
        row.put("ProductNumber", ProductGenerator.number(product));
        row.put("Price", price);
        row.put("PriceCurrencyCode", company.currency());
        row.put("PriceCustomerGroupCode", product % 7 == 3 ? "20" : "");
        row.put("CustomerAccountNumber", "");
        row.put("PriceApplicableFromDate", LocalDate.of(2024, 1, 1));
        row.put("PriceApplicableToDate", product % 11 == 5 ? LocalDate.of(2025, 6, 30) : null);
        row.put("FromQuantity", from);
        row.put("ToQuantity", to);
        row.put("SalesPriceQuantity", BigDecimal.ONE);
        row.put("QuantityUnitySymbol", products.isService(product) ? "hr" : "ea");
        row.put("PriceSiteId", "");
        row.put("PriceWarehouseId", "");
        DIMENSIONS.forEach(d -> row.put(d, ""));
        return row;
    }

    /** The lead colour's price of master {@code 2 · n}: premium for every other one, end of line for the rest. */
    private Map<String, Object> colourRow(int index, LegalEntity company, int n) {
        int product = masters.product(2 * n);
        BigDecimal factor = n % 2 == 0 ? new BigDecimal("1.10") : new BigDecimal("0.85");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataAreaId", company.id());
        row.put("RecordId", FIRST_RECORD_ID + index);
        row.put("ItemNumber", ProductGenerator.number(product));
        row.put("ProductNumber", ProductGenerator.number(product));
        row.put("Price", ReleasedProductGenerator.price(products, company, product).multiply(factor)
                .setScale(2, RoundingMode.HALF_UP));
        row.put("PriceCurrencyCode", company.currency());
        row.put("PriceCustomerGroupCode", "");
        row.put("CustomerAccountNumber", "");
        row.put("PriceApplicableFromDate", LocalDate.of(2024, 3, 1));
        row.put("PriceApplicableToDate", null);
        row.put("FromQuantity", BigDecimal.ONE);
        row.put("ToQuantity", BigDecimal.ZERO);
        row.put("SalesPriceQuantity", BigDecimal.ONE);
        row.put("QuantityUnitySymbol", "ea");
        row.put("PriceSiteId", "");
        row.put("PriceWarehouseId", "");
        DIMENSIONS.forEach(d -> row.put(d, ""));
        row.put("ProductColorId", masters.colours(product).get(0));
        return row;
    }

    @Override
    public int indexOf(List<Object> keyValues) {
        if (!(keyValues.get(1) instanceof Long recordId)) {
            return -1;
        }
        long index = recordId - FIRST_RECORD_ID;
        return index < 0 || index >= size() ? -1 : (int) index;
    }

    @Override
    public int[] companyRange(String company) {
        int index = companies.indexOf(company);
        int per = perCompany();
        return index < 0 ? new int[] {0, 0} : new int[] {index * per, (index + 1) * per};
    }
}
