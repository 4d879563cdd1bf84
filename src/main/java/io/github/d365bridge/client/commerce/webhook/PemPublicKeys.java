package io.github.d365bridge.client.commerce.webhook;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads RSA public keys in the PEM forms Commerce and Adobe hand out: {@code BEGIN PUBLIC KEY}
 * (X.509 SubjectPublicKeyInfo, what Commerce's admin and Adobe's key host show) and
 * {@code BEGIN RSA PUBLIC KEY} (PKCS#1, what some openssl commands write). Tolerates literal
 * {@code \n} sequences, as a PEM pasted into an app setting often has.
 */
public final class PemPublicKeys {

    /** Anything shorter is too weak to trust for request authentication. */
    static final int MIN_RSA_BITS = 2048;

    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }. */
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemPublicKeys() {
    }

    /** @throws IllegalArgumentException when the text is not an RSA public key of at least 2048 bits */
    public static PublicKey parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("Public key PEM is empty");
        }
        String text = pem.replace("\\n", "\n").trim();
        boolean pkcs1 = text.contains("BEGIN RSA PUBLIC KEY");
        if (text.contains("PRIVATE KEY")) {
            throw new IllegalArgumentException("Expected a public key PEM, got a private key");
        }
        String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        RSAPublicKey key;
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(pkcs1 ? wrapPkcs1(der) : der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a readable RSA public key PEM", e);
        }
        int bits = key.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw new IllegalArgumentException("RSA public key has " + bits + " bits; at least " + MIN_RSA_BITS + " required");
        }
        return key;
    }

    /** SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier, BIT STRING (0 unused bits + PKCS#1) }. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream bitString = new ByteArrayOutputStream();
        bitString.write(0x03);
        writeLength(bitString, pkcs1.length + 1);
        bitString.write(0x00);
        bitString.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, RSA_ALGORITHM_ID.length + bitString.size());
        out.writeBytes(RSA_ALGORITHM_ID);
        out.writeBytes(bitString.toByteArray());
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        }
    }
}
