package io.github.d365bridge.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.d365.D365Sandbox;

/**
 * Lines up the two sandboxes' data the way a real deployment lines up its systems: every SKU the
 * Commerce sandbox sells is a released product in the D365 sandbox (plus the charge items the default
 * mapping profile uses), and the guest accounts of the default profile exist. Used by the local run and
 * the order flow's tests.
 */
public final class SandboxAlignment {

    private SandboxAlignment() {
    }

    public static void lineUp(CommerceSandbox commerce, D365Sandbox d365) {
        lineUp(commerce, d365, java.util.Set.of());
    }

    /** The same, leaving {@code notInD365} unreleased: orders with those SKUs fail inside the DMF import. */
    public static void lineUp(CommerceSandbox commerce, D365Sandbox d365, java.util.Set<String> notInD365) {
        List<String> items = new ArrayList<>(commerce.data().skus());
        items.removeAll(notInD365);
        items.addAll(List.of("FREIGHT", "DISCOUNT"));
        for (String company : List.of("usmf", "demf")) {
            for (String item : items) {
                if (d365.data().find("ReleasedProductsV2", company, item).isEmpty()) {
                    d365.data().insert("ReleasedProductsV2", Map.of("dataAreaId", company, "ItemNumber", item,
                            "ProductNumber", item, "SearchName", item));
                }
            }
        }
        for (String[] guest : List.of(new String[] {"usmf", "US-027", "USD"}, new String[] {"demf", "DE-010", "EUR"})) {
            if (d365.data().find("CustomersV3", guest[0], guest[1]).isEmpty()) {
                d365.data().insert("CustomersV3", Map.of("dataAreaId", guest[0], "CustomerAccount", guest[1],
                        "OrganizationName", "Web store guests", "CustomerGroupId", "30", "SalesCurrencyCode", guest[2]));
            }
        }
    }
}
