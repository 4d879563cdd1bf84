package io.github.d365bridge.client.commerce.webhook;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/** SHA256withRSA (PKCS#1 v1.5) checks that answer yes/no instead of throwing on bad input. */
final class RsaSignatures {

    private RsaSignatures() {
    }

    /** Strict base64 (standard alphabet), surrounding and embedded whitespace ignored. */
    static Optional<byte[]> decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
            return bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Wrong length, wrong key type, malformed signature: all simply "not valid".
            return false;
        }
    }
}
