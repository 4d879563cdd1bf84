package io.github.d365bridge.client.commerce.webhook;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SHA256withRSA (PKCS#1 v1.5) checks that answer yes/no instead of throwing on bad input. The JDK's
 * check compares the decoded digest in constant time.
 */
final class RsaSignatures {

    private static final String ALGORITHM = "SHA256withRSA";
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    /**
     * One {@link Signature} per thread: looking the algorithm up per call showed in the intake's profile,
     * and a Signature must not be shared between threads. Each use starts with {@code initVerify}, which
     * sets the key and discards whatever a previous call left (a call that threw half-way, another key).
     */
    private static final ThreadLocal<Signature> VERIFIERS = ThreadLocal.withInitial(RsaSignatures::newVerifier);

    private RsaSignatures() {
    }

    /** Strict base64 (standard alphabet), surrounding and embedded whitespace ignored. */
    static Optional<byte[]> decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(hasWhitespace(base64) ? WHITESPACE.matcher(base64).replaceAll("")
                    : base64);
            return bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = VERIFIERS.get();
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Wrong length, wrong key type, malformed signature: all simply "not valid".
            return false;
        }
    }

    private static boolean hasWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static Signature newVerifier() {
        try {
            return Signature.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }
}
