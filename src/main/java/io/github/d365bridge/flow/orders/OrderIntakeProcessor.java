package io.github.d365bridge.flow.orders;

import java.util.Optional;

import org.jboss.logging.Logger;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.flow.orders.batch.MappedOrderStore;
import io.github.d365bridge.flow.orders.mapping.AmbiguousCustomerException;
import io.github.d365bridge.flow.orders.mapping.CustomerAccountResolver;
import io.github.d365bridge.flow.orders.mapping.MappedOrder;
import io.github.d365bridge.flow.orders.mapping.OrderMapper;
import io.github.d365bridge.flow.orders.mapping.OrderMappingException;

/**
 * The first processing step of an order: record it in the ledger (a duplicate from a webhook, an event,
 * polling or redelivery stops here), read it from Commerce, map it, keep the mapped rows for the
 * batcher, and mark it MAPPED. A mapping error fails this order alone, with the mapper's reason.
 */
public final class OrderIntakeProcessor {

    private static final Logger LOG = Logger.getLogger(OrderIntakeProcessor.class);

    private final OrderLedger ledger;
    private final CommerceClient commerce;
    private final OrderMapper mapper;
    private final CustomerAccountResolver customers;
    private final MappedOrderStore mapped;

    public OrderIntakeProcessor(OrderLedger ledger, CommerceClient commerce, OrderMapper mapper,
            CustomerAccountResolver customers, MappedOrderStore mapped) {
        this.ledger = ledger;
        this.commerce = commerce;
        this.mapper = mapper;
        this.customers = customers;
        this.mapped = mapped;
    }

    /** @return the order's ledger entry after this step */
    public LedgerEntry process(OrderReceived received, String correlationId) {
        OrderKey key = received.key();
        if (ledger.insertReceived(key, received.entityId(), correlationId, received.source())) {
            // once per order, here rather than on the intake's request path (which sees every duplicate)
            LOG.infof("Order %s received by %s", key, received.source());
        }
        LedgerEntry entry = ledger.find(key).orElseThrow();
        if (entry.state() != OrderState.RECEIVED) {
            return entry; // already on its way (or done): a duplicate signal
        }
        Optional<Long> entityId = Optional.ofNullable(received.entityId()).or(() -> Optional.ofNullable(entry.commerceEntityId()));
        Optional<Order> found = read(key, entityId);
        if (found.isEmpty()) {
            // Commerce answered, and has no such order (deleted, or a signal from another store): that will
            // not change by retrying. FAILED with the reason, where an operator sees and can replay it.
            LedgerEntry failed = entry.moveTo(OrderState.FAILED).withError("Order " + key + " (entity id "
                    + entityId.orElse(null) + ") does not exist in Commerce");
            update(failed);
            LOG.warnf("Order %s does not exist in Commerce: failed", key);
            return failed;
        }
        Order order = found.get();
        MappedOrder rows;
        try {
            rows = mapper.map(order, key, customerAccount(order, key));
        } catch (OrderMappingException bad) {
            LedgerEntry failed = entry.moveTo(OrderState.FAILED).withError(bad.getMessage());
            update(failed);
            LOG.warnf("Order %s cannot be mapped: %s", key, bad.getMessage());
            return failed;
        }
        mapped.put(rows);
        LedgerEntry next = entry.moveTo(OrderState.MAPPED).withLegalEntity(rows.legalEntity());
        update(next);
        return next;
    }

    /**
     * The cross-reference's answer for the order's customer (empty for guests). Storage or D365 failures
     * propagate as retriable errors; an ambiguous answer fails this order like a mapping gap.
     */
    private Optional<String> customerAccount(Order order, OrderKey key) {
        try {
            return mapper.customerReference(order, key)
                    .flatMap(reference -> customers.accountFor(reference, order.customerEmail()));
        } catch (AmbiguousCustomerException ambiguous) {
            throw new OrderMappingException(key, ambiguous.field(), ambiguous.reason());
        }
    }

    private Optional<Order> read(OrderKey key, Optional<Long> entityId) {
        var orders = commerce.inStore(key.storeCode()).orders();
        return entityId.isPresent() ? orders.get(entityId.get())
                : orders.search(SearchCriteria.builder().where(Filter.eq("increment_id", key.incrementId()))
                        .pageSize(1).build()).findFirst();
    }

    /**
     * A {@link ConcurrentUpdateException} here means another delivery of the same order moved it first;
     * it is retriable, so the queue redelivers and the next attempt finds the order already moved on.
     */
    private void update(LedgerEntry next) {
        ledger.update(next);
    }
}
