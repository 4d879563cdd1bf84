package io.github.d365bridge.client.commerce.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.VerificationResult;

class CommerceWebhookVerifierTest {

    private static final String BODY = "{\"eventName\":\"observer.sales_order_save_after\",\"data\":{\"order\":{\"entity_id\":\"17\",\"grand_total\":\"12.5\"}}}";
    private static final byte[] RAW = BODY.getBytes(StandardCharsets.UTF_8);

    private final CommerceWebhookVerifier verifier = CommerceWebhookVerifier.fromPem(TestKeys.pem(TestKeys.STORE.getPublic()));

    @Test
    void acceptsSignatureOverRawBody() {
        VerificationResult result = verifier.verify(TestKeys.sign(TestKeys.STORE, BODY), RAW);
        assertThat(result.valid()).isTrue();
        assertThat(result.reason()).contains("raw body");
    }

    @Test
    void acceptsSignatureOverBase64OfRawBodyAsAdobeExamplesDo() {
        String base64Body = Base64.getEncoder().encodeToString(RAW);
        VerificationResult result = verifier.verify(TestKeys.sign(TestKeys.STORE, base64Body), RAW);
        assertThat(result.valid()).isTrue();
        assertThat(result.reason()).contains("base64");
    }

    @Test
    void refusesTamperedBody() {
        String signature = TestKeys.sign(TestKeys.STORE, BODY);
        byte[] tampered = BODY.replace("12.5", "0.01").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(signature, tampered).valid()).isFalse();
        byte[] reformatted = BODY.replace(",", ", ").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(signature, reformatted).valid()).isFalse();
    }

    @Test
    void refusesSignatureByAnotherKey() {
        VerificationResult result = verifier.verify(TestKeys.sign(TestKeys.OTHER, BODY), RAW);
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("does not match");
    }

    @Test
    void refusesMissingBlankAndMalformedHeaders() {
        assertThat(verifier.verify((String) null, RAW).reason()).contains("missing");
        assertThat(verifier.verify("  ", RAW).reason()).contains("missing");
        assertThat(verifier.verify("not*base64!", RAW).reason()).contains("base64");
        assertThat(verifier.verify("AAAA", RAW).valid()).isFalse();
        assertThat(verifier.verify(TestKeys.sign(TestKeys.STORE, BODY), null).valid()).isFalse();
    }

    @Test
    void readsTheHeaderCaseInsensitivelyFromEitherHeaderShape() {
        String signature = TestKeys.sign(TestKeys.STORE, BODY);
        RequestHeaders functions = RequestHeaders.of(Map.of("x-adobe-commerce-webhook-signature", signature));
        RequestHeaders jaxRs = RequestHeaders.ofMultiValued(Map.of("X-Adobe-Commerce-Webhook-Signature", List.of(signature)));

        assertThat(verifier.verify(functions, RAW).valid()).isTrue();
        assertThat(verifier.verify(jaxRs, RAW).valid()).isTrue();
        assertThat(verifier.verify(RequestHeaders.of(Map.of()), RAW).reason()).contains("missing");
    }
}
