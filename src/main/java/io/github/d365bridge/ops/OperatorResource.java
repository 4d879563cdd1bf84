package io.github.d365bridge.ops;

import java.util.Map;

import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * What every operator endpoint class extends: the {@link OpsKeyFilter} requires the key on each request
 * routed to one.
 *
 * <p>The OPTIONS methods exist because the REST layer otherwise answers OPTIONS itself, during routing
 * and before any filter, with a 200 that lists the route's methods to anyone. Routed here, OPTIONS needs
 * the key like everything else, and operators have no use for it.
 */
public abstract class OperatorResource {

    @OPTIONS
    public Response optionsOfRoot() {
        return noOptions();
    }

    @OPTIONS
    @Path("{any: .*}")
    public Response options() {
        return noOptions();
    }

    private static Response noOptions() {
        return Response.status(405).entity(Map.of("error", "operator endpoints do not answer OPTIONS")).build();
    }
}
