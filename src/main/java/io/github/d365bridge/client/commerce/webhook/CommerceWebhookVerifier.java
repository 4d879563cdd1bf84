package io.github.d365bridge.client.commerce.webhook;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import io.github.d365bridge.client.commerce.VerificationResult;

/**
 * Checks the {@code x-adobe-commerce-webhook-signature} header of a Commerce Webhooks call: base64
 * RSA-SHA256 made with the store's private key, verified with the PEM public key from the admin.
 * Adobe's examples sign the base64 encoding of the body rather than the body itself, and which one a
 * given module version does was not confirmed, so both are accepted (each is a valid signature by the
 * store's key; neither can be made without it). Never throws on bad input.
 */
public final class CommerceWebhookVerifier {

    public static final String SIGNATURE_HEADER = "x-adobe-commerce-webhook-signature";

    private final PublicKey publicKey;

    public CommerceWebhookVerifier(PublicKey publicKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    }

    /** @throws IllegalArgumentException at startup when the configured PEM is unusable */
    public static CommerceWebhookVerifier fromPem(String pem) {
        return new CommerceWebhookVerifier(PemPublicKeys.parse(pem));
    }

    public VerificationResult verify(RequestHeaders headers, byte[] rawBody) {
        return verify(headers.get(SIGNATURE_HEADER).orElse(null), rawBody);
    }

    /** @param rawBody the body bytes exactly as received, before any JSON parsing or re-encoding */
    public VerificationResult verify(String signatureHeader, byte[] rawBody) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return VerificationResult.invalid("Header " + SIGNATURE_HEADER + " is missing");
        }
        if (rawBody == null) {
            return VerificationResult.invalid("Request has no body");
        }
        Optional<byte[]> signature = RsaSignatures.decode(signatureHeader);
        if (signature.isEmpty()) {
            return VerificationResult.invalid("Header " + SIGNATURE_HEADER + " is not valid base64");
        }
        if (RsaSignatures.verify(publicKey, rawBody, signature.get())) {
            return VerificationResult.valid("Commerce webhook signature valid (raw body)");
        }
        byte[] base64Body = Base64.getEncoder().encodeToString(rawBody).getBytes(StandardCharsets.US_ASCII);
        if (RsaSignatures.verify(publicKey, base64Body, signature.get())) {
            return VerificationResult.valid("Commerce webhook signature valid (base64 of body)");
        }
        return VerificationResult.invalid("Commerce webhook signature does not match the body and the configured public key");
    }
}
