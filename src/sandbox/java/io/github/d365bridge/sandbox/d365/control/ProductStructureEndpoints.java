package io.github.d365bridge.sandbox.d365.control;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.d365bridge.sandbox.d365.seed.RelationChanges;
import io.github.d365bridge.sandbox.d365.seed.VariantChanges;
import io.github.d365bridge.sandbox.d365.seed.VariantChanges.Dimensions;
import io.github.d365bridge.sandbox.d365.store.DuplicateKeyException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Variants and product relations changed over HTTP, for tests and local runs that drive the sandbox from
 * outside (bodies use the entities' own field names):
 *
 * <ul>
 * <li>{@code POST /_sandbox/variants/add} {@code {"ItemNumber":"P000002", "ProductColorId":"Green",
 *     "ProductSizeId":"XXL", "dataAreaId":"usmf"}}: dataAreaId left out means every legal entity the master is
 *     released in; ProductConfigurationId, ProductStyleId, ProductVersionId optional (empty)</li>
 * <li>{@code POST /_sandbox/variants/remove} with the same fields</li>
 * <li>{@code POST /_sandbox/relations/add} and {@code /remove} {@code {"ProductNumber", "RelatedProductNumber",
 *     "ProductRelationTypeName"}}</li>
 * </ul>
 *
 * Each answers {@code {"count":n, "variants"|"relations":[rows as OData sends them]}}; 400 for wrong input
 * (also: the item is no product master, a dimension its group needs is missing), 404 when the item, product or
 * row to remove does not exist, 409 when the row to add exists.
 */
final class ProductStructureEndpoints {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final VariantChanges variants;
    private final RelationChanges relations;

    ProductStructureEndpoints(VariantChanges variants, RelationChanges relations) {
        this.variants = variants;
        this.relations = relations;
    }

    void mount(Router router) {
        router.post("/_sandbox/variants/add").blockingHandler(ctx -> handle(ctx, "variants",
                body -> variants.add(company(body), item(body), dimensions(body))), false);
        router.post("/_sandbox/variants/remove").blockingHandler(ctx -> handle(ctx, "variants",
                body -> variants.remove(company(body), item(body), dimensions(body))), false);
        router.post("/_sandbox/relations/add").blockingHandler(ctx -> handle(ctx, "relations",
                body -> List.of(relations.add(text(body, "ProductNumber"), text(body, "RelatedProductNumber"),
                        text(body, "ProductRelationTypeName")))), false);
        router.post("/_sandbox/relations/remove").blockingHandler(ctx -> handle(ctx, "relations",
                body -> List.of(relations.remove(text(body, "ProductNumber"), text(body, "RelatedProductNumber"),
                        text(body, "ProductRelationTypeName")))), false);
    }

    private interface Action {
        List<Map<String, Object>> run(JsonNode body);
    }

    private static void handle(RoutingContext ctx, String name, Action action) {
        try {
            String text = ctx.body().asString();
            List<Map<String, Object>> rows = action.run(MAPPER.readTree(text == null || text.isBlank() ? "{}" : text));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("count", rows.size());
            answer.put(name, rows);
            ControlEndpoints.json(ctx, 200, answer);
        } catch (IOException | IllegalArgumentException e) {
            ControlEndpoints.json(ctx, 400, Map.of("error", String.valueOf(e.getMessage())));
        } catch (NoSuchElementException e) {
            ControlEndpoints.json(ctx, 404, Map.of("error", String.valueOf(e.getMessage())));
        } catch (DuplicateKeyException e) {
            ControlEndpoints.json(ctx, 409, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static String company(JsonNode body) {
        return body.hasNonNull("dataAreaId") ? body.get("dataAreaId").asText() : null;
    }

    private static String item(JsonNode body) {
        String item = text(body, "ItemNumber");
        if (item == null || item.isEmpty()) {
            throw new IllegalArgumentException("give \"ItemNumber\", the product master's item number");
        }
        return item;
    }

    /** Never trimmed: item numbers may carry a leading space. */
    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }

    private static Dimensions dimensions(JsonNode body) {
        return new Dimensions(text(body, "ProductConfigurationId"), text(body, "ProductColorId"),
                text(body, "ProductSizeId"), text(body, "ProductStyleId"), text(body, "ProductVersionId"));
    }
}
