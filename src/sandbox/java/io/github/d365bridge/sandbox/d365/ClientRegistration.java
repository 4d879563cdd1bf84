package io.github.d365bridge.sandbox.d365;

import java.security.PublicKey;

/**
 * An app registration the sandbox's token endpoints know.
 *
 * @param clientId        the application (client) id
 * @param secret          its client secret, or null when it authenticates by certificate only
 * @param listedInFinOps  whether the app is in F&O's "Microsoft Entra applications" list; an unlisted
 *                        app still gets tokens (Entra does not know F&O's list) but every /data call is 401
 * @param certificateKey  public key of the app's certificate for {@code client_assertion}, or null
 * @param defaultCompany  the default company of the F&O user the app maps to, or null for the sandbox default
 */
public record ClientRegistration(String clientId, String secret, boolean listedInFinOps, PublicKey certificateKey,
        String defaultCompany) {

    public static ClientRegistration listed(String clientId, String secret) {
        return new ClientRegistration(clientId, secret, true, null, null);
    }

    public static ClientRegistration unlisted(String clientId, String secret) {
        return new ClientRegistration(clientId, secret, false, null, null);
    }

    public ClientRegistration withCertificate(PublicKey key) {
        return new ClientRegistration(clientId, secret, listedInFinOps, key, defaultCompany);
    }

    public ClientRegistration withDefaultCompany(String company) {
        return new ClientRegistration(clientId, secret, listedInFinOps, certificateKey, company);
    }
}
