package io.github.d365bridge.client.commerce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.QueryParam;

/**
 * Expected signatures were computed outside the code under test, with Python 3.11 (and the last one
 * cross-checked with {@code openssl dgst -sha256 -hmac ... -binary | base64}). Secrets deliberately
 * contain characters that must be encoded in the signing key. The Python used:
 *
 * <pre>
 * enc = lambda s: urllib.parse.quote(s, safe='~')
 * u = urlsplit(url); base = scheme://host[:port if not default]/path (scheme and host lower-cased)
 * pairs = sorted((enc(k), enc(v)) for k, v in parse_qsl(u.query, keep_blank_values=True) + oauth_params)
 * base_string = METHOD.upper() + '&' + enc(base) + '&' + enc('&'.join(k + '=' + v for k, v in pairs))
 * key = enc(consumer_secret) + '&' + enc(token_secret)
 * base64(hmac.new(key.encode(), base_string.encode(), hashlib.sha256).digest())
 * </pre>
 */
class OAuth1SignerTest {

    static final OAuthCredentials CREDENTIALS =
            new OAuthCredentials("ck-4f7a2c", "cs secret/with+special&chars~", "tok-9b1e", "ts:secret=1");
    static final String NONCE = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1767225600L), ZoneOffset.UTC);

    private final OAuth1Signer signer = new OAuth1Signer(CREDENTIALS, CLOCK, () -> NONCE);

    @Test
    void signsASearchUrlAsComputedIndependently() {
        URI uri = URI.create("https://Shop.Example.COM:443/rest/default/V1/orders"
                + "?searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=updated_at"
                + "&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=2026-01-01%2000%3A00%3A00"
                + "&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bcondition_type%5D=gteq"
                + "&searchCriteria%5BpageSize%5D=100");

        Map<String, String> header = OAuthHeaderParser.parse(signer.authorizationHeader("GET", uri));

        assertThat(header.get("oauth_signature")).isEqualTo("DJ8uVIPXCEG47+hHgOzK/EjOUFmD/LtjZH4mvZmkpho=");
    }

    @Test
    void signsNonDefaultPortEncodedPathRepeatedNamesAndUnicode() {
        URI uri = URI.create("http://Sandbox.Local:8080/rest/all/V1/products/SKU%2F1?b=2&a=z&a=y&e=%E2%82%AC%20x%2B");

        Map<String, String> header = OAuthHeaderParser.parse(signer.authorizationHeader("put", uri));

        assertThat(header.get("oauth_signature")).isEqualTo("XWZRDAeXVDueyWpYhZXNvK1ioqjZLK23kyK7HoOSA1I=");
    }

    @Test
    void writesTheHeaderInCommerceOrderWithEncodedValues() {
        String header = signer.authorizationHeader("POST", URI.create("https://shop.example.com/rest/V1/products"));

        assertThat(header).isEqualTo("OAuth oauth_consumer_key=\"ck-4f7a2c\",oauth_nonce=\"" + NONCE + "\","
                + "oauth_signature_method=\"HMAC-SHA256\",oauth_timestamp=\"1767225600\",oauth_token=\"tok-9b1e\","
                + "oauth_version=\"1.0\",oauth_signature=\"KWEY1SdfMUn6xEJm6ow7uPGa6Jrr8e6W6J98ovB8sJ4%3D\"");
    }

    @Test
    void signingAParamListEqualsSigningTheRenderedUrl() {
        List<QueryParam> query = List.of(QueryParam.of("searchCriteria[pageSize]", "100"), QueryParam.of("q", "a b+c"));
        URI base = URI.create("https://shop.example.com/rest/V1/orders");
        URI full = URI.create(base + "?" + QueryParam.toQueryString(query));

        assertThat(signer.authorizationHeader("GET", base, query)).isEqualTo(signer.authorizationHeader("GET", full));
    }

    @Test
    void productionSignerMakesFreshNoncesWithinCommerceLimit() {
        OAuth1Signer real = OAuth1Signer.create(CREDENTIALS);
        URI uri = URI.create("https://shop.example.com/rest/V1/orders");
        var nonces = IntStream.range(0, 50)
                .mapToObj(i -> OAuthHeaderParser.parse(real.authorizationHeader("GET", uri)).get("oauth_nonce"))
                .collect(Collectors.toSet());
        assertThat(nonces).hasSize(50).allSatisfy(n -> assertThat(n).hasSize(32).matches("[0-9a-f]+"));
    }

    @Test
    void rejectsOverlongNonceAndKeepsSecretsOutOfToString() {
        OAuth1Signer bad = new OAuth1Signer(CREDENTIALS, CLOCK, () -> "x".repeat(33));
        assertThatThrownBy(() -> bad.authorizationHeader("GET", URI.create("https://shop.example.com/")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(signer.toString()).doesNotContain("cs secret", "tok-9b1e", "ts:secret");
    }
}
