package io.github.d365bridge.sandbox.d365;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A tiny HTTP client for the sandbox tests: tokens, OData calls, DMF actions, all over real HTTP. */
public final class SandboxHttp {

    public static final String CLIENT_ID = "11111111-aaaa-4bbb-8ccc-000000000001";
    public static final String SECRET = "s3cret~value";
    public static final String UNLISTED_ID = "22222222-aaaa-4bbb-8ccc-000000000002";
    public static final ObjectMapper JSON = new ObjectMapper();

    private final D365Sandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    public SandboxHttp(D365Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Options with the test clients registered; tests add what they need. */
    public static D365SandboxOptions.Builder options() {
        return D365SandboxOptions.builder()
                .client(ClientRegistration.listed(CLIENT_ID, SECRET))
                .client(ClientRegistration.unlisted(UNLISTED_ID, SECRET))
                .dmfLatency(Duration.ofMillis(100), Duration.ZERO)
                .eventRetries(3, Duration.ofMillis(100));
    }

    public HttpResponse<String> form(URI url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A v2 client-credentials token for the listed test client (cached). */
    public String token() {
        if (token == null) {
            token = tokenFor(CLIENT_ID, SECRET);
        }
        return token;
    }

    public String tokenFor(String clientId, String secret) {
        HttpResponse<String> response = form(URI.create(sandbox.entraAuthority() + "/oauth2/v2.0/token"), Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret,
                "scope", sandbox.baseUrl() + "/.default"));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).get("access_token").asText();
    }

    /** GET of a path under the base URL, e.g. {@code /data/CustomersV3?$top=1}; spaces and quotes encoded. */
    public HttpResponse<String> get(String pathAndQuery) {
        return send(authorized(url(pathAndQuery)).GET());
    }

    public HttpResponse<String> getUrl(String absoluteUrl) {
        return send(authorized(URI.create(absoluteUrl)).GET());
    }

    public HttpResponse<String> post(String path, String jsonBody) {
        return send(authorized(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public HttpResponse<String> patch(String path, String jsonBody, String ifMatch) {
        HttpRequest.Builder builder = authorized(url(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(jsonBody));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder);
    }

    public HttpResponse<String> delete(String path, String ifMatch) {
        HttpRequest.Builder builder = authorized(url(path)).DELETE();
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder);
    }

    /** A DMF action; answers the parsed body. */
    public HttpResponse<String> dmf(String action, String jsonBody) {
        return post("/data/DataManagementDefinitionGroups/Microsoft.Dynamics.DataEntities." + action, jsonBody);
    }

    public HttpResponse<String> control(String method, String path, String jsonBody) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("X-Sandbox-Key", sandbox.options().controlKey()).header("Content-Type", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** With another body handler, e.g. a stream for pages too large to hold as text. */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder authorized(URI url) {
        return HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token());
    }

    /** Encodes what a client would: spaces, quotes and other unsafe characters of the path and query. */
    public URI url(String pathAndQuery) {
        StringBuilder encoded = new StringBuilder();
        for (char c : pathAndQuery.toCharArray()) {
            if (c == ' ') {
                encoded.append("%20");
            } else if (c == '\'') {
                encoded.append("%27");
            } else if (c == '*') {
                encoded.append("%2A");
            } else if (c > 127 || c == '"') {
                encoded.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8));
            } else {
                encoded.append(c);
            }
        }
        return URI.create(sandbox.baseUrl() + encoded.toString());
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
