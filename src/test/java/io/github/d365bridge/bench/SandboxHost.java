package io.github.d365bridge.bench;

import java.nio.file.Path;
import java.time.Duration;

import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.sandbox.d365.SeedSizes;

/**
 * Both sandboxes in a JVM of their own, so a benchmark's heap figures are the bridge's alone. Arguments:
 * customers per company, Commerce latency per call (ms), per bulk element (ms), PHP workers, bulk pace (ms), and
 * optionally the number of products (100), the bulk size at which the consumer's cost per operation doubles (0:
 * constant) and {@code de} for a German store view on the EU website (id 3, code eu_de).
 * Prints {@code READY <d365 url> <entra authority> <commerce url>} and serves until standard input closes.
 */
public final class SandboxHost {

    private SandboxHost() {
    }

    public static void main(String[] args) throws Exception {
        int perCompany = Integer.parseInt(args[0]);
        SandboxTls tls = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
        try (D365Sandbox d365 = D365Sandbox.start(D365SandboxOptions.builder().tls(tls)
                .client(ClientRegistration.listed("bench-app", "bench-secret-0123456789"))
                .seedSizes(seedSizes(perCompany, args)).build());
                CommerceSandbox commerce = CommerceSandbox.start(sourceItems(storeViews(CommerceSandboxOptions.builder(), args), args)
                        .bulkCostDoublingBatch(args.length > 6 ? Integer.parseInt(args[6]) : 0)
                        .latency(Duration.ofMillis(Long.parseLong(args[1])), Duration.ofMillis(Long.parseLong(args[2])))
                        .phpWorkers(Integer.parseInt(args[3]))
                        .bulkOperationPace(Duration.ofMillis(Long.parseLong(args[4]))).build())) {
            if (args.length > 10 && args[10].equals("stock")) {
                stockTheStore(d365, commerce);
            }
            System.out.println("READY " + d365.baseUrl() + " " + d365.entraAuthority() + " " + commerce.baseUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark closes our standard input (or dies)
            }
        }
    }

    /**
     * {@code args[8]} {@code variants}: the realistic assortment of product masters, variants and relations;
     * {@code args[9]}: warehouses per legal entity (2).
     */
    private static SeedSizes seedSizes(int perCompany, String[] args) {
        SeedSizes sizes = new SeedSizes(perCompany, args.length > 5 ? Integer.parseInt(args[5]) : 100, 3,
                args.length > 9 ? Integer.parseInt(args[9]) : 2);
        return args.length > 8 && args[8].equals("variants") ? sizes.withRealisticVariants() : sizes;
    }

    /**
     * {@code args[11]}: source items saved at a cost per item that doubles at that many items in one call
     * ({@code args[2]} ms per item, see {@code Latency}); absent or 0: linear like every other call.
     */
    private static CommerceSandboxOptions.Builder sourceItems(CommerceSandboxOptions.Builder builder, String[] args) {
        int doubling = args.length > 11 ? Integer.parseInt(args[11]) : 0;
        if (doubling > 0) {
            builder.routeLatency("POST /V1/inventory/source-items", new io.github.d365bridge.sandbox.commerce.http.Latency(
                    Duration.ofMillis(Long.parseLong(args[1])), Duration.ofMillis(Long.parseLong(args[2])), doubling));
        }
        return builder;
    }

    /**
     * {@code args[10]} {@code stock}: the store already sells every SKU of usmf's on-hand rows and has a source per
     * warehouse ({@code src-11}, {@code src-12}, …), so a stock benchmark measures the stock sync alone.
     */
    private static void stockTheStore(D365Sandbox d365, CommerceSandbox commerce) {
        java.util.Set<String> skus = new java.util.HashSet<>();
        for (java.util.Map<String, Object> row : d365.data().rows("WarehousesOnHandV2", r -> "usmf".equals(r.get("dataAreaId")))) {
            String item = io.github.d365bridge.mapping.SkuRule.sku((String) row.get("ItemNumber"));
            io.github.d365bridge.mapping.ProductDimensions dimensions = new io.github.d365bridge.mapping.ProductDimensions(
                    (String) row.get("ProductColorId"), (String) row.get("ProductSizeId"), (String) row.get("ProductStyleId"),
                    (String) row.get("ProductConfigurationId"), (String) row.get("ProductVersionId"));
            skus.add(dimensions.equals(io.github.d365bridge.mapping.ProductDimensions.NONE) ? item
                    : io.github.d365bridge.mapping.SkuRule.variantSku(item, dimensions));
            commerce.data().sourceCodes().add("src-" + row.get("InventoryWarehouseId"));
        }
        for (String sku : skus) {
            commerce.data().catalog().create(io.github.d365bridge.ground.Json.mapper().createObjectNode().put("sku", sku)
                    .put("name", sku).put("type_id", "simple").put("attribute_set_id", 4).put("status", 1));
        }
    }

    private static CommerceSandboxOptions.Builder storeViews(CommerceSandboxOptions.Builder builder, String[] args) {
        if (args.length > 7 && args[7].equals("de")) {
            builder.storeViews(java.util.List.of(
                    new CommerceSandboxOptions.StoreView(1, "default", 1, "Default Store View", "USD"),
                    new CommerceSandboxOptions.StoreView(2, "eu_en", 2, "EU English", "EUR"),
                    new CommerceSandboxOptions.StoreView(3, "eu_de", 2, "EU Deutsch", "EUR")));
        }
        return builder;
    }
}
