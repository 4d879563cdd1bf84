package io.github.d365bridge.flow.orders.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.CommerceDates;
import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.client.commerce.search.ConditionType;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.client.commerce.search.SortOrder;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.storage.QueuePublisher;

/**
 * The safety net for lost webhooks and events: per store code, read the orders changed since the
 * watermark (minus an overlap, because an order saved at the end of a second, or committed late, can
 * appear after a poll has passed its timestamp), enqueue those the ledger does not know, then move the
 * watermark to the latest {@code updated_at} seen. The watermark moves only after the whole read, so a
 * run that dies half-way is simply repeated; orders it already enqueued come again and the ledger
 * drops the duplicates downstream.
 */
public final class OrderPoller {

    private static final Logger LOG = Logger.getLogger(OrderPoller.class);

    private final CommerceClient commerce;
    private final OrderLedger ledger;
    private final QueuePublisher publisher;
    private final String queue;
    private final PollWatermarks watermarks;
    private final Map<String, List<String>> storeIdsByCode;
    private final PollSettings settings;
    private final Clock clock;

    /** @param storeCodes store id → store code, as {@code bridge.commerce.store-codes} */
    public OrderPoller(CommerceClient commerce, OrderLedger ledger, QueuePublisher publisher, String queue,
            PollWatermarks watermarks, Map<String, String> storeCodes, PollSettings settings, Clock clock) {
        this.commerce = commerce;
        this.ledger = ledger;
        this.publisher = publisher;
        this.queue = queue;
        this.watermarks = watermarks;
        this.settings = settings;
        this.clock = clock;
        Map<String, List<String>> byCode = new TreeMap<>();
        new TreeMap<>(storeCodes).forEach((id, code) -> byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(id));
        this.storeIdsByCode = byCode;
    }

    /** What one run did for one store. */
    public record StoreResult(String storeCode, Instant since, int read, int enqueued, Instant watermark) {
    }

    public List<StoreResult> run() {
        List<StoreResult> results = new ArrayList<>();
        storeIdsByCode.forEach((code, ids) -> results.add(pollStore(code, ids)));
        return results;
    }

    private StoreResult pollStore(String storeCode, List<String> storeIds) {
        Instant since = watermarks.read(storeCode).map(w -> w.minus(settings.overlap()))
                .orElseGet(() -> clock.instant().minus(settings.initialLookBack()));
        int read = 0;
        int enqueued = 0;
        Instant latest = null;
        try (Stream<Order> orders = commerce.inStore(storeCode).orders().search(criteria(since, storeIds))) {
            for (Order order : (Iterable<Order>) orders::iterator) {
                read++;
                var problem = OrderKey.incrementIdProblem(order.incrementId());
                if (problem.isPresent()) {
                    // skipped rather than thrown: one such order must not stop the poll of every later one
                    LOG.warnf("Order entity %s of store %s: increment_id: %s; skipped", order.entityId(), storeCode,
                            problem.get());
                    continue;
                }
                OrderKey key = new OrderKey(storeCode, order.incrementId());
                if (ledger.find(key).isEmpty()) {
                    OrderReceived payload = new OrderReceived(storeCode, order.incrementId(), order.entityId(), "poll",
                            order.updatedAt());
                    publisher.send(queue, OrderMessages.orderReceived(payload,
                            io.github.d365bridge.ground.Correlation.newId()));
                    enqueued++;
                }
                latest = later(latest, order.updatedAt());
            }
        }
        if (latest != null) {
            watermarks.advance(storeCode, latest);
        }
        LOG.infof("Order poll of store %s since %s: %d read, %d enqueued, watermark %s", storeCode,
                CommerceDates.format(since), read, enqueued, latest == null ? "unchanged" : CommerceDates.format(latest));
        return new StoreResult(storeCode, since, read, enqueued, watermarks.read(storeCode).orElse(null));
    }

    private SearchCriteria criteria(Instant since, List<String> storeIds) {
        SearchCriteria.Builder builder = SearchCriteria.builder()
                .where(Filter.of("updated_at", ConditionType.GTEQ, since))
                .where(storeIds.size() == 1 ? Filter.eq("store_id", storeIds.get(0)) : Filter.in("store_id", storeIds))
                .sortBy(SortOrder.asc("updated_at"))
                .pageSize(settings.pageSize());
        if (!settings.statuses().isEmpty()) {
            builder.where(Filter.in("status", settings.statuses()));
        }
        return builder.build();
    }

    private static Instant later(Instant current, String updatedAt) {
        if (updatedAt == null) {
            return current;
        }
        try {
            Instant value = CommerceDates.parse(updatedAt);
            return current == null || value.isAfter(current) ? value : current;
        } catch (IllegalArgumentException e) {
            return current; // an unreadable date must not stop the poll; the overlap covers the order next time
        }
    }
}
