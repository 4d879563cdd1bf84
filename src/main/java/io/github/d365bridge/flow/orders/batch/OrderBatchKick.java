package io.github.d365bridge.flow.orders.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import org.jboss.logging.Logger;

import io.github.d365bridge.flow.dmf.DmfImportEnded;

/**
 * Starts the next order batch of a legal entity as soon as its previous import ended, instead of at
 * the next batch timer tick: orders that piled up while the data project was busy would otherwise wait
 * a batch age and a tick more for nothing (measured: 12.7 s of a 46 s p95 at 10 orders/s). Asynchronous,
 * so it runs while the ended import's outcome is handled. The timer stays the safety net; a failure here is only logged, the
 * timer's next run retries.
 */
@ApplicationScoped
public class OrderBatchKick {

    private static final Logger LOG = Logger.getLogger(OrderBatchKick.class);

    @Inject
    Provider<OrderBatcher> batcher;

    void onImportEnded(@ObservesAsync DmfImportEnded ended) {
        if (!OrderBatcher.PURPOSE.equals(ended.purpose())) {
            return;
        }
        try {
            batcher.get().packageReady(ended.legalEntity(), true);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Starting the next order batch of %s after import %s ended failed; the batch timer retries",
                    ended.legalEntity(), ended.executionId());
        }
    }
}
