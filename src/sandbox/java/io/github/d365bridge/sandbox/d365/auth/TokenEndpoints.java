package io.github.d365bridge.sandbox.d365.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * The token endpoints of Entra ID (v2 with {@code scope}, v1 with {@code resource}) and AD FS,
 * client credentials only, answering errors in each one's JSON shape.
 */
public final class TokenEndpoints {

    /**
     * The resource part of a v2 scope. msal4j adds the reserved OpenID scopes ({@code openid profile
     * offline_access}) to every request, client credentials included, and Entra ignores them there; only
     * what remains must be a single {@code <resource>/.default}.
     */
    private static String resourceScope(String scope) {
        if (scope == null) {
            return null;
        }
        return java.util.Arrays.stream(scope.trim().split("\\s+"))
                .filter(s -> !java.util.Set.of("openid", "profile", "offline_access").contains(s))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** Which endpoint a request came to. */
    public enum Flavour { ENTRA_V2, ENTRA_V1, ADFS }

    private final D365SandboxOptions options;
    private final TokenStore tokens;
    private final String cloudResource;
    private final String adfsResource;
    private final Set<String> assertionAudiences;

    public TokenEndpoints(D365SandboxOptions options, TokenStore tokens, String cloudResource, String adfsResource,
            Set<String> assertionAudiences) {
        this.options = options;
        this.tokens = tokens;
        this.cloudResource = cloudResource;
        this.adfsResource = adfsResource;
        this.assertionAudiences = assertionAudiences;
    }

    public void handle(RoutingContext ctx, Flavour flavour) {
        if (flavour != Flavour.ADFS && !options.tenantId().equalsIgnoreCase(ctx.pathParam("tenant"))) {
            entraError(ctx, 400, "invalid_request", 90002, "AADSTS90002: Tenant '" + ctx.pathParam("tenant")
                    + "' not found. Check to make sure you have the correct tenant ID.");
            return;
        }
        MultiMap form = ctx.request().formAttributes();
        if (!"client_credentials".equals(form.get("grant_type"))) {
            error(ctx, flavour, 400, "unsupported_grant_type", 70003, "AADSTS70003: The app requested an unsupported"
                    + " grant type '" + form.get("grant_type") + "'. The sandbox issues client credentials tokens only.");
            return;
        }
        String clientId = form.get("client_id");
        if (clientId == null || clientId.isEmpty()) {
            error(ctx, flavour, 400, "invalid_request", 900144,
                    "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
            return;
        }
        ClientRegistration client = options.client(clientId);
        if (client == null) {
            error(ctx, flavour, 400, "unauthorized_client", 700016, "AADSTS700016: Application with identifier '"
                    + clientId + "' was not found in the directory '" + options.tenantId() + "'.");
            return;
        }
        String authProblem = authenticate(client, form);
        if (authProblem != null) {
            error(ctx, flavour, flavour == Flavour.ADFS ? 400 : 401, "invalid_client", 7000215, authProblem);
            return;
        }
        String audience = audience(ctx, flavour, form);
        if (audience == null) {
            return;
        }
        String token = tokens.issue(clientId, audience, options.tokenLifetime());
        long lifetime = options.tokenLifetime().toSeconds();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", flavour == Flavour.ADFS ? "bearer" : "Bearer");
        if (flavour == Flavour.ENTRA_V1) {
            // v1 sends its numbers as strings
            long now = tokens.now().getEpochSecond();
            body.put("expires_in", Long.toString(lifetime));
            body.put("ext_expires_in", Long.toString(lifetime));
            body.put("expires_on", Long.toString(now + lifetime));
            body.put("not_before", Long.toString(now));
            body.put("resource", audience);
        } else {
            body.put("expires_in", lifetime);
            if (flavour == Flavour.ENTRA_V2) {
                body.put("ext_expires_in", lifetime);
            }
        }
        body.put("access_token", token);
        json(ctx, 200, body);
    }

    private String authenticate(ClientRegistration client, MultiMap form) {
        String secret = form.get("client_secret");
        String assertion = form.get("client_assertion");
        if (assertion != null) {
            if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
                return "AADSTS50027: client_assertion_type must be " + JWT_BEARER + ".";
            }
            return ClientAssertionVerifier.problem(assertion, client.clientId(), client.certificateKey(),
                    assertionAudiences, tokens.now());
        }
        if (secret == null) {
            return "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or"
                    + " 'client_secret'.";
        }
        if (client.secret() == null || !client.secret().equals(secret)) {
            return "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the"
                    + " client secret value, not the client secret ID, for a secret added to app '" + client.clientId()
                    + "'.";
        }
        return null;
    }

    /**
     * The audience the token is for, or null after answering an error. A v1 resource with a trailing
     * slash is accepted (Entra issues it) but yields a token D365 refuses, as the real pair does.
     */
    private String audience(RoutingContext ctx, Flavour flavour, MultiMap form) {
        String expected = flavour == Flavour.ADFS ? adfsResource : cloudResource;
        String requested;
        if (flavour == Flavour.ENTRA_V2 || (flavour == Flavour.ADFS && form.get("resource") == null)) {
            String scope = resourceScope(form.get("scope"));
            if (scope == null || !scope.endsWith("/.default") || scope.contains(" ")) {
                error(ctx, flavour, 400, "invalid_scope", 1002012, "AADSTS1002012: The provided value for scope "
                        + form.get("scope") + " is not valid. Client credential flows must have a scope value with /.default"
                        + " suffixed to the resource identifier (application ID URI).");
                return null;
            }
            requested = scope.substring(0, scope.length() - "/.default".length());
        } else {
            requested = form.get("resource");
            if (requested == null) {
                error(ctx, flavour, 400, "invalid_request", 900144,
                        "AADSTS900144: The request body must contain the following parameter: 'resource'.");
                return null;
            }
        }
        if (!requested.equals(expected) && !requested.equals(expected + "/")) {
            error(ctx, flavour, 400, "invalid_resource", 500011, "AADSTS500011: The resource principal named "
                    + requested + " was not found in the tenant named " + options.tenantId() + ". This can happen if"
                    + " the application has not been installed by the administrator of the tenant.");
            return null;
        }
        return requested;
    }

    private void error(RoutingContext ctx, Flavour flavour, int status, String code, int aadsts, String text) {
        if (flavour == Flavour.ADFS) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", code);
            body.put("error_description", text.replaceFirst("^AADSTS\\d+", "MSIS9622"));
            json(ctx, status, body);
        } else {
            entraError(ctx, status, code, aadsts, text);
        }
    }

    private void entraError(RoutingContext ctx, int status, String code, int aadsts, String text) {
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        String timestamp = Instant.now().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", text + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: " + correlation
                + "\r\nTimestamp: " + timestamp);
        body.put("error_codes", new int[] {aadsts});
        body.put("timestamp", timestamp);
        body.put("trace_id", trace);
        body.put("correlation_id", correlation);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + aadsts);
        json(ctx, status, body);
    }

    private static void json(RoutingContext ctx, int status, Map<String, Object> body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store, no-cache").end(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
