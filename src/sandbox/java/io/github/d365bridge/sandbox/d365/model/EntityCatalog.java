package io.github.d365bridge.sandbox.d365.model;

import static io.github.d365bridge.sandbox.d365.model.Field.date;
import static io.github.d365bridge.sandbox.d365.model.Field.dateTime;
import static io.github.d365bridge.sandbox.d365.model.Field.decimal;
import static io.github.d365bridge.sandbox.d365.model.Field.enumField;
import static io.github.d365bridge.sandbox.d365.model.Field.int32;
import static io.github.d365bridge.sandbox.d365.model.Field.int64;
import static io.github.d365bridge.sandbox.d365.model.Field.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entity sets the sandbox serves. Names, keys and types come from the contract files
 * ({@code ../shared/contracts/d365-fo/*.json}); sets absent there (SalesOrderLinesV3,
 * ProductTranslations, SalesPriceAgreements, SalesInvoiceHeadersV2, ReleasedProductVariantsV2) follow the API
 * notes; ProductRelations, which no source confirms, is the sandbox's own default for a configurable entity. CustomersV3 and ContactPersons
 * emit every property of the contract ({@link ContractFields}); the other sets a realistic subset of
 * their fields, those the bridge uses plus their keys. The contract test keeps them honest.
 */
public final class EntityCatalog {

    /**
     * Every property of CustomerV3 (309 besides {@code @odata.etag}), as a real tenant sends about 300
     * fields per customer: a reader that copes with the sandbox copes with the volume and the many
     * empty values of the real thing.
     */
    public static final EntitySchema CUSTOMERS = new EntitySchema("CustomersV3", "CustomerV3", "Customers V3",
            List.of("dataAreaId", "CustomerAccount"), ContractFields.of("CustomerV3"));

    /**
     * The contact persons of organisation parties, every property of ContactPerson. Of the contract's
     * contact entities this is the one that holds a person working for a customer: its name, its own
     * {@code PrimaryEmailAddress}, and {@code AssociatedPartyNumber}, the party (= {@code
     * CustomersV3.PartyNumber}) it is a contact of; {@code CustomersV3.ContactPersonId} names the
     * customer's primary contact. {@code PartyContactsV3} (and finance's {@code CustomerElectronicAddresses})
     * list a party's own electronic addresses instead, the very source of {@code PrimaryContactEmail}, so an
     * organisation without one rarely has anything there. Reading a contact's e-mail for an organisation
     * customer therefore means {@code ContactPersons(dataAreaId=…,ContactPersonId=<customer's ContactPersonId>)},
     * or {@code $filter=AssociatedPartyNumber eq '<PartyNumber>'} to see all of them.
     */
    public static final EntitySchema CONTACT_PERSONS = new EntitySchema("ContactPersons", "ContactPerson", null,
            List.of("dataAreaId", "ContactPersonId"), ContractFields.of("ContactPerson"));

    public static final EntitySchema RELEASED_PRODUCTS = new EntitySchema("ReleasedProductsV2", "ReleasedProductV2",
            "Released products V2", List.of("dataAreaId", "ItemNumber"), List.of(
                    string("dataAreaId"), string("ItemNumber"), string("ProductNumber"), string("SearchName"),
                    string("ProductSearchName"), enumField("ProductType", EnumType.PRODUCT_TYPE),
                    enumField("ProductSubType", EnumType.PRODUCT_SUBTYPE), decimal("SalesPrice"),
                    decimal("SalesPriceQuantity"), string("SalesUnitSymbol"), string("InventoryUnitSymbol"),
                    decimal("NetProductWeight"), string("ProductLifecycleStateId"), string("ItemModelGroupId"),
                    string("ProductGroupId"), string("StorageDimensionGroupName"),
                    string("TrackingDimensionGroupName"), string("ProductDimensionGroupName"),
                    enumField("IsSalesPriceIncludingCharges", EnumType.NO_YES),
                    date("SellStartDate"), date("SellEndDate"), string("SalesSalesTaxItemGroupCode")));

    public static final EntitySchema PRODUCTS = new EntitySchema("ProductsV2", "ProductV2", "Products V2",
            List.of("ProductNumber"), List.of(
                    string("ProductNumber"), string("ProductName"), string("ProductSearchName"),
                    string("ProductDescription"), enumField("ProductType", EnumType.PRODUCT_TYPE),
                    enumField("ProductSubType", EnumType.PRODUCT_SUBTYPE), string("StorageDimensionGroupName"),
                    string("TrackingDimensionGroupName"), string("ProductDimensionGroupName")));

    /**
     * Not in the contract files: the set name and fields from the API notes, keys (ProductNumber, LanguageId)
     * as the notes think likely. The bridge reads it by filter, never by key, so it works either way.
     */
    public static final EntitySchema PRODUCT_TRANSLATIONS = new EntitySchema("ProductTranslations",
            "ProductTranslation", null, List.of("ProductNumber", "LanguageId"), List.of(
                    string("ProductNumber"), string("LanguageId"), string("ProductName"), string("Description")));

    /**
     * Not in the contract files: fields and keys from the API notes, the product dimension ids spelt as the notes
     * saw them ({@code ProductconfigurationId} with a lower-case c, unlike every other entity). An agreement with
     * empty dimensions prices the item (for a master: every variant); one with a colour only that colour.
     */
    public static final EntitySchema PRICE_AGREEMENTS = new EntitySchema("SalesPriceAgreements", "SalesPriceAgreement",
            null, List.of("dataAreaId", "RecordId"), List.of(
                    string("dataAreaId"), int64("RecordId"), string("ItemNumber"), string("ProductNumber"),
                    decimal("Price"), string("PriceCurrencyCode"), string("PriceCustomerGroupCode"),
                    string("CustomerAccountNumber"), date("PriceApplicableFromDate"), date("PriceApplicableToDate"),
                    decimal("FromQuantity"), decimal("ToQuantity"), decimal("SalesPriceQuantity"),
                    string("QuantityUnitySymbol"), string("PriceSiteId"), string("PriceWarehouseId"),
                    string("ProductColorId"), string("ProductconfigurationId"), string("ProductSizeId"),
                    string("ProductStyleId"), string("ProductVersionId")));

    /**
     * Not in the contract files; the notes name the set and its dimensions, the fields are unconfirmed. Keyed like
     * the on-hand entity's product part: company, item, then the five dimension ids (empty strings where the
     * master's dimension group does not use them). {@code ProductMasterNumber} is the shared master's product
     * number, {@code ProductVariantNumber} the shared variant's.
     */
    public static final EntitySchema RELEASED_PRODUCT_VARIANTS = new EntitySchema("ReleasedProductVariantsV2",
            "ReleasedProductVariantV2", null, List.of("dataAreaId", "ItemNumber", "ProductConfigurationId",
                    "ProductColorId", "ProductSizeId", "ProductStyleId", "ProductVersionId"), List.of(
                    string("dataAreaId"), string("ItemNumber"), string("ProductConfigurationId"),
                    string("ProductColorId"), string("ProductSizeId"), string("ProductStyleId"),
                    string("ProductVersionId"), string("ProductMasterNumber"), string("ProductVariantNumber"),
                    string("ProductName"), string("ProductSearchName"), string("ProductDescription")));

    /**
     * No standard public entity for product relations is confirmed, so the bridge reads a configurable one; this is
     * the sandbox's default. Relations belong to shared products (no dataAreaId); the type name is one of the
     * tenant's product relation types ({@code Accessories}, {@code UpSell}, {@code CrossSell} in the seed).
     */
    public static final EntitySchema PRODUCT_RELATIONS = new EntitySchema("ProductRelations", "ProductRelation", null,
            List.of("ProductNumber", "RelatedProductNumber", "ProductRelationTypeName"), List.of(
                    string("ProductNumber"), string("RelatedProductNumber"), string("ProductRelationTypeName")));

    public static final EntitySchema SALES_ORDER_HEADERS = new EntitySchema("SalesOrderHeadersV2", "SalesOrderHeaderV2",
            "Sales order headers V2", List.of("dataAreaId", "SalesOrderNumber"), List.of(
                    string("dataAreaId"), string("SalesOrderNumber"), string("OrderingCustomerAccountNumber"),
                    string("InvoiceCustomerAccountNumber"), string("CurrencyCode"), string("LanguageId"),
                    string("CustomersOrderReference"), string("CustomerRequisitionNumber"),
                    date("RequestedShippingDate"), date("RequestedReceiptDate"), string("DeliveryModeCode"),
                    string("DeliveryAddressName"), string("DeliveryAddressStreet"), string("DeliveryAddressCity"),
                    string("DeliveryAddressZipCode"), string("DeliveryAddressStateId"),
                    string("DeliveryAddressCountryRegionId"), enumField("IsDeliveryAddressOrderSpecific", EnumType.NO_YES),
                    string("Email"), string("PaymentTermsName"), string("CustomerPaymentMethodName"),
                    string("DefaultShippingWarehouseId"), string("DefaultShippingSiteId"),
                    enumField("SalesOrderStatus", EnumType.SALES_STATUS),
                    enumField("SalesOrderProcessingStatus", EnumType.SALES_ORDER_PROCESSING_STATUS),
                    decimal("OrderTotalAmount"), decimal("OrderTotalTaxAmount"), decimal("OrderTotalChargesAmount"),
                    decimal("OrderTotalDiscountAmount"), string("SalesOrderName"), string("SalesOrderOriginCode"),
                    dateTime("OrderCreationDateTime")));

    /**
     * Seen on a real tenant but not in the contract files; the fields are those of {@code SalesOrderLines}
     * (V1, which is in the contract) that the notes list.
     */
    public static final EntitySchema SALES_ORDER_LINES = new EntitySchema("SalesOrderLinesV3", "SalesOrderLineV3",
            "Sales order lines V3", List.of("dataAreaId", "InventoryLotId"), List.of(
                    string("dataAreaId"), string("InventoryLotId"), string("SalesOrderNumber"), decimal("LineNumber"),
                    string("ItemNumber"), decimal("OrderedSalesQuantity"), decimal("SalesPrice"),
                    decimal("SalesPriceQuantity"), decimal("LineAmount"), decimal("LineDiscountAmount"),
                    string("SalesUnitSymbol"), string("ShippingWarehouseId"), string("ShippingSiteId"),
                    int32("CustomersLineNumber"), string("ExternalItemNumber"), string("LineDescription"),
                    string("ProductColorId"), string("ProductConfigurationId"), string("ProductSizeId"),
                    string("ProductStyleId"), string("ProductVersionId"), string("CurrencyCode"),
                    enumField("SalesOrderLineStatus", EnumType.SALES_STATUS), date("RequestedShippingDate")));

    /** V1 name of the same lines; the contract has it, so it is checked strictly. */
    public static final EntitySchema SALES_ORDER_LINES_V1 = SALES_ORDER_LINES.alias("SalesOrderLines", "SalesOrderLine");

    public static final EntitySchema ON_HAND = new EntitySchema("WarehousesOnHandV2", "WarehouseOnHandV2",
            "Warehouses on-hand V2", List.of("dataAreaId", "ItemNumber", "ProductColorId", "ProductConfigurationId",
                    "ProductSizeId", "ProductStyleId", "ProductVersionId", "InventorySiteId", "InventoryWarehouseId"),
            List.of(string("dataAreaId"), string("ItemNumber"), string("ProductColorId"),
                    string("ProductConfigurationId"), string("ProductSizeId"), string("ProductStyleId"),
                    string("ProductVersionId"), string("InventorySiteId"), string("InventoryWarehouseId"),
                    string("ProductName"), decimal("AvailableOnHandQuantity"), decimal("OnHandQuantity"),
                    decimal("ReservedOnHandQuantity"), decimal("AvailableOrderedQuantity"),
                    decimal("OrderedQuantity"), decimal("ReservedOrderedQuantity"), decimal("OnOrderQuantity"),
                    decimal("TotalAvailableQuantity"),
                    enumField("AreWarehouseManagementProcessesUsed", EnumType.NO_YES)));

    /** Not in the contract files; key set (dataAreaId + InvoiceNumber) is unconfirmed per the notes. */
    public static final EntitySchema SALES_INVOICE_HEADERS = new EntitySchema("SalesInvoiceHeadersV2",
            "SalesInvoiceHeaderV2", null, List.of("dataAreaId", "InvoiceNumber"), List.of(
                    string("dataAreaId"), string("InvoiceNumber"), date("InvoiceDate"), string("SalesOrderNumber"),
                    string("InvoiceCustomerAccountNumber"), string("CurrencyCode"), decimal("TotalInvoiceAmount"),
                    decimal("TotalTaxAmount"), decimal("TotalChargeAmount"), decimal("TotalDiscountAmount"),
                    string("CustomersOrderReference"), string("LedgerVoucher")));

    private static final List<EntitySchema> ALL = List.of(CUSTOMERS, RELEASED_PRODUCTS, PRODUCTS, PRODUCT_TRANSLATIONS, PRICE_AGREEMENTS,
            SALES_ORDER_HEADERS, SALES_ORDER_LINES, SALES_ORDER_LINES_V1, ON_HAND, SALES_INVOICE_HEADERS, CONTACT_PERSONS,
            RELEASED_PRODUCT_VARIANTS, PRODUCT_RELATIONS);

    private EntityCatalog() {
    }

    public static List<EntitySchema> all() {
        return new ArrayList<>(ALL);
    }

    /** By public collection name, exactly (OData resource paths are case-sensitive). */
    public static Optional<EntitySchema> bySetName(String setName) {
        return ALL.stream().filter(s -> s.setName().equals(setName)).findFirst();
    }

    /** By DMF label, ignoring case as D365 does. */
    public static Optional<EntitySchema> byLabel(String label) {
        return ALL.stream().filter(s -> s.label() != null && s.label().equalsIgnoreCase(label)).findFirst();
    }
}
