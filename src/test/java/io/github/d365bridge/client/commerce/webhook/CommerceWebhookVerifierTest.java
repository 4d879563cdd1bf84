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

    @Test
    void theFormThatVerifiedLastIsTriedFirstAndBothFormsStayAccepted() {
        String overBase64 = TestKeys.sign(TestKeys.STORE, Base64.getEncoder().encodeToString(RAW));
        String overRaw = TestKeys.sign(TestKeys.STORE, BODY);
        assertThat(verifier.triesBase64First()).isFalse();

        assertThat(verifier.verify(overBase64, RAW).reason()).contains("base64");
        assertThat(verifier.triesBase64First()).isTrue();
        assertThat(verifier.verify(TestKeys.sign(TestKeys.OTHER, BODY), RAW).valid()).isFalse();
        assertThat(verifier.triesBase64First()).as("a refused call changes nothing").isTrue();
        assertThat(verifier.verify(overRaw, RAW).reason()).contains("raw body");
        assertThat(verifier.triesBase64First()).isFalse();
    }

    @Test
    void aCallThatFailedHalfWayLeavesNothingForTheNextCallOnTheSameThread() {
        String valid = TestKeys.sign(TestKeys.STORE, BODY);
        byte[] wrongLength = new byte[100];
        byte[] rightLengthGarbage = new byte[256];
        java.util.Arrays.fill(rightLengthGarbage, (byte) 0x7f);

        for (byte[] bad : new byte[][] {wrongLength, rightLengthGarbage}) {
            assertThat(verifier.verify(Base64.getEncoder().encodeToString(bad), RAW).valid()).isFalse();
            assertThat(verifier.verify(valid, RAW).valid()).isTrue();
        }
        // the same thread's verifier used with another key in between (I/O Events keys)
        CommerceWebhookVerifier other = new CommerceWebhookVerifier(TestKeys.OTHER.getPublic());
        assertThat(other.verify(valid, RAW).valid()).isFalse();
        assertThat(verifier.verify(valid, RAW).valid()).isTrue();
    }

    @Test
    void concurrentCallsOnOneVerifierAreEachJudgedOnTheirOwnBody() throws Exception {
        String valid = TestKeys.sign(TestKeys.STORE, BODY);
        byte[] tampered = BODY.replace("12.5", "0.01").getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean good = i % 2 == 0;
                results.add(pool.submit(() -> verifier.verify(valid, good ? RAW : tampered).valid() == good));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signatureHeadersWithWhitespaceInsideStillDecode() {
        String valid = TestKeys.sign(TestKeys.STORE, BODY);
        String folded = " " + valid.substring(0, 40) + "\r\n\t" + valid.substring(40) + "\n";
        assertThat(verifier.verify(folded, RAW).valid()).isTrue();
    }
}
