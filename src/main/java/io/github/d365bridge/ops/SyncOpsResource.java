package io.github.d365bridge.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncEngine.RunRequest;
import io.github.d365bridge.flow.sync.SyncRun;

/**
 * The D365 → Commerce syncs for operators: start a run (all legal entities, one, or one record; or a dry run
 * that writes nothing), the latest runs with their counts, and the records that failed or were skipped with
 * their reasons. A failed record is retried by every run until it is written; {@code record=} runs it alone.
 */
@Path("/ops/sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncOpsResource extends OperatorResource {

    @Inject
    SyncEngine engine;

    @GET
    public Response flows() {
        Map<String, Object> flows = new LinkedHashMap<>();
        for (String flow : engine.flowNames()) {
            flows.put(flow, Map.of("current", engine.current(flow).map(SyncRun::runId).orElse(""),
                    "latest", engine.latest(flow, 1)));
        }
        return Response.ok(flows).build();
    }

    @POST
    @Path("/{flow}/run")
    public Response run(@PathParam("flow") String flow, @QueryParam("legalEntity") String legalEntity,
            @QueryParam("record") String record, @QueryParam("dryRun") @DefaultValue("false") String dryRun) {
        if (!engine.hasFlow(flow)) {
            return notFound(flow);
        }
        if (!dryRun.equals("true") && !dryRun.equals("false")) {
            return OpsParameters.badRequest(List.of("dryRun: '" + dryRun + "' must be true or false"));
        }
        RunRequest request = new RunRequest(Optional.ofNullable(legalEntity).filter(s -> !s.isBlank()),
                Optional.ofNullable(record).filter(s -> !s.isBlank()), Boolean.parseBoolean(dryRun), "operator");
        try {
            return engine.start(flow, request).map(run -> Response.accepted(run).build()).orElseGet(() ->
                    Response.status(409).entity(Map.of("error", "a run of " + flow + " is in progress: "
                            + engine.current(flow).map(SyncRun::runId).orElse("(finishing)"))).build());
        } catch (IllegalArgumentException bad) {
            return OpsParameters.badRequest(List.of(bad.getMessage()));
        }
    }

    @GET
    @Path("/{flow}/runs")
    public Response runs(@PathParam("flow") String flow, @QueryParam("limit") @DefaultValue("10") String limit) {
        if (!engine.hasFlow(flow)) {
            return notFound(flow);
        }
        List<String> problems = new ArrayList<>();
        Integer max = OpsParameters.intInRange("limit", limit, 1, 100, problems);
        return max == null ? OpsParameters.badRequest(problems) : Response.ok(engine.latest(flow, max)).build();
    }

    @GET
    @Path("/{flow}/failures")
    public Response failures(@PathParam("flow") String flow, @QueryParam("limit") @DefaultValue("50") String limit,
            @QueryParam("kind") @DefaultValue("failed") String kind) {
        if (!engine.hasFlow(flow)) {
            return notFound(flow);
        }
        List<String> problems = new ArrayList<>();
        Integer max = OpsParameters.intInRange("limit", limit, 1, 1000, problems);
        if (!kind.equals("failed") && !kind.equals("skipped")) {
            problems.add("kind: '" + kind + "' must be failed or skipped");
        }
        if (max == null || !problems.isEmpty()) {
            return OpsParameters.badRequest(problems);
        }
        return Response.ok(kind.equals("failed") ? engine.state().failures(flow, max)
                : engine.state().skips(flow, max)).build();
    }

    private Response notFound(String flow) {
        return Response.status(404).entity(Map.of("error", "flow: '" + flow + "' is not a sync flow (flows: "
                + engine.flowNames() + ")")).build();
    }
}
