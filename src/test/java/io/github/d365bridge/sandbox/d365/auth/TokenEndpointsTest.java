package io.github.d365bridge.sandbox.d365.auth;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.CLIENT_ID;
import static io.github.d365bridge.sandbox.d365.SandboxHttp.SECRET;
import static io.github.d365bridge.sandbox.d365.SandboxHttp.UNLISTED_ID;
import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;

/** Token issue, expiry and refusal over HTTP, in Entra v2, v1 and AD FS shapes. */
class TokenEndpointsTest {

    private static final String CERT_CLIENT = "33333333-aaaa-4bbb-8ccc-000000000003";
    private static KeyPair certificate;
    private static D365Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        certificate = generator.generateKeyPair();
        sandbox = D365Sandbox.start(SandboxHttp.options()
                .client(new ClientRegistration(CERT_CLIENT, null, true, certificate.getPublic(), null))
                .tokenLifetime(Duration.ofSeconds(2)).build());
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private HttpResponse<String> v2(String clientId, String secret, String scope) {
        return http.form(URI.create(sandbox.entraAuthority() + "/oauth2/v2.0/token"), Map.of("grant_type",
                "client_credentials", "client_id", clientId, "client_secret", secret, "scope", scope));
    }

    private HttpResponse<String> data(String base, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/data/CustomersV3?$top=1"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET());
    }

    @Test
    void v2TokenOpensTheDataApiUntilItExpires() {
        HttpResponse<String> response = v2(CLIENT_ID, SECRET, sandbox.baseUrl() + "/.default");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").isNumber()).isTrue();
        assertThat(body.get("expires_in").asInt()).isEqualTo(2);
        String token = body.get("access_token").asText();
        assertThat(data(sandbox.baseUrl().toString(), token).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> data(sandbox.baseUrl().toString(), token).statusCode() == 401);
        HttpResponse<String> expired = data(sandbox.baseUrl().toString(), token);
        assertThat(expired.body()).isEmpty();
    }

    @Test
    void missingOrUnknownBearerIs401WithEmptyBody() {
        HttpResponse<String> missing = data(sandbox.baseUrl().toString(), null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEmpty();
        assertThat(data(sandbox.baseUrl().toString(), "made-up").statusCode()).isEqualTo(401);
    }

    @Test
    void wrongSecretIsInvalidClientLikeEntra() {
        HttpResponse<String> response = v2(CLIENT_ID, "wrong", sandbox.baseUrl() + "/.default");
        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = json(response.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid_client");
        assertThat(body.get("error_description").asText()).startsWith("AADSTS7000215: Invalid client secret provided");
        assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(body.has("trace_id")).isTrue();
    }

    @Test
    void scopeWithoutDefaultSuffixIsInvalidScopeAndForeignResourceIsInvalidResource() {
        HttpResponse<String> noDefault = v2(CLIENT_ID, SECRET, sandbox.baseUrl().toString());
        assertThat(noDefault.statusCode()).isEqualTo(400);
        assertThat(json(noDefault.body()).get("error").asText()).isEqualTo("invalid_scope");
        HttpResponse<String> foreign = v2(CLIENT_ID, SECRET, "https://other.operations.dynamics.com/.default");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(json(foreign.body()).get("error").asText()).isEqualTo("invalid_resource");
    }

    @Test
    void unknownClientIsUnauthorizedClient() {
        HttpResponse<String> response = v2("00000000-0000-0000-0000-00000000dead", SECRET, sandbox.baseUrl() + "/.default");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error_description").asText()).startsWith("AADSTS700016");
    }

    @Test
    void unlistedAppGetsATokenButNoData() {
        HttpResponse<String> response = v2(UNLISTED_ID, SECRET, sandbox.baseUrl() + "/.default");
        assertThat(response.statusCode()).isEqualTo(200);
        HttpResponse<String> call = data(sandbox.baseUrl().toString(), json(response.body()).get("access_token").asText());
        assertThat(call.statusCode()).isEqualTo(401);
        assertThat(call.body()).isEmpty();
    }

    @Test
    void v1ResourceWorksWithoutTrailingSlashOnly() {
        URI v1 = URI.create(sandbox.entraAuthority() + "/oauth2/token");
        HttpResponse<String> exact = http.form(v1, Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
                "client_secret", SECRET, "resource", sandbox.baseUrl().toString()));
        assertThat(exact.statusCode()).isEqualTo(200);
        JsonNode body = json(exact.body());
        assertThat(body.get("expires_in").isTextual()).as("v1 sends numbers as strings").isTrue();
        assertThat(body.get("resource").asText()).isEqualTo(sandbox.baseUrl().toString());
        assertThat(data(sandbox.baseUrl().toString(), body.get("access_token").asText()).statusCode()).isEqualTo(200);

        HttpResponse<String> slash = http.form(v1, Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
                "client_secret", SECRET, "resource", sandbox.baseUrl() + "/"));
        assertThat(slash.statusCode()).isEqualTo(200);
        assertThat(data(sandbox.baseUrl().toString(), json(slash.body()).get("access_token").asText()).statusCode())
                .as("a token for the URL with a trailing slash is refused by F&O").isEqualTo(401);
    }

    @Test
    void adfsTokenServesTheNamespacedPathOnly() {
        HttpResponse<String> response = http.form(URI.create(sandbox.adfsAuthority() + "/oauth2/token"), Map.of(
                "grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", SECRET,
                "resource", sandbox.adfsBaseUrl().toString()));
        assertThat(response.statusCode()).isEqualTo(200);
        String token = json(response.body()).get("access_token").asText();
        HttpResponse<String> onPrem = data(sandbox.adfsBaseUrl().toString(), token);
        assertThat(onPrem.statusCode()).isEqualTo(200);
        assertThat(json(onPrem.body()).get("@odata.context").asText())
                .isEqualTo(sandbox.adfsBaseUrl() + "/data/$metadata#CustomersV3");
        assertThat(data(sandbox.baseUrl().toString(), token).statusCode()).isEqualTo(401);
        assertThat(data(sandbox.adfsBaseUrl().toString(), http.token()).statusCode()).isEqualTo(401);
        HttpResponse<String> wrongSecret = http.form(URI.create(sandbox.adfsAuthority() + "/oauth2/token"), Map.of(
                "grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", "nope",
                "resource", sandbox.adfsBaseUrl().toString()));
        assertThat(wrongSecret.statusCode()).isEqualTo(400);
        assertThat(json(wrongSecret.body()).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void certificateAssertionIsVerified() throws Exception {
        String audience = sandbox.entraAuthority() + "/oauth2/v2.0/token";
        HttpResponse<String> good = assertion(assertionJwt(CERT_CLIENT, audience, certificate));
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(data(sandbox.baseUrl().toString(), json(good.body()).get("access_token").asText()).statusCode())
                .isEqualTo(200);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        HttpResponse<String> forged = assertion(assertionJwt(CERT_CLIENT, audience, generator.generateKeyPair()));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json(forged.body()).get("error_description").asText()).startsWith("AADSTS700027");
        HttpResponse<String> wrongAudience = assertion(assertionJwt(CERT_CLIENT, "https://elsewhere/token", certificate));
        assertThat(wrongAudience.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> assertion(String jwt) {
        return http.form(URI.create(sandbox.entraAuthority() + "/oauth2/v2.0/token"), Map.of("grant_type",
                "client_credentials", "client_id", CERT_CLIENT, "client_assertion", jwt, "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "scope", sandbox.baseUrl() + "/.default"));
    }

    private static String assertionJwt(String clientId, String audience, KeyPair key) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"aud\":\"" + audience + "\",\"iss\":\"" + clientId + "\",\"sub\":\""
                + clientId + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"nbf\":" + now + ",\"exp\":" + (now + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key.getPrivate());
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(signer.sign());
    }
}
