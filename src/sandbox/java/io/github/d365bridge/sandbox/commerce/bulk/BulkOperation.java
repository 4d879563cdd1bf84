package io.github.d365bridge.sandbox.commerce.bulk;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.commerce.faults.SandboxFaults.BulkFailure;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.StoreScope;

/**
 * One queued operation of a bulk: what to run (route, store, path parameters, body) and Commerce's
 * bookkeeping for it. Mutable; guarded by the {@link BulkStore} lock.
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
    final String serializedData;
    final Route route;
    final StoreScope store;
    final Map<String, String> pathParams;
    final JsonNode body;
    final BulkFailure plannedFailure;
    int status;
    String resultMessage = "";
    String resultSerializedData = "";
    int errorCode;

    BulkOperation(int id, String bulkUuid, String topicName, String serializedData, Route route, StoreScope store,
            Map<String, String> pathParams, JsonNode body, BulkFailure plannedFailure, int status) {
        this.id = id;
        this.bulkUuid = bulkUuid;
        this.topicName = topicName;
        this.serializedData = serializedData;
        this.route = route;
        this.store = store;
        this.pathParams = pathParams;
        this.body = body;
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
}
