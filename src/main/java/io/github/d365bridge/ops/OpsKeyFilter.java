package io.github.d365bridge.ops;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Requires the operator key on every {@link OperatorResource}. On Azure the catch-all HTTP function is
 * anonymous, so this is the only thing between the internet and the operator endpoints.
 *
 * <p>It runs after routing and decides by the resource the request was routed to, never by the request
 * path: the REST layer strips matrix parameters ({@code /ops;x/status}), decodes and normalises the path
 * before it matches, so any check on the path text disagrees with the router for some spelling.
 */
public class OpsKeyFilter {

    public static final String HEADER = "X-Ops-Key";

    @Inject
    OpsKeyProvider keys;

    @ServerRequestFilter // post-matching: the matched resource is known
    public Response requireKey(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null
                || !OperatorResource.class.isAssignableFrom(resource.getResourceClass())
                || keys.matches(request.getHeaderString(HEADER))) {
            return null;
        }
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "OpsKey header=\"" + HEADER + "\"")
                .entity(Map.of("error", "missing or wrong " + HEADER + " header")).build();
    }
}
