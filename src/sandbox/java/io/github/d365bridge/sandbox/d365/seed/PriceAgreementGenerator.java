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
 * prices; some for one customer group only, some expired, the rest open-ended (empty To date).
 */
public final class PriceAgreementGenerator implements RowGenerator {

    /** D365 record ids start around here in a fresh database. */
    public static final long FIRST_RECORD_ID = 5_637_144_576L;

    private final Companies companies;
    private final ProductGenerator products;
    private final int breaks;

    public PriceAgreementGenerator(Companies companies, ProductGenerator products, int breaks) {
        this.companies = companies;
        this.products = products;
        this.breaks = breaks;
    }

    @Override
    public int size() {
        return companies.size() * products.size() * breaks;
    }

    @Override
    public Map<String, Object> row(int index) {
        int perCompany = products.size() * breaks;
        LegalEntity company = companies.get(index / perCompany);
        int product = index % perCompany / breaks;
        int step = index % breaks;
        BigDecimal from = BigDecimal.TEN.pow(step);
        BigDecimal to = step == breaks - 1 ? BigDecimal.ZERO : BigDecimal.TEN.pow(step + 1);
        BigDecimal price = ReleasedProductGenerator.price(products, company, product)
                .multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(5L * step, 2))).setScale(2, RoundingMode.HALF_UP);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataAreaId", company.id());
        row.put("RecordId", FIRST_RECORD_ID + index);
        row.put("ItemNumber", ProductGenerator.number(product));
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
        int per = products.size() * breaks;
        return index < 0 ? new int[] {0, 0} : new int[] {index * per, (index + 1) * per};
    }
}
