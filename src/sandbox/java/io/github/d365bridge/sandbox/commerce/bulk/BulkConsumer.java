package io.github.d365bridge.sandbox.commerce.bulk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.faults.SandboxFaults.BulkFailure;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.SnakeCaseKeys;
import io.github.d365bridge.ground.Json;

/**
 * The {@code async.operations.all} consumer: runs open operations one at a time, at a set pace,
 * through the same handlers as the synchronous API, so an operation fails with exactly the message the
 * synchronous call would answer (placeholders filled in, as Magento's result messages are), status 3.
 * Paused, it leaves everything open, which is what a store without a running consumer (or RabbitMQ)
 * looks like: "open forever".
 */
public final class BulkConsumer implements AutoCloseable {

    private final BulkStore store;
    private final CommerceSandboxData data;
    private final ScheduledExecutorService executor;
    private volatile boolean paused;
    private final long paceNanos;
    private final int doublingBatch;

    public BulkConsumer(BulkStore store, CommerceSandboxData data, Duration pace, boolean paused) {
        this(store, data, pace, paused, 0);
    }

    /** @param doublingBatch bulk size at which an operation costs twice the pace (0: the pace alone) */
    public BulkConsumer(BulkStore store, CommerceSandboxData data, Duration pace, boolean paused, int doublingBatch) {
        this.store = store;
        this.paceNanos = pace.toNanos();
        this.doublingBatch = doublingBatch;
        this.data = data;
        this.paused = paused;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "commerce-sandbox-bulk-consumer");
            thread.setDaemon(true);
            return thread;
        });
        long micros = Math.max(100, pace.toNanos() / 1000);
        int perTick = pace.isZero() ? 50 : 1;
        executor.scheduleWithFixedDelay(() -> tick(perTick), micros, micros, TimeUnit.MICROSECONDS);
    }

    public void pause(boolean value) {
        this.paused = value;
    }

    public boolean paused() {
        return paused;
    }

    private void tick(int count) {
        for (int i = 0; i < count && !paused; i++) {
            Optional<BulkOperation> next = store.nextOpen();
            if (next.isEmpty()) {
                return;
            }
            try {
                run(next.get());
            } catch (RuntimeException e) {
                store.finish(next.get(), BulkOperation.RETRIABLY_FAILED, "Sandbox consumer error: " + e, "", 0);
            }
            growthDelay(next.get().batchSize);
        }
    }

    /** The part of an operation's cost that grows with its bulk, on top of the pace between two operations. */
    private void growthDelay(int batchSize) {
        if (doublingBatch <= 0 || paceNanos <= 0) {
            return;
        }
        long extra = paceNanos * batchSize / doublingBatch;
        if (extra > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(extra);
        }
    }

    private void run(BulkOperation op) {
        if (op.plannedFailure == BulkFailure.RETRIABLE) {
            store.finish(op, BulkOperation.RETRIABLY_FAILED,
                    "Something went wrong while processing the request: lock wait timeout exceeded.", "", 0);
            return;
        }
        if (op.plannedFailure == BulkFailure.PERMANENT) {
            store.finish(op, BulkOperation.NOT_RETRIABLY_FAILED,
                    "The request could not be processed: the sandbox rejected operation " + op.id + ".", "", 0);
            return;
        }
        try {
            ApiCall call = new ApiCall(op.route.method(), op.store, op.pathParams, Map.<String, List<String>>of(),
                    SnakeCaseKeys.normalize(Json.mapper().readTree(op.request)));
            Object result;
            synchronized (data) {
                result = op.route.handler().handle(call);
            }
            store.finish(op, BulkOperation.COMPLETE, "Service execution success " + op.topicName,
                    Json.mapper().valueToTree(result).toString(), 0);
        } catch (CommerceException e) {
            // OperationProcessor: a LocalizedException (validation, duplicate, no such entity) fails for good
            store.finish(op, BulkOperation.NOT_RETRIABLY_FAILED, e.rendered(), "", 0);
        } catch (java.io.IOException e) {
            store.finish(op, BulkOperation.NOT_RETRIABLY_FAILED, "The request could not be read: " + e.getMessage(), "", 0);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
