package io.github.d365bridge.client.commerce.webhook;

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
 * store's key; neither can be made without it). A store signs one way, so the form that verified last
 * is tried first: that spares each call a failed RSA check and a base64 copy of the body, and both forms
 * are still tried before a call is refused. Never throws on bad input; safe for concurrent use.
 */
public final class CommerceWebhookVerifier {

    public static final String SIGNATURE_HEADER = "x-adobe-commerce-webhook-signature";

    private final PublicKey publicKey;
    /** A hint only: which form to try first. Any thread may set it; a stale read costs one extra check. */
    private volatile boolean base64First;

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
        boolean base64 = base64First;
        if (matches(base64, rawBody, signature.get())) {
            return valid(base64);
        }
        if (matches(!base64, rawBody, signature.get())) {
            base64First = !base64;
            return valid(!base64);
        }
        return VerificationResult.invalid("Commerce webhook signature does not match the body and the configured public key");
    }

    /** Whether the form that verified last is the base64 one (what the next call tries first). */
    boolean triesBase64First() {
        return base64First;
    }

    private boolean matches(boolean base64, byte[] rawBody, byte[] signature) {
        return RsaSignatures.verify(publicKey, base64 ? Base64.getEncoder().encode(rawBody) : rawBody, signature);
    }

    private static VerificationResult valid(boolean base64) {
        return VerificationResult.valid(base64 ? "Commerce webhook signature valid (base64 of body)"
                : "Commerce webhook signature valid (raw body)");
    }
}
