package io.github.d365bridge.client.commerce.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.d365bridge.client.commerce.PercentEncoding;

/** HMAC-SHA256 over a base string with the RFC 5849 section 3.4.2 key; shared by signer and verifier. */
final class OAuthSignatures {

    static final String METHOD = "HMAC-SHA256";
    private static final String JCA_ALGORITHM = "HmacSHA256";

    private OAuthSignatures() {
    }

    /** {@code enc(consumer_secret)&enc(token_secret)}: both parts are encoded even when plain. */
    static String signingKey(String consumerSecret, String tokenSecret) {
        return PercentEncoding.encode(consumerSecret) + '&' + PercentEncoding.encode(tokenSecret);
    }

    /** Base64 (standard alphabet, padded) of the HMAC, as it goes into {@code oauth_signature}. */
    static String sign(String baseString, String consumerSecret, String tokenSecret) {
        try {
            Mac mac = Mac.getInstance(JCA_ALGORITHM);
            byte[] key = signingKey(consumerSecret, tokenSecret).getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(key, JCA_ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime ships HmacSHA256; reaching this means a broken JCA setup.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
