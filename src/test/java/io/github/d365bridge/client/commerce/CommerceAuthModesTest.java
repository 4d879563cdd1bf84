package io.github.d365bridge.client.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.FakeCommerce.Reply;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.commerce.auth.OAuth1Verifier;
import io.github.d365bridge.client.commerce.search.ConditionType;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.client.commerce.search.SortOrder;
import io.github.d365bridge.ground.ErrorClassifier;
import io.github.d365bridge.ground.PermanentFailureException;

/** The three auth modes against a loopback Commerce: headers, token caching, refresh, 2FA and cool-down. */
class CommerceAuthModesTest {

    private static final String LOGIN = "/rest/V1/integration/admin/token";
    private static final String SEARCH_ANSWER = "{\"items\":[],\"search_criteria\":{},\"total_count\":0}";

    private FakeCommerce fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeCommerce();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void oauthSignatureCoversTheExactUrlSentIncludingSearchCriteria() {
        fake.answer(r -> Reply.ok(SEARCH_ANSWER));
        SearchCriteria criteria = SearchCriteria.builder()
                .where(Filter.of("updated_at", ConditionType.GTEQ, Instant.parse("2026-01-01T00:00:00Z")))
                .anyOf(Filter.eq("status", "pending"), Filter.eq("status", "processing"))
                .sortBy(SortOrder.asc("updated_at")).pageSize(300).build();

        TestClients.oauth(fake).orders().searchPage(criteria);

        FakeCommerce.Recorded sent = fake.requests().get(0);
        assertThat(sent.uri().getRawQuery()).contains("searchCriteria%5Bfilter_groups%5D%5B0%5D")
                .contains("2026-01-01%2000%3A00%3A00");
        assertThat(sent.header("Authorization")).startsWith("OAuth ").contains("oauth_signature_method=\"HMAC-SHA256\"");
        assertThat(OAuth1Verifier.create(TestClients.INTEGRATION).verify("GET", sent.uri(), sent.header("Authorization"))
                .valid()).isTrue();
        // The verifier is not a rubber stamp: another query must not verify with the same header.
        assertThat(OAuth1Verifier.create(TestClients.INTEGRATION).verify("GET",
                java.net.URI.create(sent.uri().toString().replace("page_size%5D=300", "page_size%5D=299")),
                sent.header("Authorization")).valid()).isFalse();
    }

    @Test
    void oauthSignsEveryWriteForItsOwnUrl() {
        fake.answer(r -> Reply.ok("true"));
        TestClients.oauth(fake).products().saveLinks("SKU 1/A", java.util.List.of());
        FakeCommerce.Recorded sent = fake.requests().get(0);
        assertThat(sent.path()).isEqualTo("/rest/all/V1/products/SKU%201%2FA/links");
        assertThat(OAuth1Verifier.create(TestClients.INTEGRATION).verify("POST", sent.uri(), sent.header("Authorization"))
                .valid()).isTrue();
    }

    @Test
    void bearerModeSendsTheIntegrationTokenAndNamesTheSettingOn401() {
        fake.answer(r -> Reply.json(401, "{\"message\":\"The consumer isn't authorized to access %resources.\","
                + "\"parameters\":{\"resources\":\"Magento_Sales::actions_view\"}}"));
        CommerceClient client = CommerceClient.create(TestClients.options(fake,
                new CommerceCredentials.Bearer("integration-token-123")).build());

        assertThatThrownBy(() -> client.orders().get(42))
                .hasMessageContaining("orders.get (store default, record order 42)")
                .hasMessageContaining("Magento_Sales::actions_view")
                .hasMessageContaining("enable_integration_as_bearer")
                .satisfies(e -> assertThat(ErrorClassifier.isRetriable(e)).isFalse());
        assertThat(fake.requests()).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer integration-token-123"));
    }

    @Test
    void adminTokenIsFetchedOnceCachedAndRefreshedBeforeItsLifetimeEnds() {
        AtomicInteger logins = new AtomicInteger();
        fake.answer(r -> r.path().equals(LOGIN) ? Reply.ok("\"token-" + logins.incrementAndGet() + "\"")
                : Reply.ok("true"));
        TestClients.MutableClock clock = new TestClients.MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
        CommerceClient client = adminClient(clock);

        client.products().saveLinks("S1", java.util.List.of());
        client.products().saveLinks("S2", java.util.List.of());
        clock.advance(Duration.ofHours(3).plusMinutes(50));
        client.products().saveLinks("S3", java.util.List.of());
        clock.advance(Duration.ofMinutes(6)); // 3h56: inside the 5-minute refresh margin of a 4-hour token
        client.products().saveLinks("S4", java.util.List.of());

        assertThat(fake.requestsTo(LOGIN)).hasSize(2).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.json().get("username").asText()).isEqualTo("integration");
            assertThat(r.json().get("password").asText()).isEqualTo("admin-pass-42");
        });
        assertThat(fake.requestsTo("/links")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-1", "Bearer token-2");
    }

    @Test
    void adminTokenRejectedWith401IsReacquiredOnceThenTheCallFails() {
        AtomicInteger logins = new AtomicInteger();
        fake.answer(r -> {
            if (r.path().equals(LOGIN)) {
                return Reply.ok("\"token-" + logins.incrementAndGet() + "\"");
            }
            return "Bearer token-1".equals(r.header("Authorization"))
                    ? Reply.json(401, "{\"message\":\"The consumer isn't authorized to access %resources.\","
                            + "\"parameters\":{\"resources\":\"Magento_Catalog::products\"}}")
                    : Reply.ok("true");
        });
        CommerceClient client = adminClient(Clock.systemUTC());

        client.products().saveLinks("S1", java.util.List.of());
        assertThat(logins).hasValue(2);

        fake.answer(r -> r.path().equals(LOGIN) ? Reply.ok("\"token-" + logins.incrementAndGet() + "\"")
                : Reply.json(401, "{\"message\":\"The consumer isn't authorized to access %resources.\","
                        + "\"parameters\":{\"resources\":\"Magento_Catalog::products\"}}"));
        assertThatThrownBy(() -> client.products().saveLinks("S2", java.util.List.of()))
                .hasMessageContaining("Magento_Catalog::products").hasMessageContaining("HTTP 401");
        assertThat(logins).hasValue(3);
        assertThat(fake.requestsTo("/links")).hasSize(4);
    }

    @Test
    void twoFactorRefusalFailsPermanentlyAndPutsLoginsOnHold() {
        fake.answer(r -> Reply.json(401, "{\"message\":\"Please use the 2fa provider-specific endpoints to obtain a"
                + " token.\",\"parameters\":{\"active_providers\":[\"google\"]}}"));
        TestClients.MutableClock clock = new TestClients.MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
        CommerceClient client = adminClient(clock);

        assertThatThrownBy(() -> client.orders().get(1)).isInstanceOf(TwoFactorRequiredException.class)
                .hasMessageContaining("two-factor").hasMessageContaining("google");
        assertThatThrownBy(() -> client.orders().get(1)).isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("on hold until 2026-03-01T08:30:00Z");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void badCredentialsAreNeverRetriedInALoop() {
        fake.answer(r -> Reply.json(401, "{\"message\":\"The account sign-in was incorrect or your account is disabled"
                + " temporarily. Please wait and try again later.\"}"));
        TestClients.MutableClock clock = new TestClients.MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
        CommerceClient client = adminClient(clock);

        assertThatThrownBy(() -> client.products().get("S1")).isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("sign-in was incorrect").hasMessageNotContaining("admin-pass-42");
        clock.advance(Duration.ofMinutes(29));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.products().get("S1")).isInstanceOf(PermanentFailureException.class)
                    .hasMessageContaining("admin login for user 'integration' is on hold")
                    .hasMessageContaining("bridge.commerce.admin-login-cooldown")
                    .hasMessageNotContaining("admin-pass-42");
        }
        assertThat(fake.requests()).hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        fake.answer(r -> r.path().equals(LOGIN) ? Reply.ok("\"fresh\"") : Reply.ok("{\"sku\":\"S1\"}"));
        assertThat(client.products().get("S1")).isPresent();
        assertThat(fake.requestsTo(LOGIN)).hasSize(2);
    }

    @Test
    void throttlingAtLoginIsRetriedBecauseItIsNoRefusal() {
        AtomicInteger logins = new AtomicInteger();
        fake.answer(r -> r.path().equals(LOGIN)
                ? logins.incrementAndGet() == 1 ? Reply.json(503, "{\"message\":\"Service Unavailable\"}") : Reply.ok("\"t\"")
                : Reply.ok("true"));
        adminClient(Clock.systemUTC()).products().saveLinks("S1", java.util.List.of());
        assertThat(logins).hasValue(2);
    }

    @Test
    void aLoginProxyErrorBeforeACreateIsRetriedBecauseTheCreateWasNotSent() {
        AtomicInteger logins = new AtomicInteger();
        fake.answer(r -> r.path().equals(LOGIN)
                ? logins.incrementAndGet() == 1 ? Reply.json(502, "{\"message\":\"Bad Gateway\"}") : Reply.ok("\"t\"")
                : Reply.ok("31"));
        assertThat(adminClient(Clock.systemUTC()).invoices().create(5,
                io.github.d365bridge.client.commerce.sales.InvoiceRequest.everything(true))).isEqualTo(31);
        assertThat(logins).hasValue(2);
        assertThat(fake.requestsTo("/invoice")).hasSize(1);
    }

    private CommerceClient adminClient(Clock clock) {
        return CommerceClient.create(TestClients.options(fake, new CommerceCredentials.AdminUser("integration",
                "admin-pass-42")).build(), clock);
    }
}
