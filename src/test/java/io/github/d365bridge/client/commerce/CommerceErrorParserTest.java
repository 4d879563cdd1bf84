package io.github.d365bridge.client.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ErrorClassifier;
import io.github.d365bridge.ground.ErrorClassifier.Classification;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.config.CommerceConfig.AuthMode;

class CommerceErrorParserTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final CommerceErrorParser parser = new CommerceErrorParser(CLOCK);
    private final CommerceCall call = CommerceCall.of("products.save").store("all").record("SKU-1");

    @Test
    void substitutesNamedParametersAndNamesOperationStoreAndRecord() {
        BridgeException e = parser.parse(call.authMode(AuthMode.OAUTH1), 401,
                "{\"message\":\"The consumer isn't authorized to access %resources.\","
                + "\"parameters\":{\"resources\":\"Magento_Catalog::products\"}}");

        assertThat(e.system()).isEqualTo(ExternalSystem.COMMERCE);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.getMessage())
                .contains("products.save (store all, record SKU-1)")
                .contains("The consumer isn't authorized to access Magento_Catalog::products.")
                .contains("(HTTP 401)")
                .doesNotContain("%resources");
        assertThat(ErrorClassifier.classify(e)).isEqualTo(Classification.PERMANENT);
    }

    @Test
    void substitutesPositionalParametersAndIncludesNestedErrors() {
        BridgeException e = parser.parse(CommerceCall.of("inventory.sourceItems.save").store("default"), 400,
                "{\"message\":\"Validation Failed\",\"errors\":["
                + "{\"message\":\"\\\"%field\\\" can not be empty.\",\"parameters\":{\"field\":\"source_code\"}},"
                + "{\"message\":\"Invalid value of \\\"%1\\\" provided for the %2 field.\",\"parameters\":[\"-5\",\"quantity\"]}]}");

        assertThat(e.getMessage())
                .contains("inventory.sourceItems.save (store default)")
                .contains("Validation Failed [errors: \"source_code\" can not be empty. | "
                        + "Invalid value of \"-5\" provided for the quantity field.]");
        assertThat(ErrorClassifier.classify(e)).isEqualTo(Classification.PERMANENT);
    }

    @Test
    void capsLongErrorLists() {
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            errors.append(i == 0 ? "" : ",").append("{\"message\":\"row %1 bad\",\"parameters\":[").append(i).append("]}");
        }
        BridgeException e = parser.parse(call, 400, "{\"message\":\"Validation Failed\",\"errors\":[" + errors + "]}");
        assertThat(e.getMessage()).contains("row 9 bad | … 5 more").doesNotContain("row 10 bad");
    }

    @Test
    void keepsRetriableStatusesRetriableWithRetryAfter() {
        BridgeException throttled = parser.parse(call, 429, "{\"message\":\"Too Many Requests\",\"trace\":null}", "30");
        assertThat(throttled.httpStatus()).isEqualTo(429);
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(ErrorClassifier.classify(throttled)).isEqualTo(Classification.RETRIABLE);

        BridgeException dated = parser.parse(call, 503, "{\"message\":\"x\"}", "Thu, 01 Jan 2026 00:02:00 GMT");
        assertThat(dated.retryAfter()).contains(Duration.ofMinutes(2));
        assertThat(parser.parse(call, 503, "{\"message\":\"x\"}", "soon").retryAfter()).isEmpty();

        BridgeException internal = parser.parse(call, 500,
                "{\"message\":\"Internal Error. Details are available in Magento log file. Report ID: webapi-6630\"}");
        assertThat(internal.getMessage()).contains("Report ID: webapi-6630");
        assertThat(ErrorClassifier.classify(internal)).isEqualTo(Classification.RETRIABLE);
    }

    @Test
    void keepsTheServiceCodeButNotTheTrace() {
        BridgeException e = parser.parse(call, 400,
                "{\"message\":\"Bad\",\"code\":42,\"trace\":\"#0 /var/www/vendor/magento/Foo.php(12)\"}");
        assertThat(e.serviceErrorCode()).contains("42");
        assertThat(e.getMessage()).doesNotContain("/var/www");
    }

    @Test
    void explainsBearerModeUnauthorized() {
        BridgeException e = parser.parse(call.authMode(AuthMode.BEARER), 401,
                "{\"message\":\"The consumer isn't authorized to access %resources.\",\"parameters\":{\"resources\":\"Magento_Sales::sales\"}}");
        assertThat(e.getMessage())
                .contains("oauth/consumer/enable_integration_as_bearer")
                .contains("\"Allow OAuth Access Tokens to be used as standalone Bearer tokens\"")
                .doesNotContain("***");
        BridgeException noMode = parser.parse(call, 401, "{\"message\":\"x\"}");
        assertThat(noMode.getMessage()).doesNotContain("Likely cause");
        assertThat(parser.parse(call.authMode(AuthMode.BEARER), 403, "{\"message\":\"x\"}").getMessage())
                .doesNotContain("enable_integration_as_bearer");
    }

    @Test
    void detectsTheAdminTokenTwoFactorRefusalOnBothStatuses() {
        String body = "{\"message\":\"Please use the 2fa provider-specific endpoints to obtain a token.\","
                + "\"parameters\":{\"active_providers\":[\"google\"]}}";
        for (int status : new int[] {401, 400}) {
            BridgeException e = parser.parse(CommerceCall.of("admin.token").authMode(AuthMode.ADMIN_TOKEN), status, body);
            assertThat(e).isInstanceOf(TwoFactorRequiredException.class);
            assertThat(((TwoFactorRequiredException) e).providers()).containsExactly("google");
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.getMessage()).contains("two-factor authentication").contains("google").contains("admin.token");
            assertThat(ErrorClassifier.classify(e)).isEqualTo(Classification.PERMANENT);
        }
    }

    @Test
    void reportsNonJsonAndTruncatedBodiesWithRedactedExcerpt() {
        BridgeException html = parser.parse(call, 502, "<html><body>502 Bad Gateway</body></html>");
        assertThat(html.getMessage()).contains("products.save").contains("not valid JSON").contains("502 Bad Gateway");
        assertThat(ErrorClassifier.classify(html)).isEqualTo(Classification.RETRIABLE);

        BridgeException truncated = parser.parse(call, 400,
                "{\"message\":\"Bad request\",\"parameters\":{\"access_token\":\"s3cr3t-value\",\"x\":\"" + "y".repeat(2000));
        assertThat(truncated.getMessage()).contains("not valid JSON").doesNotContain("s3cr3t-value").contains("more chars");
        assertThat(truncated.excerpt()).hasValueSatisfying(x -> assertThat(x.length()).isLessThan(600));
    }

    @Test
    void reportsEmptyAndUnexpectedBodies() {
        assertThat(parser.parse(call, 503, "").getMessage()).contains("products.save").contains("empty body");
        assertThat(parser.parse(call, 503, null).getMessage()).contains("empty body");
        assertThat(parser.parse(call, 400, "{\"error\":\"nope\"}").getMessage()).contains("unexpected JSON body").contains("nope");
        assertThat(parser.parse(call, 400, "[{\"message\":\"SKU %1 missing\",\"parameters\":[\"S1\"]}]").getMessage())
                .contains("1 error(s) [errors: SKU S1 missing]");
    }

    @Test
    void redactsSecretsThatCommerceEchoes() {
        BridgeException e = parser.parse(call, 400,
                "{\"message\":\"Invalid header Authorization: Bearer abcdef123456\"}");
        assertThat(e.getMessage()).doesNotContain("abcdef123456");
    }
}
