package io.github.d365bridge.sandbox.commerce.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.ground.Json;

/**
 * Stock: MSI source items (all-or-nothing: one bad row fails the call with "Validation Failed" and
 * an {@code errors} list, nothing saved) and the legacy single-source stock item.
 */
public final class InventoryApi {

    static final String ACL = "Magento_InventoryApi::source_item";

    private final CommerceSandboxData data;

    public InventoryApi(CommerceSandboxData data) {
        this.data = data;
    }

    public void register(RouteTable routes) {
        routes.add(new Route("POST", "/V1/inventory/source-items", ACL, List.of("source_items"), this::sourceItems));
        routes.add(new Route("PUT", "/V1/products/{productSku}/stockItems/{itemId}", "Magento_CatalogInventory::cataloginventory",
                List.of("stock_item"), this::stockItem));
        routes.add(new Route("GET", "/V1/stockItems/{productSku}", "Magento_CatalogInventory::cataloginventory",
                List.of(), this::getStockItem));
        routes.add(new Route("GET", "/V1/inventory/get-product-salable-quantity/{sku}/{stockId}",
                "Magento_InventoryApi::stock", List.of(), this::salableQuantity));
    }

    private Object sourceItems(ApiCall call) {
        List<ObjectNode> rows = new ArrayList<>();
        List<CommerceException> errors = new ArrayList<>();
        for (JsonNode input : call.member("source_items")) {
            ObjectNode row = Nodes.object(input, "sourceItems");
            errors.addAll(check(row));
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw CommerceException.badRequest("Input data is empty");
        }
        if (!errors.isEmpty()) {
            throw CommerceException.of(400, "Validation Failed").withErrors(errors);
        }
        for (ObjectNode row : rows) {
            ObjectNode stored = Json.mapper().createObjectNode().put("sku", row.get("sku").asText())
                    .put("source_code", row.get("source_code").asText())
                    .put("quantity", row.get("quantity").asDouble()).put("status", row.get("status").asInt());
            data.sourceItemMap().put(stored.get("sku").asText() + "|" + stored.get("source_code").asText(), stored);
        }
        return Json.mapper().createArrayNode();
    }

    private List<CommerceException> check(ObjectNode row) {
        List<CommerceException> errors = new ArrayList<>();
        for (String field : List.of("sku", "source_code")) {
            if (row.path(field).asText().isBlank()) {
                errors.add(CommerceException.named(400, "\"%field\" can not be empty.", Map.of("field", field)));
            }
        }
        if (!row.path("sku").asText().isBlank() && !data.catalog().exists(row.path("sku").asText())) {
            errors.add(CommerceException.named(400, "Product with SKU \"%sku\" does not exist.", Map.of("sku", row.path("sku").asText())));
        }
        if (!row.path("source_code").asText().isBlank() && !data.sourceCodes().contains(row.path("source_code").asText())) {
            errors.add(CommerceException.named(400, "Source with code \"%code\" does not exist.",
                    Map.of("code", row.path("source_code").asText())));
        }
        if (!row.path("quantity").isNumber()) {
            errors.add(CommerceException.named(400, "\"%field\" should be numeric.", Map.of("field", "quantity")));
        }
        JsonNode status = row.path("status");
        if (!status.canConvertToInt() || status.asInt() != 0 && status.asInt() != 1) {
            errors.add(CommerceException.named(400, "\"%field\" should be numeric.", Map.of("field", "status")));
        }
        return errors;
    }

    /** Only the default stock (id 1, every source) exists in the sandbox. */
    private Object salableQuantity(ApiCall call) {
        if (call.pathInt("stockId") != 1) {
            throw CommerceException.named(404, "Stock with id \"%value\" does not exist.",
                    Map.of("value", call.path("stockId")));
        }
        String sku = call.path("sku");
        if (!data.catalog().exists(sku)) {
            throw CommerceException.notFound(ProductApi.NOT_FOUND);
        }
        return data.salableQuantity(sku);
    }

    /** {@code StockRegistryInterface::getStockItemBySku}: unknown SKU is 404 with the catalog's message. */
    private Object getStockItem(ApiCall call) {
        ObjectNode product = data.catalog().globalRow(call.path("productSku"))
                .orElseThrow(() -> CommerceException.notFound(ProductApi.NOT_FOUND));
        return product.path("extension_attributes").path("stock_item").deepCopy();
    }

    private Object stockItem(ApiCall call) {
        String sku = call.path("productSku");
        ObjectNode product = data.catalog().globalRow(sku).orElseThrow(() -> CommerceException.notFound(ProductApi.NOT_FOUND));
        ObjectNode input = Nodes.object(call.member("stock_item"), "stockItem");
        ObjectNode stock = (ObjectNode) product.with("extension_attributes").get("stock_item");
        input.remove("item_id");
        input.remove("product_id");
        stock.setAll(input);
        product.put("updated_at", data.now());
        ObjectNode source = Json.mapper().createObjectNode().put("sku", sku).put("source_code", "default")
                .put("quantity", stock.path("qty").asDouble()).put("status", stock.path("is_in_stock").asBoolean() ? 1 : 0);
        data.sourceItemMap().put(sku + "|default", source);
        return stock.get("item_id").asInt();
    }
}
