package io.github.d365bridge.sandbox.d365.rules;

import static io.github.d365bridge.sandbox.d365.rules.RowDefaults.decimal;
import static io.github.d365bridge.sandbox.d365.rules.RowDefaults.string;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.D365SandboxData;
import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.store.NumberSequences.Purpose;

/**
 * Sales order logic: the header takes its number from the sequence and its defaults from the
 * customer, which must exist in the order's company; a line needs an existing order and an item
 * released in that company, gets a lot id, price and unit from the product and a computed amount.
 */
final class SalesOrderRules {

    private SalesOrderRules() {
    }

    static void completeHeader(D365SandboxData data, Map<String, Object> row, Map<String, Object> given) {
        String company = string(row, "dataAreaId");
        String account = string(row, "OrderingCustomerAccountNumber");
        if (account.isEmpty()) {
            throw RuleViolation.mandatory("Customer account");
        }
        Map<String, Object> customer = data.find(EntityCatalog.CUSTOMERS.setName(), company, account)
                .orElseThrow(() -> RuleViolation.notInRelation(account, "Customer account", "Customers"));
        if (string(row, "SalesOrderNumber").isEmpty()) {
            row.put("SalesOrderNumber", WriteRules.next(data, Purpose.SALES_ORDER, company));
        }
        String invoiceAccount = string(row, "InvoiceCustomerAccountNumber");
        if (invoiceAccount.isEmpty()) {
            row.put("InvoiceCustomerAccountNumber", customer.get("CustomerAccount"));
        } else if (data.find(EntityCatalog.CUSTOMERS.setName(), company, invoiceAccount).isEmpty()) {
            throw RuleViolation.notInRelation(invoiceAccount, "Invoice account", "Customers");
        }
        defaultFrom(row, "CurrencyCode", customer.get("SalesCurrencyCode"));
        defaultFrom(row, "DeliveryModeCode", customer.get("DeliveryMode"));
        defaultFrom(row, "LanguageId", "en-us");
        defaultFrom(row, "PaymentTermsName", "Net30");
        defaultFrom(row, "SalesOrderOriginCode", "");
        if (string(row, "DeliveryAddressStreet").isEmpty() && string(row, "DeliveryAddressCity").isEmpty()) {
            row.put("DeliveryAddressName", customer.get("OrganizationName"));
            row.put("DeliveryAddressStreet", customer.get("DeliveryAddressStreet"));
            row.put("DeliveryAddressCity", customer.get("DeliveryAddressCity"));
            row.put("DeliveryAddressZipCode", customer.get("DeliveryAddressZipCode"));
            row.put("DeliveryAddressStateId", customer.get("DeliveryAddressState"));
            row.put("DeliveryAddressCountryRegionId", customer.get("DeliveryAddressCountryRegionId"));
        }
        if (!given.containsKey("SalesOrderStatus")) {
            row.put("SalesOrderStatus", "Backorder");
        }
        if (string(row, "SalesOrderName").isEmpty()) {
            row.put("SalesOrderName", customer.get("OrganizationName"));
        }
        row.put("OrderCreationDateTime", WriteRules.now());
        row.put("OrderTotalAmount", BigDecimal.ZERO);
    }

    static void completeLine(D365SandboxData data, Map<String, Object> row, Map<String, Object> given) {
        String company = string(row, "dataAreaId");
        String order = string(row, "SalesOrderNumber");
        if (order.isEmpty()) {
            throw RuleViolation.mandatory("Sales order");
        }
        Map<String, Object> header = data.find(EntityCatalog.SALES_ORDER_HEADERS.setName(), company, order)
                .orElseThrow(() -> RuleViolation.notInRelation(order, "Sales order", "Sales orders"));
        String item = string(row, "ItemNumber");
        if (item.isEmpty()) {
            throw RuleViolation.mandatory("Item number");
        }
        Map<String, Object> product = data.find(EntityCatalog.RELEASED_PRODUCTS.setName(), company, item)
                .orElseThrow(() -> RuleViolation.notInRelation(item, "Item number", "Released products"));
        row.put("SalesOrderNumber", header.get("SalesOrderNumber"));
        row.put("ItemNumber", product.get("ItemNumber"));
        if (string(row, "InventoryLotId").isEmpty()) {
            row.put("InventoryLotId", WriteRules.next(data, Purpose.INVENTORY_LOT, company));
        }
        if (decimal(row, "LineNumber").signum() == 0) {
            row.put("LineNumber", nextLineNumber(data, company, order));
        }
        if (!given.containsKey("SalesPrice")) {
            row.put("SalesPrice", product.get("SalesPrice"));
        }
        if (decimal(row, "SalesPriceQuantity").signum() == 0) {
            row.put("SalesPriceQuantity", product.get("SalesPriceQuantity"));
        }
        defaultFrom(row, "SalesUnitSymbol", product.get("SalesUnitSymbol"));
        defaultFrom(row, "CurrencyCode", header.get("CurrencyCode"));
        defaultFrom(row, "ShippingWarehouseId", header.get("DefaultShippingWarehouseId"));
        defaultFrom(row, "ShippingSiteId", header.get("DefaultShippingSiteId"));
        if (!given.containsKey("SalesOrderLineStatus")) {
            row.put("SalesOrderLineStatus", "Backorder");
        }
        if (row.get("RequestedShippingDate") == null) {
            row.put("RequestedShippingDate", header.get("RequestedShippingDate"));
        }
        if (!given.containsKey("LineAmount")) {
            row.put("LineAmount", lineAmount(row));
        }
    }

    /** Quantity times unit price (per price quantity) less the line discount, in currency precision. */
    static BigDecimal lineAmount(Map<String, Object> row) {
        BigDecimal priceQuantity = decimal(row, "SalesPriceQuantity");
        BigDecimal perUnit = priceQuantity.signum() == 0 ? decimal(row, "SalesPrice")
                : decimal(row, "SalesPrice").divide(priceQuantity, 10, RoundingMode.HALF_UP);
        return WriteRules.money(decimal(row, "OrderedSalesQuantity").multiply(perUnit)
                .subtract(decimal(row, "LineDiscountAmount")));
    }

    static void recalculateTotals(D365SandboxData data, String company, String order) {
        data.find(EntityCatalog.SALES_ORDER_HEADERS.setName(), company, order).ifPresent(header -> {
            List<Map<String, Object>> lines = lines(data, company, order);
            BigDecimal total = lines.stream().map(l -> decimal(l, "LineAmount")).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal discount = lines.stream().map(l -> decimal(l, "LineDiscountAmount"))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<String, Object> updated = new LinkedHashMap<>(header);
            updated.put("OrderTotalAmount", WriteRules.money(total));
            updated.put("OrderTotalDiscountAmount", WriteRules.money(discount));
            data.table(EntityCatalog.SALES_ORDER_HEADERS.setName()).replace(updated);
        });
    }

    static List<Map<String, Object>> lines(D365SandboxData data, String company, String order) {
        return data.rows(EntityCatalog.SALES_ORDER_LINES.setName(),
                l -> company.equalsIgnoreCase((String) l.get("dataAreaId")) && order.equals(l.get("SalesOrderNumber")));
    }

    private static BigDecimal nextLineNumber(D365SandboxData data, String company, String order) {
        return lines(data, company, order).stream().map(l -> decimal(l, "LineNumber"))
                .reduce(BigDecimal.ZERO, BigDecimal::max).add(BigDecimal.ONE);
    }

    private static void defaultFrom(Map<String, Object> row, String field, Object value) {
        if (string(row, field).isEmpty() && value != null) {
            row.put(field, value);
        }
    }
}
