package io.github.d365bridge.sandbox.d365.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a certificate client assertion (RFC 7523 JWT, RS256) as Entra does: signature by the
 * registered certificate's key, {@code iss} and {@code sub} equal to the client id, {@code aud} one of
 * the tenant's token endpoints, not expired (five minutes of clock skew), {@code jti} present.
 * Certificate chains and {@code x5t} thumbprints are not checked: the key is registered directly.
 */
final class ClientAssertionVerifier {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long SKEW_SECONDS = 300;

    private ClientAssertionVerifier() {
    }

    /** Null when valid, else the reason (the text of an AADSTS error). */
    static String problem(String assertion, String clientId, PublicKey key, Set<String> audiences, Instant now) {
        if (key == null) {
            return "AADSTS700027: Client assertion failed signature validation. No certificate is registered for the app.";
        }
        String[] parts = assertion.split("\\.", -1);
        if (parts.length != 3) {
            return "AADSTS50027: JWT token is invalid or malformed.";
        }
        try {
            JsonNode header = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            String algorithm = header.path("alg").asText();
            String jca = switch (algorithm) {
                case "RS256" -> "SHA256withRSA";
                case "RS384" -> "SHA384withRSA";
                case "RS512" -> "SHA512withRSA";
                default -> null;
            };
            if (jca == null) {
                return "AADSTS5002730: Invalid JWT header: unsupported algorithm '" + algorithm + "'.";
            }
            Signature verifier = Signature.getInstance(jca);
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return "AADSTS700027: Client assertion failed signature validation.";
            }
            if (!clientId.equals(claims.path("iss").asText()) || !clientId.equals(claims.path("sub").asText())) {
                return "AADSTS700023: Client assertion issuer and subject must be the client id.";
            }
            if (!audiences.contains(claims.path("aud").asText())) {
                return "AADSTS700024: Client assertion audience claim does not match Realm issuer.";
            }
            long exp = claims.path("exp").asLong(0);
            if (exp == 0 || now.getEpochSecond() > exp + SKEW_SECONDS) {
                return "AADSTS700024: Client assertion is not within its valid time range.";
            }
            long nbf = claims.path("nbf").asLong(0);
            if (nbf != 0 && now.getEpochSecond() + SKEW_SECONDS < nbf) {
                return "AADSTS700024: Client assertion is not within its valid time range.";
            }
            if (claims.path("jti").asText().isEmpty()) {
                return "AADSTS700021: Client assertion application identifier doesn't match 'client_id' parameter (no jti).";
            }
            return null;
        } catch (java.io.IOException | IllegalArgumentException | GeneralSecurityException e) {
            return "AADSTS50027: JWT token is invalid or malformed.";
        }
    }
}
