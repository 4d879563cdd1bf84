package io.github.d365bridge.client.d365.auth;

/** Hands out bearer tokens for D365, cached until shortly before they expire. */
public interface TokenSource {

    /** A valid token, from cache when possible. */
    String token();

    /** A token fetched anew, bypassing the cache (after the service answered 401). */
    String refreshedToken();
}
