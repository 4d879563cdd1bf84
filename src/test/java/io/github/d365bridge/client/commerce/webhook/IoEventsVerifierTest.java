package io.github.d365bridge.client.commerce.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.VerificationResult;

class IoEventsVerifierTest {

    private static final String CLIENT_ID = "4b2a1f0e9d8c7b6a";
    private static final String PATH_1 = "/prod/keys/pub-key-one.pem";
    private static final String PATH_2 = "/prod/keys/pub-key-two.pem";
    private static final String EVENT = "{\"specversion\":\"1.0\",\"type\":\"com.adobe.commerce.observer.sales_order_save_after\","
            + "\"id\":\"e-1\",\"recipientclientid\":\"" + CLIENT_ID + "\",\"data\":{\"value\":{\"entity_id\":\"17\"}}}";

    private final AtomicInteger fetches = new AtomicInteger();
    private final Map<String, PublicKey> published = new HashMap<>(Map.of(
            PATH_1, TestKeys.ADOBE_1.getPublic(), PATH_2, TestKeys.ADOBE_2.getPublic()));
    private final PublicKeyFetcher inMemory = path -> {
        fetches.incrementAndGet();
        PublicKey key = published.get(path);
        if (key == null) {
            throw new IOException("no key at " + path);
        }
        return key;
    };
    private final IoEventsVerifier verifier = new IoEventsVerifier(inMemory, CLIENT_ID);

    @Test
    void acceptsValidFirstSignature() {
        VerificationResult result = verifier.verify(headers(EVENT, TestKeys.ADOBE_1, TestKeys.ADOBE_2), raw(EVENT));
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.reason()).contains("signature 1").contains("1 event");
    }

    @Test
    void acceptsWhenOnlySignatureTwoIsValid() {
        VerificationResult result = verifier.verify(headers(EVENT, TestKeys.OTHER, TestKeys.ADOBE_2), raw(EVENT));
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.reason()).contains("signature 2");
    }

    @Test
    void acceptsSignatureTwoWhenKeyOneCannotBeFetched() {
        published.remove(PATH_1);
        assertThat(verifier.verify(headers(EVENT, TestKeys.ADOBE_1, TestKeys.ADOBE_2), raw(EVENT)).valid()).isTrue();
    }

    @Test
    void refusesWhenNeitherSignatureIsValid() {
        VerificationResult result = verifier.verify(headers(EVENT, TestKeys.OTHER, TestKeys.OTHER), raw(EVENT));
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("1: does not match").contains("2: does not match");
    }

    @Test
    void refusesTamperedBody() {
        Map<String, String> headers = headersMap(EVENT, TestKeys.ADOBE_1, TestKeys.ADOBE_2);
        assertThat(verifier.verify(RequestHeaders.of(headers), raw(EVENT.replace("17", "18"))).valid()).isFalse();
    }

    @Test
    void refusesSignatureOverBase64OfBodyBecauseIoEventsSignTheRawBytes() {
        String base64 = java.util.Base64.getEncoder().encodeToString(raw(EVENT));
        Map<String, String> headers = new HashMap<>(headersMap(EVENT, TestKeys.ADOBE_1, TestKeys.ADOBE_2));
        headers.put(IoEventsVerifier.SIGNATURE_1, TestKeys.sign(TestKeys.ADOBE_1, base64));
        headers.put(IoEventsVerifier.SIGNATURE_2, TestKeys.sign(TestKeys.ADOBE_2, base64));
        assertThat(verifier.verify(RequestHeaders.of(headers), raw(EVENT)).valid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {IoEventsVerifier.SIGNATURE_1, IoEventsVerifier.SIGNATURE_2,
        IoEventsVerifier.KEY_PATH_1, IoEventsVerifier.KEY_PATH_2})
    void refusesWhenAnyOfTheFourHeadersIsMissing(String missing) {
        Map<String, String> headers = new HashMap<>(headersMap(EVENT, TestKeys.ADOBE_1, TestKeys.ADOBE_2));
        headers.remove(missing);
        VerificationResult result = verifier.verify(RequestHeaders.of(headers), raw(EVENT));
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains(missing).contains("missing");
        assertThat(fetches).hasValue(0);
    }

    @Test
    void refusesBadBase64AndUnsafeKeyPathsWithoutThrowing() {
        Map<String, String> headers = new HashMap<>(headersMap(EVENT, TestKeys.ADOBE_1, TestKeys.ADOBE_2));
        headers.put(IoEventsVerifier.SIGNATURE_1, "%%%");
        headers.put(IoEventsVerifier.SIGNATURE_2, "also not base64");
        assertThat(verifier.verify(RequestHeaders.of(headers), raw(EVENT)).reason()).contains("not valid base64");

        AdobeIoKeyFetcher real = AdobeIoKeyFetcher.create();
        IoEventsVerifier strict = new IoEventsVerifier(real, CLIENT_ID);
        Map<String, String> evil = new HashMap<>(headersMap(EVENT, TestKeys.ADOBE_1, TestKeys.ADOBE_2));
        evil.put(IoEventsVerifier.KEY_PATH_1, "@evil.example/key.pem");
        evil.put(IoEventsVerifier.KEY_PATH_2, "/../../key.pem");
        VerificationResult result = strict.verify(RequestHeaders.of(evil), raw(EVENT));
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("public key unavailable");
    }

    @Test
    void acceptsArrayDeliveriesWhenEveryEventIsForUs() {
        String body = "[" + EVENT + "," + EVENT.replace("e-1", "e-2") + "]";
        VerificationResult result = verifier.verify(headers(body, TestKeys.ADOBE_1, TestKeys.ADOBE_2), raw(body));
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.reason()).contains("2 event");
    }

    @Test
    void refusesArrayWhenOneEventIsForAnotherClient() {
        String body = "[" + EVENT + "," + EVENT.replace(CLIENT_ID, "someone-else") + "]";
        VerificationResult result = verifier.verify(headers(body, TestKeys.ADOBE_1, TestKeys.ADOBE_2), raw(body));
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("Event 1 of 2").contains("does not match");
    }

    @Test
    void acceptsTheOlderRecipientSpelling() {
        String body = "{\"event_id\":\"e-9\",\"recipient_client_id\":\"" + CLIENT_ID + "\",\"event\":{}}";
        assertThat(verifier.verify(headers(body, TestKeys.ADOBE_1, TestKeys.ADOBE_2), raw(body)).valid()).isTrue();
        String wrong = body.replace(CLIENT_ID, "other");
        assertThat(verifier.verify(headers(wrong, TestKeys.ADOBE_1, TestKeys.ADOBE_2), raw(wrong)).valid()).isFalse();
    }

    @Test
    void refusesMissingConflictingOrNonTextRecipient() {
        for (String body : new String[] {
            "{\"id\":\"e-1\"}",
            "{\"recipientclientid\":\"" + CLIENT_ID + "\",\"recipient_client_id\":\"other\"}",
            "{\"recipientclientid\":42}",
            // A repeated key is refused by the strict parser, so "last one wins" cannot be exploited.
            "{\"recipientclientid\":\"other\",\"recipientclientid\":\"" + CLIENT_ID + "\"}",
            "[]",
            "[\"" + CLIENT_ID + "\"]",
            "\"just a string\"",
            "not json at all"}) {
            VerificationResult result = verifier.verify(headers(body, TestKeys.ADOBE_1, TestKeys.ADOBE_2), raw(body));
            assertThat(result.valid()).as(body).isFalse();
        }
    }

    @Test
    void cachesKeysUntilTheConfiguredDurationPasses() {
        TestKeys.MutableClock clock = new TestKeys.MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        IoEventsVerifier cached = new IoEventsVerifier(
                new CachingPublicKeyFetcher(inMemory, Duration.ofHours(1), clock), CLIENT_ID);
        RequestHeaders headers = headers(EVENT, TestKeys.ADOBE_1, TestKeys.ADOBE_2);

        assertThat(cached.verify(headers, raw(EVENT)).valid()).isTrue();
        assertThat(cached.verify(headers, raw(EVENT)).valid()).isTrue();
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofMinutes(59));
        assertThat(cached.verify(headers, raw(EVENT)).valid()).isTrue();
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(cached.verify(headers, raw(EVENT)).valid()).isTrue();
        assertThat(fetches).hasValue(2);
    }

    private static RequestHeaders headers(String body, java.security.KeyPair first, java.security.KeyPair second) {
        return RequestHeaders.of(headersMap(body, first, second));
    }

    private static Map<String, String> headersMap(String body, java.security.KeyPair first, java.security.KeyPair second) {
        return Map.of(
                IoEventsVerifier.SIGNATURE_1, TestKeys.sign(first, body),
                IoEventsVerifier.SIGNATURE_2, TestKeys.sign(second, body),
                IoEventsVerifier.KEY_PATH_1, PATH_1,
                IoEventsVerifier.KEY_PATH_2, PATH_2);
    }

    private static byte[] raw(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
