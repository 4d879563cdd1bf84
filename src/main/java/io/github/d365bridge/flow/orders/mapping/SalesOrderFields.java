package io.github.d365bridge.flow.orders.mapping;

import java.util.List;

/**
 * The package columns the order mapper fills, upper-case as D365 writes them in data packages. Each is a
 * field of the contract's {@code SalesOrderHeaderV2} / {@code SalesOrderLine} schema (a test checks them
 * against {@code scm-odata-openapi.json}). Every mapped row carries every column, empty when unset, so
 * a batch writes straight into {@link SalesOrderPackage}'s two entities.
 */
public final class SalesOrderFields {

    public static final String SALES_ORDER_NUMBER = "SALESORDERNUMBER";

    public static final String ORDER_REFERENCE = "CUSTOMERSORDERREFERENCE";
    public static final String ORDERING_ACCOUNT = "ORDERINGCUSTOMERACCOUNTNUMBER";
    public static final String INVOICE_ACCOUNT = "INVOICECUSTOMERACCOUNTNUMBER";
    public static final String CURRENCY = "CURRENCYCODE";
    public static final String LANGUAGE = "LANGUAGEID";
    public static final String REQUESTED_SHIPPING_DATE = "REQUESTEDSHIPPINGDATE";
    public static final String DELIVERY_MODE = "DELIVERYMODECODE";
    public static final String PAYMENT_METHOD = "CUSTOMERPAYMENTMETHODNAME";
    public static final String REQUISITION = "CUSTOMERREQUISITIONNUMBER";
    public static final String WAREHOUSE = "DEFAULTSHIPPINGWAREHOUSEID";
    public static final String SITE = "DEFAULTSHIPPINGSITEID";
    public static final String EMAIL = "EMAIL";
    public static final String ORDER_NAME = "SALESORDERNAME";
    public static final String ADDRESS_NAME = "DELIVERYADDRESSNAME";
    public static final String ADDRESS_STREET = "DELIVERYADDRESSSTREET";
    public static final String ADDRESS_CITY = "DELIVERYADDRESSCITY";
    public static final String ADDRESS_ZIP = "DELIVERYADDRESSZIPCODE";
    public static final String ADDRESS_STATE = "DELIVERYADDRESSSTATEID";
    public static final String ADDRESS_COUNTRY = "DELIVERYADDRESSCOUNTRYREGIONID";
    public static final String ADDRESS_COUNTRY_ISO = "DELIVERYADDRESSCOUNTRYREGIONISOCODE";
    public static final String ADDRESS_ORDER_SPECIFIC = "ISDELIVERYADDRESSORDERSPECIFIC";

    public static final String LINE_NUMBER = "LINENUMBER";
    public static final String ITEM = "ITEMNUMBER";
    public static final String QUANTITY = "ORDEREDSALESQUANTITY";
    public static final String PRICE = "SALESPRICE";
    public static final String LINE_DISCOUNT = "LINEDISCOUNTAMOUNT";
    public static final String UNIT = "SALESUNITSYMBOL";
    public static final String LINE_WAREHOUSE = "SHIPPINGWAREHOUSEID";
    public static final String LINE_SITE = "SHIPPINGSITEID";
    public static final String CUSTOMER_LINE_NUMBER = "CUSTOMERSLINENUMBER";
    public static final String DESCRIPTION = "LINEDESCRIPTION";
    public static final String COLOR = "PRODUCTCOLORID";
    public static final String SIZE = "PRODUCTSIZEID";
    public static final String STYLE = "PRODUCTSTYLEID";
    public static final String CONFIGURATION = "PRODUCTCONFIGURATIONID";
    public static final String VERSION = "PRODUCTVERSIONID";

    /** Header columns in file order. */
    public static final List<String> HEADER = List.of(SALES_ORDER_NUMBER, ORDER_REFERENCE, ORDERING_ACCOUNT,
            INVOICE_ACCOUNT, CURRENCY, LANGUAGE, REQUESTED_SHIPPING_DATE, DELIVERY_MODE, PAYMENT_METHOD, REQUISITION,
            WAREHOUSE, SITE, EMAIL, ORDER_NAME, ADDRESS_NAME, ADDRESS_STREET, ADDRESS_CITY, ADDRESS_ZIP, ADDRESS_STATE,
            ADDRESS_COUNTRY, ADDRESS_COUNTRY_ISO, ADDRESS_ORDER_SPECIFIC);

    /** Line columns in file order. */
    public static final List<String> LINE = List.of(SALES_ORDER_NUMBER, LINE_NUMBER, ITEM, QUANTITY, PRICE,
            LINE_DISCOUNT, UNIT, LINE_WAREHOUSE, LINE_SITE, CUSTOMER_LINE_NUMBER, DESCRIPTION, COLOR, SIZE, STYLE,
            CONFIGURATION, VERSION);

    private SalesOrderFields() {
    }
}
