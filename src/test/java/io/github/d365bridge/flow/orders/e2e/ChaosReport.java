package io.github.d365bridge.flow.orders.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.ground.Json;

/**
 * What became of every placed order, from the three places that tell the truth: the bridge's ledger (read
 * from Azurite directly), D365's sales order headers and Commerce's orders. Each order lands in exactly one
 * bucket, so the buckets add up to what was placed; orders in the {@code unexpected} bucket are listed with
 * their state and reason. Written to {@code target/chaos/order-flow.json} before anything is asserted.
 */
final class ChaosReport {

    static final Path FILE = ChaosSystems.FOLDER.resolve("order-flow.json");
    private static final int EXAMPLES = 20;

    final int placed;
    int inD365ExactlyOnce;
    int failedWithReason;
    int lost;
    int duplicated;
    int stuck;
    int unexpected;
    final Map<String, Integer> byState = new TreeMap<>();
    final Map<String, Long> faults = new TreeMap<>();
    final Map<String, Object> detail = new LinkedHashMap<>();
    private final List<String> stuckExamples = new ArrayList<>();
    private final List<String> unexpectedExamples = new ArrayList<>();
    private final List<String> duplicatedExamples = new ArrayList<>();

    private ChaosReport(int placed) {
        this.placed = placed;
    }

    static ChaosReport of(List<ObjectNode> orders, Set<OrderKey> bad, OrderLedger ledger, D365Sandbox d365,
            CommerceSandbox commerce) {
        ChaosReport report = new ChaosReport(orders.size());
        Map<String, Integer> inD365 = new java.util.HashMap<>();
        for (Map<String, Object> row : d365.data().rows("SalesOrderHeadersV2", r -> true)) {
            Object reference = row.get("CustomersOrderReference");
            if (reference instanceof String text) {
                inD365.merge(text, 1, Integer::sum);
            }
        }
        for (ObjectNode order : orders) {
            OrderKey key = ChaosOrders.key(order);
            report.account(key, bad.contains(key), ledger.find(key), inD365.getOrDefault(key.toString(), 0),
                    commerce.data().order(order.get("entity_id").asInt()).orElse(null));
        }
        return report;
    }

    private void account(OrderKey key, boolean isBad, Optional<LedgerEntry> found, int copiesInD365, JsonNode inCommerce) {
        String state = found.map(e -> e.state().name()).orElse("ABSENT");
        byState.merge(state, 1, Integer::sum);
        if (copiesInD365 > 1) {
            duplicated++;
            example(duplicatedExamples, key + " is in D365 " + copiesInD365 + " times (" + state + ")");
        }
        if (found.isEmpty()) {
            lost++;
            return;
        }
        LedgerEntry entry = found.get();
        if (!entry.state().isFinished()) {
            stuck++;
            example(stuckExamples, key + " " + state + " attempts=" + entry.attempts() + " " + entry.lastError());
            return;
        }
        String extOrderId = inCommerce == null ? "" : inCommerce.path("ext_order_id").asText("");
        if (isBad && entry.state().name().equals("FAILED") && copiesInD365 == 0 && entry.lastError() != null
                && entry.lastError().contains("D365 refused the order") && entry.lastError().contains(ChaosSettings.UNKNOWN_ITEM)) {
            failedWithReason++;
        } else if (!isBad && entry.state().name().equals("WRITTEN_BACK") && copiesInD365 == 1
                && extOrderId.equals(entry.salesOrderNumber()) && inCommerce.findValuesAsText("comment").stream()
                        .anyMatch(c -> c.contains(entry.salesOrderNumber()))) {
            inD365ExactlyOnce++;
        } else if (copiesInD365 <= 1) {
            unexpected++;
            example(unexpectedExamples, key + (isBad ? " (bad)" : " (good)") + " " + state + ", in D365 " + copiesInD365
                    + " time(s), ext_order_id '" + extOrderId + "' vs '" + entry.salesOrderNumber() + "': "
                    + entry.lastError());
        }
    }

    private static void example(List<String> list, String text) {
        if (list.size() < EXAMPLES) {
            list.add(text);
        }
    }

    void fault(String kind, long count) {
        faults.merge(kind, count, Long::sum);
    }

    void write() {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("placed", placed);
        json.put("inD365ExactlyOnce", inD365ExactlyOnce);
        json.put("failedWithReason", failedWithReason);
        json.put("lost", lost);
        json.put("duplicated", duplicated);
        json.put("stuck", stuck);
        json.put("unexpected", unexpected);
        json.set("byState", Json.mapper().valueToTree(byState));
        json.set("faults", Json.mapper().valueToTree(faults));
        json.set("detail", Json.mapper().valueToTree(detail));
        ObjectNode examples = json.putObject("examples");
        examples.set("stuck", Json.mapper().valueToTree(stuckExamples));
        examples.set("duplicated", Json.mapper().valueToTree(duplicatedExamples));
        examples.set("unexpected", Json.mapper().valueToTree(unexpectedExamples));
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
