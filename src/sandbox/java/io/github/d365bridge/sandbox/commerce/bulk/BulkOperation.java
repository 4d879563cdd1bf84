package io.github.d365bridge.sandbox.commerce.bulk;

import java.util.Map;

import io.github.d365bridge.ground.Json;
import io.github.d365bridge.sandbox.commerce.faults.SandboxFaults.BulkFailure;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.StoreScope;

/**
 * One queued operation of a bulk: what to run (route, store, path parameters and the element as it was
 * sent) and Commerce's bookkeeping for it. The element is kept as its JSON text only, parsed when the
 * consumer runs it: a bulk of 5,000 customers then costs its text, not 5,000 Jackson trees. Mutable;
 * guarded by the {@link BulkStore} lock.
 */
public final class BulkOperation {

    public static final int COMPLETE = 1;
    public static final int RETRIABLY_FAILED = 2;
    public static final int NOT_RETRIABLY_FAILED = 3;
    public static final int OPEN = 4;
    public static final int REJECTED = 5;

    final int id;
    final String bulkUuid;
    final String topicName;
    final String request;
    final Route route;
    final StoreScope store;
    final Map<String, String> pathParams;
    final BulkFailure plannedFailure;
    volatile int status;
    volatile String resultMessage = "";
    String resultSerializedData = "";
    int errorCode;
    /** Operations in the bulk this one came with: what the consumer's cost model grows with. */
    volatile int batchSize = 1;

    BulkOperation(int id, String bulkUuid, String topicName, String request, Route route, StoreScope store,
            Map<String, String> pathParams, BulkFailure plannedFailure, int status) {
        this.id = id;
        this.bulkUuid = bulkUuid;
        this.topicName = topicName;
        this.request = request;
        this.route = route;
        this.store = store;
        this.pathParams = pathParams;
        this.plannedFailure = plannedFailure;
        this.status = status;
    }

    public int id() {
        return id;
    }

    public int status() {
        return status;
    }

    public String resultMessage() {
        return resultMessage;
    }

    /** The element as it was sent. */
    public String request() {
        return request;
    }

    /** Commerce keeps the request as {@code meta_information} of a small JSON envelope. */
    String serializedData() {
        return Json.mapper().createObjectNode().putNull("entity_id").put("entity_link", "")
                .put("meta_information", request).toString();
    }
}
