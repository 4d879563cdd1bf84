package io.github.d365bridge.flow.catalog;

import java.util.List;
import java.util.Map;

import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.entities.SalesPriceAgreement;

/**
 * One D365 item as the price sync sees it: its released product per listed legal entity (priority order) and
 * the trade agreement prices ({@code SalesPriceAgreements}) of the item in those legal entities.
 */
public record PriceItem(String itemNumber, Map<String, ReleasedProductV2> releasedIn, List<SalesPriceAgreement> agreements) {

    public PriceItem {
        releasedIn = new java.util.LinkedHashMap<>(releasedIn);
        agreements = List.copyOf(agreements);
    }
}
