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

/** Operator endpoints under {@code /api/ops}; the {@link OpsKeyFilter} has authenticated the caller. */
@Path("/ops")
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource extends OperatorResource {

    /** Messages one replay moves at most; a larger backlog takes several calls, each checked by its outcome. */
    static final int MAX_REPLAY = 1000;

    @Inject
    OpsService ops;

    @GET
    @Path("/health")
    public Response health() {
        Map<String, String> storage = ops.storageHealth();
        boolean up = storage.values().stream().allMatch("OK"::equals);
        return Response.status(up ? 200 : 503).entity(Map.of("status", up ? "UP" : "DOWN", "storage", storage)).build();
    }

    @GET
    @Path("/status")
    public StatusView status(@QueryParam("failures") @DefaultValue("50") int failures) {
        return ops.status(Math.max(0, Math.min(failures, 500)));
    }

    @POST
    @Path("/queues/{queue}/replay-poison")
    public Response replay(@PathParam("queue") String queue, @QueryParam("max") @DefaultValue("100") String max) {
        List<String> problems = new ArrayList<>();
        Integer limit = OpsParameters.intInRange("max", max, 1, MAX_REPLAY, problems);
        if (limit == null) {
            return OpsParameters.badRequest(problems);
        }
        try {
            int replayed = ops.replayPoison(queue, limit);
            return Response.ok(Map.of("queue", queue, "replayed", replayed)).build();
        } catch (IllegalArgumentException unknown) {
            return Response.status(404).entity(Map.of("error", unknown.getMessage())).build();
        }
    }
}
