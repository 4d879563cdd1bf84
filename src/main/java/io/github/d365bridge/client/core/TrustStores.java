package io.github.d365bridge.client.core;

import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds an SSL context that trusts the certificates of one PKCS#12 trust store: how the local run
 * and the tests trust the sandboxes' self-signed certificates. Production uses the JVM's default
 * trust and never sets a trust store.
 */
public final class TrustStores {

    private TrustStores() {
    }

    public static SSLContext fromPkcs12(Path file, char[] password, String propertyKey) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new PermanentFailureException(ExternalSystem.BRIDGE,
                    "Cannot load the trust store " + file + " (" + propertyKey + "): " + e.getMessage(), e);
        }
    }
}
