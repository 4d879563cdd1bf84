package io.github.d365bridge.client.d365.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.client.core.HttpTransport;
import io.github.d365bridge.ground.PermanentFailureException;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.ground.Json;

/**
 * The plain OAuth 2 client-credentials form post in its v1 "resource" form, for AD FS where
 * msal4j's client-credential support is unconfirmed.
 */
public final class FormPostTokenSource implements CachingTokenSource.Fetcher {

    private final HttpTransport http;
    private final URI tokenEndpoint;
    private final String form;
    private final Clock clock;

    public FormPostTokenSource(D365ClientOptions options, HttpTransport http, Clock clock) {
        if (!(options.credential() instanceof D365ClientOptions.Secret secret)) {
            throw new PermanentFailureException(ExternalSystem.D365,
                    "The AD FS form-post token flow supports a client secret only (bridge.d365.client-secret)");
        }
        String authority = options.authority().toString();
        this.tokenEndpoint = URI.create((authority.endsWith("/") ? authority : authority + "/") + "oauth2/token");
        this.form = "grant_type=client_credentials&client_id=" + enc(options.clientId()) + "&client_secret="
                + enc(secret.value()) + "&resource=" + enc(options.baseUrl().toString());
        this.http = http;
        this.clock = clock;
    }

    @Override
    public CachingTokenSource.Token fetch(boolean bypassProviderCache) {
        HttpRequest request = http.request(tokenEndpoint).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<InputStream> response = http.send(request, "AD FS token request");
        String body = HttpTransport.text(response, 16_384);
        if (response.statusCode() != 200) {
            throw BridgeException.builder(ExternalSystem.D365, "AD FS refused the token request; check"
                    + " bridge.d365.client-id, bridge.d365.client-secret and bridge.d365.authority")
                    .httpStatus(response.statusCode()).excerpt(body).build();
        }
        try {
            JsonNode json = Json.mapper().readTree(body);
            String token = json.path("access_token").asText("");
            long lifetime = json.path("expires_in").asLong(3600);
            if (token.isEmpty()) {
                throw new PermanentFailureException(ExternalSystem.D365, "AD FS token answer has no access_token");
            }
            return new CachingTokenSource.Token(token, clock.instant().plusSeconds(lifetime));
        } catch (IOException e) {
            throw new PermanentFailureException(ExternalSystem.D365, "AD FS token answer is not JSON", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
