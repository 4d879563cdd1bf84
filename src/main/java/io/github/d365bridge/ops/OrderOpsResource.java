package io.github.d365bridge.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderReplay;
import io.github.d365bridge.flow.orders.OrderState;

/** The order ledger for operators: orders by state (with D365's reason for failures) and replay. */
@Path("/ops/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderOpsResource extends OperatorResource {

    static final int MAX_LIMIT = 1000;

    @Inject
    OrderLedger ledger;
    @Inject
    OrderReplay replay;

    @GET
    public Response inState(@QueryParam("state") @DefaultValue("FAILED") String state,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        List<String> problems = new ArrayList<>();
        Integer max = OpsParameters.intInRange("limit", limit, 1, MAX_LIMIT, problems);
        if (max == null) {
            return OpsParameters.badRequest(problems);
        }
        OrderState wanted;
        try {
            wanted = OrderState.valueOf(state.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return Response.status(400).entity(Map.of("error", "state must be one of "
                    + List.of(OrderState.values()))).build();
        }
        try (var entries = ledger.inState(wanted)) {
            List<LedgerEntry> page = entries.limit(max).toList();
            return Response.ok(page).build();
        }
    }

    /** The key may hold any character an increment id can, {@code /} (sent as {@code %2F}) included. */
    @POST
    @Path("/{key: .+}/replay")
    public Response replay(@PathParam("key") String key) {
        OrderKey order;
        try {
            order = OrderKey.parse(key);
        } catch (IllegalArgumentException malformed) {
            return OpsParameters.badRequest(List.of("key: " + malformed.getMessage()));
        }
        try {
            return Response.ok(replay.replay(order)).build();
        } catch (IllegalArgumentException notFound) {
            return Response.status(404).entity(Map.of("error", notFound.getMessage())).build();
        } catch (IllegalStateException notFailed) {
            return Response.status(409).entity(Map.of("error", notFailed.getMessage())).build();
        }
    }
}
