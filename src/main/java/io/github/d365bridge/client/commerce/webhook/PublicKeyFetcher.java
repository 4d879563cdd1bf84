package io.github.d365bridge.client.commerce.webhook;

import java.io.IOException;
import java.security.PublicKey;

/**
 * Resolves the public key named by an Adobe I/O Events {@code x-adobe-public-keyN-path} header.
 * Pluggable so tests and the sandbox use in-memory keys; production uses {@link AdobeIoKeyFetcher}
 * wrapped in a {@link CachingPublicKeyFetcher}.
 */
@FunctionalInterface
public interface PublicKeyFetcher {

    /**
     * @param keyPath the header value, a path such as {@code /prod/keys/pub-key-abc.pem}
     * @throws IOException              when the key cannot be fetched
     * @throws IllegalArgumentException when the path is not acceptable or the answer is not a key
     */
    PublicKey fetch(String keyPath) throws IOException;
}
