package io.github.d365bridge.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ErrorClassifier;
import io.github.d365bridge.flow.customers.CrossReferenceSource;
import io.github.d365bridge.flow.customers.CustomerCrossReference;
import io.github.d365bridge.flow.orders.mapping.CustomerReference;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.ground.Json;

/**
 * The customer cross-reference for operators: list a legal entity's entries, link a Commerce customer or
 * company to a D365 account, unlink it. Input is checked before storage is touched and every refusal
 * names the field. The {@link OpsKeyFilter} has authenticated the caller.
 */
@Path("/ops/customer-xref")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerXrefOpsResource extends OperatorResource {

    static final int MAX_LIMIT = 1000;
    private static final String BODY_EXAMPLE = "{\"customerAccount\":\"US-001\"}";

    @Inject
    CustomerCrossReference xref;
    @Inject
    MappingProfile profile;

    @GET
    @Path("/{legalEntity}")
    public Response list(@PathParam("legalEntity") String legalEntity,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        List<String> problems = new ArrayList<>();
        legalEntity(legalEntity, problems);
        Integer max = OpsParameters.intInRange("limit", limit, 1, MAX_LIMIT, problems);
        return problems.isEmpty() ? storage(() -> Response.ok(xref.list(legalEntity, max).stream()
                .map(CrossReferenceView::of).toList()).build()) : badRequest(problems);
    }

    @GET
    @Path("/{legalEntity}/{kind}/{id}")
    public Response get(@PathParam("legalEntity") String legalEntity, @PathParam("kind") String kind,
            @PathParam("id") String id) {
        List<String> problems = new ArrayList<>();
        CustomerReference reference = reference(legalEntity, kind, id, problems);
        return problems.isEmpty() ? storage(() -> xref.find(reference)
                .map(entry -> Response.ok(CrossReferenceView.of(entry)).build())
                .orElseGet(() -> notFound(reference))) : badRequest(problems);
    }

    @PUT
    @Path("/{legalEntity}/{kind}/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response put(@PathParam("legalEntity") String legalEntity, @PathParam("kind") String kind,
            @PathParam("id") String id, String body) {
        List<String> problems = new ArrayList<>();
        CustomerReference reference = reference(legalEntity, kind, id, problems);
        String account = account(body, problems);
        return problems.isEmpty() ? storage(() -> Response.ok(CrossReferenceView.of(
                xref.put(reference, account, CrossReferenceSource.OPERATOR))).build()) : badRequest(problems);
    }

    @DELETE
    @Path("/{legalEntity}/{kind}/{id}")
    public Response delete(@PathParam("legalEntity") String legalEntity, @PathParam("kind") String kind,
            @PathParam("id") String id) {
        List<String> problems = new ArrayList<>();
        CustomerReference reference = reference(legalEntity, kind, id, problems);
        return problems.isEmpty() ? storage(() -> xref.delete(reference)
                ? Response.ok(Map.of("deleted", reference.toString())).build() : notFound(reference))
                : badRequest(problems);
    }

    /** The reference named by the path, or null with a problem per bad part. */
    private CustomerReference reference(String legalEntity, String kind, String id, List<String> problems) {
        legalEntity(legalEntity, problems);
        Optional<CustomerReference.Kind> parsedKind = CustomerReference.Kind.ofCode(kind);
        if (parsedKind.isEmpty()) {
            problems.add("kind: must be customer or company, got '" + kind + "'");
        }
        Optional<Long> parsedId = id.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(id)).filter(n -> n > 0)
                : Optional.empty();
        if (parsedId.isEmpty()) {
            problems.add("id: must be a positive integer (the Commerce customer_id or company_id), got '" + id + "'");
        }
        return problems.isEmpty() ? new CustomerReference(legalEntity, parsedKind.get(), parsedId.get()) : null;
    }

    private void legalEntity(String legalEntity, List<String> problems) {
        if (!profile.legalEntities().contains(legalEntity)) {
            problems.add("legalEntity: '" + legalEntity + "' is not one of the mapping profile's legal entities "
                    + profile.legalEntities());
        }
    }

    /** {@code customerAccount} of a body that must be exactly {@value #BODY_EXAMPLE}-shaped. */
    private static String account(String body, List<String> problems) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            problems.add("body: must be a JSON object such as " + BODY_EXAMPLE);
            return null;
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!"customerAccount".equals(name)) {
                problems.add("body: unknown field '" + name + "'; allowed: [customerAccount]");
            }
        });
        JsonNode value = json.get("customerAccount");
        if (value != null && !value.isNull() && !value.isTextual()) {
            problems.add("customerAccount: must be a string");
            return null;
        }
        String account = value == null || value.isNull() ? null : value.asText();
        CustomerCrossReference.accountProblem(account).ifPresent(p -> problems.add("customerAccount: " + p));
        return account;
    }

    /** Storage trouble is the server's, not the caller's: 503 when a retry may help. */
    private static Response storage(Supplier<Response> call) {
        try {
            return call.get();
        } catch (BridgeException e) {
            return Response.status(ErrorClassifier.isRetriable(e) ? 503 : 500)
                    .entity(Map.of("error", e.getMessage())).build();
        }
    }

    private static Response notFound(CustomerReference reference) {
        return Response.status(404).entity(Map.of("error", "no cross-reference entry " + reference)).build();
    }

    private static Response badRequest(List<String> problems) {
        return OpsParameters.badRequest(problems);
    }
}
