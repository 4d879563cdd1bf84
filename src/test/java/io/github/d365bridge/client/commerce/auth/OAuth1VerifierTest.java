package io.github.d365bridge.client.commerce.auth;

import static io.github.d365bridge.client.commerce.auth.OAuth1SignerTest.CLOCK;
import static io.github.d365bridge.client.commerce.auth.OAuth1SignerTest.CREDENTIALS;
import static io.github.d365bridge.client.commerce.auth.OAuth1SignerTest.NONCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.QueryParam;
import io.github.d365bridge.client.commerce.VerificationResult;
import io.github.d365bridge.client.commerce.search.ConditionType;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.client.commerce.search.SortOrder;

class OAuth1VerifierTest {

    private static final URI URL = URI.create("https://shop.example.com/rest/default/V1/orders"
            + "?searchCriteria%5BpageSize%5D=100&searchCriteria%5BcurrentPage%5D=2");

    private final OAuth1Signer signer = new OAuth1Signer(CREDENTIALS, CLOCK, () -> NONCE);
    private final OAuth1Verifier verifier = new OAuth1Verifier(CREDENTIALS, CLOCK, Duration.ofMinutes(10));

    @Test
    void acceptsWhatTheSignerProduces() {
        VerificationResult result = verifier.verify("GET", URL, signer.authorizationHeader("GET", URL));
        assertThat(result.valid()).as(result.reason()).isTrue();
    }

    @Test
    void acceptsAParamListSignatureForTheRenderedUrlAndIgnoresHostCaseAndDefaultPort() {
        List<QueryParam> query = List.of(QueryParam.of("searchCriteria[filter_groups][0][filters][0][value]", "a b"));
        URI base = URI.create("https://shop.example.com/rest/V1/customers/search");
        String header = signer.authorizationHeader("GET", base, query);
        URI asReceived = URI.create("https://SHOP.example.com:443/rest/V1/customers/search?"
                + QueryParam.toQueryString(query));

        assertThat(verifier.verify("GET", asReceived, header).valid()).isTrue();
    }

    @Test
    void acceptsASignedSearchCriteriaRequest() {
        SearchCriteria criteria = SearchCriteria.builder()
                .where(Filter.of("updated_at", ConditionType.GTEQ, "2026-01-01 00:00:00"))
                .anyOf(Filter.of("name", ConditionType.LIKE, "%a+b & c%"), Filter.in("store_id", List.of("1", "2")))
                .sortBy(SortOrder.asc("updated_at"))
                .build();
        URI base = URI.create("https://shop.example.com/rest/default/V1/orders");
        String header = signer.authorizationHeader("GET", base, criteria.toQueryParams());

        URI sent = URI.create(base + "?" + criteria.toQueryString());
        assertThat(verifier.verify("GET", sent, header).valid()).isTrue();
        URI nextPage = URI.create(base + "?" + criteria.nextPage().toQueryString());
        assertThat(verifier.verify("GET", nextPage, header).valid()).isFalse();
    }

    @Test
    void rejectsTamperedQueryPathMethodAndHost() {
        String header = signer.authorizationHeader("GET", URL);
        assertInvalid(verifier.verify("GET", URI.create(URL.toString().replace("=2", "=3")), header), "signature");
        assertInvalid(verifier.verify("GET", URI.create(URL.toString() + "&extra=1"), header), "signature");
        assertInvalid(verifier.verify("GET", URI.create(URL.toString().replace("orders", "invoices")), header), "signature");
        assertInvalid(verifier.verify("DELETE", URL, header), "signature");
        assertInvalid(verifier.verify("GET", URI.create(URL.toString().replace("https", "http")), header), "signature");
    }

    @Test
    void rejectsTamperedHeaderParameters() {
        String header = signer.authorizationHeader("GET", URL);
        assertInvalid(verifier.verify("GET", URL, header.replace("1767225600", "1767225601")), "signature");
        assertInvalid(verifier.verify("GET", URL, header.replace("ck-4f7a2c", "ck-other")), "consumer key");
        assertInvalid(verifier.verify("GET", URL, header.replace("tok-9b1e", "tok-other")), "token");
        assertInvalid(verifier.verify("GET", URL, header.replace("HMAC-SHA256", "HMAC-SHA1")), "signature_method");
    }

    @Test
    void rejectsWrongSecrets() {
        OAuth1Signer other = new OAuth1Signer(
                new OAuthCredentials("ck-4f7a2c", "another secret", "tok-9b1e", "ts:secret=1"), CLOCK, () -> NONCE);
        assertInvalid(verifier.verify("GET", URL, other.authorizationHeader("GET", URL)), "signature");
    }

    @Test
    void rejectsStaleOrFutureTimestamps() {
        String header = signer.authorizationHeader("GET", URL);
        Clock later = Clock.fixed(Instant.ofEpochSecond(1767225600L + 601), ZoneOffset.UTC);
        Clock earlier = Clock.fixed(Instant.ofEpochSecond(1767225600L - 601), ZoneOffset.UTC);
        assertInvalid(new OAuth1Verifier(CREDENTIALS, later, Duration.ofMinutes(10)).verify("GET", URL, header), "timestamp");
        assertInvalid(new OAuth1Verifier(CREDENTIALS, earlier, Duration.ofMinutes(10)).verify("GET", URL, header), "timestamp");
    }

    @Test
    void rejectsMalformedMissingOrDuplicatedHeadersWithoutThrowing() {
        String header = signer.authorizationHeader("GET", URL);
        assertInvalid(verifier.verify("GET", URL, null), "missing");
        assertInvalid(verifier.verify("GET", URL, "Bearer abcdef"), "OAuth scheme");
        assertInvalid(verifier.verify("GET", URL, header.replaceAll(",oauth_nonce=\"[^\"]*\"", "")), "oauth_nonce");
        assertInvalid(verifier.verify("GET", URL, header + ",oauth_token=\"tok-9b1e\""), "twice");
        assertInvalid(verifier.verify("GET", URL, header.replace("oauth_version=\"1.0\"", "oauth_version=1.0")), "quoted");
        assertInvalid(verifier.verify("GET", URI.create(URL + "&oauth_token=x"), header), "header only");
    }

    @Test
    void acceptsRealmAndReordering() {
        String header = signer.authorizationHeader("GET", URL);
        List<String> parts = new java.util.ArrayList<>(List.of(header.substring(6).split(",")));
        java.util.Collections.reverse(parts);
        String reordered = "OAuth realm=\"Commerce\", " + String.join(", ", parts);
        assertThat(verifier.verify("GET", URL, reordered).valid()).isTrue();
    }

    @Test
    void reasonsDoNotLeakSecretsOrSignatures() {
        String header = signer.authorizationHeader("GET", URL);
        VerificationResult result = verifier.verify("GET", URI.create(URL + "&x=1"), header);
        String signature = OAuthHeaderParser.parse(header).get("oauth_signature");
        assertThat(result.reason()).doesNotContain(signature, "cs secret", "ts:secret");
    }

    private static void assertInvalid(VerificationResult result, String reasonPart) {
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).containsIgnoringCase(reasonPart);
    }
}
