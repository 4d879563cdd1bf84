package io.github.d365bridge.sandbox.commerce.api;

import java.util.List;

import io.github.d365bridge.sandbox.commerce.bulk.BulkStore;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;

/** {@code GET /V1/bulk/{bulkUuid}/…}: summary, detailed status and counts per operation status. */
public final class BulkStatusApi {

    static final String ACL = "Magento_Logging::system_magento_logging_bulk_operations";

    private final BulkStore store;

    public BulkStatusApi(BulkStore store) {
        this.store = store;
    }

    public void register(RouteTable routes) {
        routes.add(new Route("GET", "/V1/bulk/{bulkUuid}/status", ACL, List.of(),
                call -> store.status(call.path("bulkUuid"), false)));
        routes.add(new Route("GET", "/V1/bulk/{bulkUuid}/detailed-status", ACL, List.of(),
                call -> store.status(call.path("bulkUuid"), true)));
        routes.add(new Route("GET", "/V1/bulk/{bulkUuid}/operation-status/{status}", ACL, List.of(),
                call -> store.count(call.path("bulkUuid"), call.pathInt("status"))));
    }
}
