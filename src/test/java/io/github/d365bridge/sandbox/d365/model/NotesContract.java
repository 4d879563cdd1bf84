package io.github.d365bridge.sandbox.d365.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entity sets of ../shared/docs/d365-api-notes.md and d365-to-commerce-notes.md that the contract files
 * lack, with the keys and fields the notes list (ProductTranslations: keys as the notes think likely;
 * ReleasedProductVariantsV2: fields unconfirmed; ProductRelations: the sandbox's default for an entity no source
 * confirms). SalesOrderLinesV3 has the fields of SalesOrderLines (V1, in the contract):
 * its types are checked against V1.
 */
final class NotesContract {

    record NotesSet(List<String> keys, Set<String> fields, String typedLike) {
    }

    static final Map<String, NotesSet> SETS = Map.of(
            "SalesOrderLinesV3", new NotesSet(List.of("dataAreaId", "InventoryLotId"), Set.of("dataAreaId",
                    "InventoryLotId", "SalesOrderNumber", "LineNumber", "ItemNumber", "OrderedSalesQuantity", "SalesPrice",
                    "SalesPriceQuantity", "LineAmount", "LineDiscountAmount", "SalesUnitSymbol", "ShippingWarehouseId",
                    "ShippingSiteId", "CustomersLineNumber", "ExternalItemNumber", "LineDescription", "ProductColorId",
                    "ProductConfigurationId", "ProductSizeId", "ProductStyleId", "ProductVersionId"), "SalesOrderLines"),
            "SalesPriceAgreements", new NotesSet(List.of("dataAreaId", "RecordId"), Set.of("dataAreaId", "RecordId",
                    "ItemNumber", "Price", "PriceCurrencyCode", "PriceCustomerGroupCode", "CustomerAccountNumber",
                    "PriceApplicableFromDate", "PriceApplicableToDate", "FromQuantity", "ToQuantity", "SalesPriceQuantity",
                    "QuantityUnitySymbol", "PriceSiteId", "PriceWarehouseId", "ProductNumber", "ProductColorId",
                    "ProductconfigurationId", "ProductSizeId", "ProductStyleId", "ProductVersionId"), null),
            "SalesInvoiceHeadersV2", new NotesSet(List.of("dataAreaId", "InvoiceNumber"), Set.of("dataAreaId",
                    "InvoiceNumber", "InvoiceDate", "SalesOrderNumber", "InvoiceCustomerAccountNumber", "CurrencyCode",
                    "TotalInvoiceAmount", "TotalTaxAmount", "TotalChargeAmount", "TotalDiscountAmount",
                    "CustomersOrderReference", "LedgerVoucher"), null),
            "ProductTranslations", new NotesSet(List.of("ProductNumber", "LanguageId"), Set.of("ProductNumber",
                    "LanguageId", "ProductName", "Description"), null),
            // the notes name the set and its dimension ids; keys and the other fields are unconfirmed
            "ReleasedProductVariantsV2", new NotesSet(List.of("dataAreaId", "ItemNumber", "ProductConfigurationId",
                    "ProductColorId", "ProductSizeId", "ProductStyleId", "ProductVersionId"), Set.of("dataAreaId",
                    "ItemNumber", "ProductConfigurationId", "ProductColorId", "ProductSizeId", "ProductStyleId",
                    "ProductVersionId", "ProductMasterNumber", "ProductVariantNumber", "ProductName",
                    "ProductSearchName", "ProductDescription"), null),
            // no standard entity is confirmed (the notes: keep the name configurable); the sandbox's own default
            "ProductRelations", new NotesSet(List.of("ProductNumber", "RelatedProductNumber", "ProductRelationTypeName"),
                    Set.of("ProductNumber", "RelatedProductNumber", "ProductRelationTypeName"), null));

    /** Types the notes state for sets without a typed contract (fields named *Date are dates, amounts decimals). */
    private static final Map<String, FieldKind> NOTES_TYPES = Map.ofEntries(Map.entry("RecordId", FieldKind.INT64),
            Map.entry("Price", FieldKind.DECIMAL), Map.entry("FromQuantity", FieldKind.DECIMAL),
            Map.entry("ToQuantity", FieldKind.DECIMAL), Map.entry("SalesPriceQuantity", FieldKind.DECIMAL),
            Map.entry("TotalInvoiceAmount", FieldKind.DECIMAL), Map.entry("TotalTaxAmount", FieldKind.DECIMAL),
            Map.entry("TotalChargeAmount", FieldKind.DECIMAL), Map.entry("TotalDiscountAmount", FieldKind.DECIMAL),
            Map.entry("PriceApplicableFromDate", FieldKind.DATE), Map.entry("PriceApplicableToDate", FieldKind.DATE),
            Map.entry("InvoiceDate", FieldKind.DATE));

    private NotesContract() {
    }

    static List<String> check(EntitySchema schema, ContractChecker contracts) {
        NotesSet notes = SETS.get(schema.setName());
        if (notes == null) {
            return List.of(schema.setName() + ": in neither the contract files nor the API notes");
        }
        List<String> problems = new ArrayList<>();
        if (!schema.keys().equals(notes.keys())) {
            problems.add(schema.setName() + ": keys " + schema.keys() + " but the notes say " + notes.keys());
        }
        ContractChecker.ContractSet typedLike = notes.typedLike() == null ? null
                : contracts.set(notes.typedLike()).orElseThrow();
        for (Field field : schema.fields()) {
            if (typedLike != null) {
                // V3 may carry any field of V1 (real rows have ~150); types must match V1's
                problems.addAll(contracts.checkField(schema.setName(), field, typedLike));
                continue;
            }
            if (!notes.fields().contains(field.name())) {
                problems.add(schema.setName() + "." + field.name() + ": not a field the notes list");
            }
            FieldKind expected = NOTES_TYPES.getOrDefault(field.name(), FieldKind.STRING);
            if (field.kind() != expected) {
                problems.add(schema.setName() + "." + field.name() + ": emitted as " + field.kind() + ", notes imply " + expected);
            }
        }
        if (typedLike != null) {
            for (String required : notes.fields()) {
                if (schema.field(required).isEmpty()) {
                    problems.add(schema.setName() + ": the notes' field " + required + " is not emitted");
                }
            }
        }
        return problems;
    }
}
