package io.github.d365bridge.flow.orders.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.orders.Delivery;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;

/**
 * The chaos run's orders, placed in waves in the Commerce sandbox: most delivered once as a signed webhook,
 * a share two or three times out of order, a share never (only the poll finds them), and about 2 % "bad":
 * every row carries an item D365 does not know, so D365 refuses them inside the import. Keeps what was
 * placed so the report can account for every order.
 */
final class ChaosOrders {

    private final CommerceSandbox commerce;
    private final List<ObjectNode> placed = new ArrayList<>();
    private final Set<OrderKey> bad = ConcurrentHashMap.newKeySet();

    ChaosOrders(CommerceSandbox commerce) {
        this.commerce = commerce;
    }

    /** Wave {@code n} of {@link ChaosSettings#WAVES}: its share of the orders, with the wave's delivery policy. */
    synchronized void placeWave(int n) {
        int size = ChaosSettings.ORDERS / ChaosSettings.WAVES + (n < ChaosSettings.ORDERS % ChaosSettings.WAVES ? 1 : 0);
        int badHere = badInWave(n);
        if (badHere > 0) {
            placeBad(badHere);
        }
        int good = size - badHere;
        if (good > 0) {
            placed.addAll(commerce.orders().place(good, OrderKind.MIXED, n % 2 == 0, policy(n)));
        }
    }

    /** Bad orders spread over the waves from the fourth on, so some are in flight at every kill. */
    private static int badInWave(int n) {
        int eligible = ChaosSettings.WAVES - 3;
        if (n < 3) {
            return 0;
        }
        int i = n - 3;
        return ChaosSettings.BAD_ORDERS * (i + 1) / eligible - ChaosSettings.BAD_ORDERS * i / eligible;
    }

    /** Every fifth wave has no webhooks at all (lost), two of five are delivered two or three times. */
    private static DeliveryPolicy policy(int n) {
        return switch (n % 5) {
            case 0 -> new DeliveryPolicy(1, false, 100, true, false);
            case 1 -> new DeliveryPolicy(2, true, 0, true, false);
            case 2 -> new DeliveryPolicy(3, true, 10, true, false);
            default -> new DeliveryPolicy(1, false, 10, true, false);
        };
    }

    /**
     * Placed without delivery and changed before anyone reads them: the bridge reads an order from
     * Commerce when it takes it in, so it only ever sees the unknown item. Every row, because a
     * configurable's parent row is folded into its child's line.
     */
    private void placeBad(int count) {
        // one hold of the store's lock for placing and changing, so not even the poll sees the order in between
        synchronized (commerce.data()) {
            List<ObjectNode> orders = commerce.orders().place(count, OrderKind.MIXED, false,
                    new DeliveryPolicy(1, false, 100, true, false));
            for (ObjectNode order : orders) {
                ObjectNode stored = commerce.data().orderTable().get(order.get("entity_id").asInt()).orElseThrow();
                stored.withArray("items").forEach(item -> ((ObjectNode) item).put("sku", ChaosSettings.UNKNOWN_ITEM));
                bad.add(key(order));
            }
            placed.addAll(orders);
        }
    }

    synchronized List<ObjectNode> placed() {
        return List.copyOf(placed);
    }

    Set<OrderKey> bad() {
        return Set.copyOf(bad);
    }

    /** Accepted (200) webhook deliveries per Commerce entity id. */
    Map<Integer, Integer> acceptedWebhooks() {
        Map<Integer, Integer> accepted = new HashMap<>();
        for (Delivery delivery : commerce.orders().deliveries()) {
            if ("webhook".equals(delivery.channel()) && delivery.status() == 200) {
                accepted.merge(delivery.orderId(), 1, Integer::sum);
            }
        }
        return accepted;
    }

    static OrderKey key(ObjectNode order) {
        return new OrderKey(order.get("store_id").asInt() == 1 ? "default" : "eu_en", order.get("increment_id").asText());
    }
}
