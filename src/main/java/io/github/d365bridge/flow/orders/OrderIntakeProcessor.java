package io.github.d365bridge.flow.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.ground.ErrorClassifier;
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

    /**
     * Commerce may send an order's webhook before the order is visible to its REST API (the save event can
     * fire before the transaction commits): an order not found this soon after its signal is asked for
     * again (through the queue's back-off) before it counts as not existing.
     */
    public static final Duration NOT_YET_VISIBLE_FOR = Duration.ofMinutes(10);

    /** @return the order's ledger entry after this step (no wait for an order not yet visible) */
    public LedgerEntry process(OrderReceived received, String correlationId) {
        return process(received, correlationId, Instant.MIN);
    }

    /**
     * @param signalledAt when the signal was first sent (the message's creation; retries keep it): until
     *                    {@link #NOT_YET_VISIBLE_FOR} after it, an order Commerce does not have is retried
     * @return the order's ledger entry after this step
     */
    public LedgerEntry process(OrderReceived received, String correlationId, Instant signalledAt) {
        OrderKey key = received.key();
        if (ledger.insertReceived(key, received.entityId(), correlationId, received.source())) {
            // once per order, here rather than on the intake's request path (which sees every duplicate)
            LOG.infof("Order %s received by %s", key, received.source());
        }
        LedgerEntry entry = ledger.find(key).orElseThrow();
        if (entry.state() != OrderState.RECEIVED) {
            return entry; // already on its way (or done): a duplicate signal
        }
        Optional<LedgerEntry> archived = ledger.finishedBefore(entry);
        if (archived.isPresent()) {
            return archived.get(); // written back long ago: a signal of a later save of the order
        }
        Optional<Long> entityId = Optional.ofNullable(received.entityId()).or(() -> Optional.ofNullable(entry.commerceEntityId()));
        Optional<Order> found;
        try {
            found = read(key, entityId);
        } catch (RuntimeException refused) {
            if (ErrorClassifier.isRetriable(refused)) {
                throw refused; // the queue's back-off retries it
            }
            return fail(entry, "Commerce refused to read order " + key + ": " + refused.getMessage());
        }
        if (found.isEmpty() && Instant.now().isBefore(signalledAt.plus(NOT_YET_VISIBLE_FOR))) {
            throw new OrderNotYetVisibleException("Order " + key + " (entity id " + entityId.orElse(null)
                    + ") is not visible in Commerce yet; asked again");
        }
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
        } catch (RuntimeException other) {
            if (ErrorClassifier.isRetriable(other)) {
                throw other;
            }
            // a failure that would repeat on every delivery: FAILED with it, visible and replayable after a fix,
            // instead of a poisoned message the reconciler would send round for ever
            return fail(entry, "Order " + key + " could not be mapped: " + other);
        }
        mapped.put(rows);
        LedgerEntry next = entry.moveTo(OrderState.MAPPED).withLegalEntity(rows.legalEntity());
        update(next);
        return next;
    }

    private LedgerEntry fail(LedgerEntry entry, String reason) {
        LedgerEntry failed = entry.moveTo(OrderState.FAILED).withError(reason);
        update(failed);
        LOG.warnf("Order %s failed: %s", entry.key(), reason);
        return failed;
    }

    /** Retriable by the classifier (it is neither a refusal nor a programming error). */
    static final class OrderNotYetVisibleException extends RuntimeException {
        OrderNotYetVisibleException(String message) {
            super(message);
        }
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
