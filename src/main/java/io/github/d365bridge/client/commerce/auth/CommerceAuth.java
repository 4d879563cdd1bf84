package io.github.d365bridge.client.commerce.auth;

import java.net.URI;

import io.github.d365bridge.config.CommerceConfig.AuthMode;

/**
 * Produces the {@code Authorization} header of one request. Implementations are thread-safe; the
 * HTTP layer asks for a header per attempt, so an OAuth signature always covers the exact URL sent.
 */
public interface CommerceAuth {

    AuthMode mode();

    /** @param uri the full URL about to be sent, query included */
    String authorization(String method, URI uri);

    /**
     * Called after a 401 to a request sent with {@code headerUsed}. Returns whether one more attempt with
     * fresh credentials makes sense (only a cached admin token can be renewed; integration tokens cannot).
     */
    default boolean renewAfterUnauthorized(String headerUsed) {
        return false;
    }

    static CommerceAuth oauth1(OAuth1Signer signer) {
        return new CommerceAuth() {
            @Override
            public AuthMode mode() {
                return AuthMode.OAUTH1;
            }

            @Override
            public String authorization(String method, URI uri) {
                return signer.authorizationHeader(method, uri);
            }
        };
    }

    static CommerceAuth bearer(String accessToken) {
        String header = "Bearer " + accessToken;
        return new CommerceAuth() {
            @Override
            public AuthMode mode() {
                return AuthMode.BEARER;
            }

            @Override
            public String authorization(String method, URI uri) {
                return header;
            }

            @Override
            public String toString() {
                return "BearerAuth[***]";
            }
        };
    }
}
