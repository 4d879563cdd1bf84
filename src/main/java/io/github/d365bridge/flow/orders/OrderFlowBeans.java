package io.github.d365bridge.flow.orders;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.pkg.PackageFolder;
import io.github.d365bridge.config.OrderFlowConfig;
import io.github.d365bridge.config.StorageConfig;
import io.github.d365bridge.flow.customers.CrossReferenceResolver;
import io.github.d365bridge.flow.customers.CustomerCrossReference;
import io.github.d365bridge.flow.customers.D365CustomerEmailLookup;
import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.github.d365bridge.flow.orders.batch.MappedOrderStore;
import io.github.d365bridge.flow.orders.batch.OrderBatcher;
import io.github.d365bridge.flow.orders.mapping.OrderMapper;
import io.github.d365bridge.flow.orders.outcome.D365OrderLookup;
import io.github.d365bridge.flow.orders.outcome.ImportErrorKeys;
import io.github.d365bridge.flow.orders.outcome.OrderImportOutcome;
import io.github.d365bridge.flow.orders.outcome.OrderWriteBack;
import io.github.d365bridge.flow.orders.reconcile.OrderReconciler;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.runtime.HandlerRegistry;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Wires the order flow's steps from configuration. The steps themselves are plain classes (tested
 * without CDI); this is the one place that decides which instance each gets. Singletons, created on
 * first use: the handlers look them up lazily, so an app without D365 or Commerce configured still
 * starts (and says what is missing when an order arrives).
 */
@ApplicationScoped
public class OrderFlowBeans {

    public static final String WRITEBACK_QUEUE_SETTING = "ORDER_WRITEBACK_QUEUE";
    public static final String WRITEBACK_MESSAGE_TYPE = "order.writeback";

    @Produces
    @Singleton
    MappedOrderStore mappedOrders(StorageAccount storage, OrderFlowConfig config) {
        return new MappedOrderStore(storage, config.mappedOrdersContainer());
    }

    @Produces
    @Singleton
    OrderMapper mapper(MappingProfile profile) {
        return new OrderMapper(profile);
    }

    @Produces
    @Singleton
    CustomerCrossReference customerCrossReference(StorageAccount storage, StorageConfig config) {
        return new CustomerCrossReference(storage, config.customerXrefTable());
    }

    @Produces
    @Singleton
    OrderIntakeProcessor intake(OrderLedger ledger, CommerceClient commerce, OrderMapper mapper, MappedOrderStore mapped,
            CustomerCrossReference crossReference, MappingProfile profile, D365Client d365) {
        // Registered customers and companies resolve through the cross-reference (operators, the customer sync
        // and the e-mail fallback write it); D365 is asked by e-mail only if the profile opts in, so without it
        // the (lazy) D365 client is never touched here. Unresolved ones follow customers.unresolvedCustomer.
        Optional<D365CustomerEmailLookup> byEmail = profile.customers().lookupByEmailEnabled()
                ? Optional.of(new D365CustomerEmailLookup(d365)) : Optional.empty();
        return new OrderIntakeProcessor(ledger, commerce, mapper, new CrossReferenceResolver(crossReference, byEmail),
                mapped);
    }

    @Produces
    @Singleton
    @Named("orderWriteBackEnqueuer")
    Consumer<OrderKey> writeBackEnqueuer(QueuePublisher publisher, Config config) {
        String queue = HandlerRegistry.setting(config, WRITEBACK_QUEUE_SETTING);
        return key -> publisher.send(queue, MessageEnvelope.of(WRITEBACK_MESSAGE_TYPE,
                io.github.d365bridge.ground.Correlation.currentOrNew(),
                Json.mapper().createObjectNode().put("orderKey", key.toString())).withBusinessKey(null, key.toString()));
    }

    /** Sends an order back to the intake step to be read from Commerce and mapped again. */
    @Produces
    @Singleton
    @Named("orderReadAgainEnqueuer")
    Consumer<LedgerEntry> readAgainEnqueuer(QueuePublisher publisher, Config config) {
        String queue = HandlerRegistry.setting(config, OrderReceived.QUEUE_SETTING);
        return entry -> publisher.send(queue, MessageEnvelope.of(OrderReceived.MESSAGE_TYPE,
                entry.correlationId() == null ? io.github.d365bridge.ground.Correlation.currentOrNew()
                        : entry.correlationId(),
                Json.mapper().valueToTree(new OrderReceived(entry.key().storeCode(), entry.key().incrementId(),
                        entry.commerceEntityId(), "reconcile", null)))
                .withBusinessKey(entry.legalEntity(), entry.key().toString()));
    }

    @Produces
    @Singleton
    OrderReconciler reconciler(OrderLedger ledger, DmfJobSupervisor supervisor, OrderFlowConfig config,
            @Named("orderReadAgainEnqueuer") Consumer<LedgerEntry> readAgain,
            @Named("orderWriteBackEnqueuer") Consumer<OrderKey> writeBack) {
        return new OrderReconciler(ledger, supervisor, readAgain, writeBack, config.reconcileAfter(),
                config.definitionGroup(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    OrderImportOutcome outcome(OrderLedger ledger, D365Client d365, OrderFlowConfig config, MappedOrderStore mapped,
            @Named("orderWriteBackEnqueuer") Consumer<OrderKey> writeBack) {
        return new OrderImportOutcome(ledger, new D365OrderLookup(d365),
                new ImportErrorKeys(d365, Duration.ofSeconds(2), Duration.ofMinutes(2), Clock.systemUTC()), d365, config,
                mapped, writeBack);
    }

    /** The batcher, once created: its batches packaged ahead go back to the ledger when the app stops. */
    private volatile OrderBatcher batcher;

    void releasePreparedBatches(@Observes ShutdownEvent stopping) {
        OrderBatcher created = batcher;
        if (created != null) {
            try {
                created.releasePrepared();
            } catch (RuntimeException e) {
                // best effort: the reconciler frees their orders after reconcile-after
                org.jboss.logging.Logger.getLogger(OrderFlowBeans.class).warnf("Releasing the order batches packaged"
                        + " ahead failed; the reconciler frees their orders: %s", e.getMessage());
            }
        }
    }

    @Produces
    @Singleton
    OrderBatcher batcher(OrderLedger ledger, MappedOrderStore mapped, PackageFolder packages, D365Client d365,
            DmfJobSupervisor supervisor, OrderFlowConfig config,
            @Named("orderWriteBackEnqueuer") Consumer<OrderKey> writeBack,
            @Named("orderReadAgainEnqueuer") Consumer<LedgerEntry> readAgain) {
        batcher = new OrderBatcher(ledger, mapped, packages, new D365OrderLookup(d365), supervisor, config, writeBack,
                readAgain, Clock.systemUTC());
        return batcher;
    }

    @Produces
    @Singleton
    OrderWriteBack writeBack(CommerceClient commerce, OrderLedger ledger, OrderFlowConfig config) {
        return new OrderWriteBack(commerce, ledger, config.writeExtOrderId());
    }
}
