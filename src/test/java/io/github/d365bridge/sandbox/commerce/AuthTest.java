package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.sandbox.commerce.SandboxClient.Exchange;

class AuthTest {

    private static final String NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";
    private final MutableClock clock = new MutableClock();
    private CommerceSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private SandboxClient start(CommerceSandboxOptions.Builder options) {
        sandbox = CommerceSandbox.start(options.clock(clock).build());
        return new SandboxClient(sandbox);
    }

    @Test
    void oauthSignedRequestIsAcceptedAndABadSignatureGetsMagentosUnauthorizedBody() {
        SandboxClient client = start(CommerceSandboxOptions.builder());
        assertThat(client.get("/rest/V1/products/SB-SIMPLE-001").status()).isEqualTo(200);

        Exchange refused = client.authorization("OAuth oauth_consumer_key=\"sandbox-consumer-key\",oauth_nonce=\"n1\","
                + "oauth_signature_method=\"HMAC-SHA256\",oauth_timestamp=\"" + clock.instant().getEpochSecond()
                + "\",oauth_token=\"sandbox-access-token\",oauth_version=\"1.0\",oauth_signature=\"AAAA\"")
                .get("/rest/V1/products/SB-SIMPLE-001");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("message").asText()).isEqualTo(NOT_AUTHORIZED);
        assertThat(refused.json().get("parameters").get("resources").asText()).isEqualTo("Magento_Catalog::products");
        assertThat(sandbox.authenticator().lastRefusal()).contains("signature");
    }

    @Test
    void integrationTokenAsBearerOnlyWorksWhenTheStoreAllowsIt() {
        SandboxClient off = start(CommerceSandboxOptions.builder());
        Exchange refused = off.authorization("Bearer sandbox-access-token").get("/rest/V1/orders?searchCriteria[pageSize]=1");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("message").asText()).isEqualTo(NOT_AUTHORIZED);
        assertThat(sandbox.authenticator().lastRefusal()).contains("enable_integration_as_bearer");
        sandbox.close();

        SandboxClient on = start(CommerceSandboxOptions.builder().integrationBearerEnabled(true));
        assertThat(on.authorization("Bearer sandbox-access-token").get("/rest/V1/orders?searchCriteria[pageSize]=1").status())
                .isEqualTo(200);
        assertThat(on.authorization("Bearer wrong-token-value").get("/rest/V1/orders").status()).isEqualTo(401);
    }

    @Test
    void adminTokenIsAJsonStringThatExpires() {
        SandboxClient client = start(CommerceSandboxOptions.builder().adminTokenLifetime(Duration.ofMinutes(5)));
        Exchange issued = client.authorization("none").post("/rest/V1/integration/admin/token",
                Map.of("username", "admin", "password", "admin-password-1"));
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.responseBody()).startsWith("\"").endsWith("\"");
        String token = issued.json().asText();

        client.authorization("Bearer " + token);
        assertThat(client.get("/rest/default/V1/products/SB-SIMPLE-001").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(5));
        Exchange expired = client.get("/rest/default/V1/products/SB-SIMPLE-001");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("message").asText()).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void twoFactorAuthRefusesTheAdminTokenEndpoint() {
        SandboxClient client = start(CommerceSandboxOptions.builder().twoFactorAuth(true));
        Exchange refused = client.authorization("none").post("/rest/V1/integration/admin/token",
                Map.of("username", "admin", "password", "admin-password-1"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.responseBody()).isEqualTo("{\"message\":\"Please use the 2fa provider-specific endpoints to obtain a token.\","
                + "\"parameters\":{\"active_providers\":[\"google\"]}}");
    }

    @Test
    void sixWrongPasswordsLockTheAccountForThirtyMinutes() {
        SandboxClient client = start(CommerceSandboxOptions.builder()).authorization("none");
        String message = "The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.";
        for (int i = 0; i < 6; i++) {
            Exchange wrong = client.post("/rest/V1/integration/admin/token", Map.of("username", "admin", "password", "nope"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().get("message").asText()).isEqualTo(message);
        }
        Exchange locked = client.post("/rest/V1/integration/admin/token", Map.of("username", "admin", "password", "admin-password-1"));
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("message").asText()).isEqualTo(message);

        clock.advance(Duration.ofMinutes(31));
        assertThat(client.post("/rest/V1/integration/admin/token",
                Map.of("username", "admin", "password", "admin-password-1")).status()).isEqualTo(200);
    }

    @Test
    void unknownRoutesAnswer404BeforeAuthentication() {
        SandboxClient client = start(CommerceSandboxOptions.builder()).authorization("none");
        Exchange missing = client.get("/rest/V1/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("message").asText()).isEqualTo("Request does not match any route.");
    }
}
