package io.github.d365bridge.sandbox.d365.model;

import java.util.List;

/**
 * A D365 enum as the OData service exposes it: values serialise as member names, and filter
 * literals must name the type ({@code Microsoft.Dynamics.DataEntities.NoYes'Yes'}).
 */
public record EnumType(String name, List<String> members) {

    public static final String NAMESPACE = "Microsoft.Dynamics.DataEntities";

    public static final EnumType NO_YES = new EnumType("NoYes", List.of("No", "Yes"));
    public static final EnumType CUST_VEND_BLOCKED = new EnumType("CustVendorBlocked",
            List.of("No", "Invoice", "All", "Payment", "Requisition", "Never", "PurchOrder"));
    public static final EnumType PRODUCT_TYPE = new EnumType("EcoResProductType", List.of("Item", "Service"));
    public static final EnumType PRODUCT_SUBTYPE = new EnumType("EcoResProductSubtype",
            List.of("Product", "ProductMaster", "ProductVariant"));
    public static final EnumType SALES_STATUS = new EnumType("SalesStatus",
            List.of("None", "Backorder", "Delivered", "Invoiced", "Canceled"));
    public static final EnumType SALES_ORDER_PROCESSING_STATUS = new EnumType("SalesOrderProcessingStatus",
            List.of("Active", "Confirmed", "Picked", "PartiallyDelivered", "Delivered", "Invoiced",
                    "PartiallyInvoiced", "Canceled", "DeliveredPartiallyInvoiced"));

    public EnumType {
        members = List.copyOf(members);
    }

    public String qualifiedName() {
        return NAMESPACE + "." + name;
    }

    public boolean hasMember(String member) {
        return members.contains(member);
    }

    /** The member a new row gets when a write leaves the field out (D365's first enum value, 0). */
    public String defaultMember() {
        return members.get(0);
    }
}
