package io.github.d365bridge.client.d365;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.d365.ClientRegistration;

/**
 * On-premises (AD FS, {@code /namespaces/AXSF}) through msal4j and through the plain form post, and the
 * certificate credential (a signed client assertion) instead of a secret.
 */
class D365AdfsAndCertificateTest {

    private static final String CERT_CLIENT = "c3c3c3c3-cert-app";
    private static D365TestEnvironment env;
    private static SandboxTls clientCertificate;

    @BeforeAll
    static void start() throws Exception {
        // A second self-signed key pair stands in for the app's certificate registered in Entra.
        clientCertificate = SandboxTls.inFolder(Path.of("target/client-cert"), "certpass");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(clientCertificate.keyStore())) {
            store.load(in, "certpass".toCharArray());
        }
        PublicKey key = store.getCertificate(store.aliases().nextElement()).getPublicKey();
        env = new D365TestEnvironment(b -> b.client(ClientRegistration.listed(CERT_CLIENT, null).withCertificate(key)));
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @Test
    void adfsWithMsalAndWithFormPostReadTheNamespacesPath() {
        for (boolean formPost : List.of(false, true)) {
            D365Client adfs = D365Client.create(new D365ClientOptions(env.sandbox.adfsBaseUrl(),
                    D365ClientOptions.AuthMode.ADFS, env.sandbox.adfsAuthority(), D365TestEnvironment.CLIENT_ID,
                    new D365ClientOptions.Secret(D365TestEnvironment.SECRET), formPost, Duration.ofSeconds(30),
                    retry(), List.of(), trust(), Optional.empty()));
            assertThat(adfs.odata().count(CustomerV3.ENTITY_SET, ODataQuery.all().company("usmf")))
                    .as("AD FS, form post " + formPost).isPositive();
        }
    }

    @Test
    void certificateCredentialSignsAClientAssertion() {
        D365Client withCertificate = D365Client.create(new D365ClientOptions(env.sandbox.baseUrl(),
                D365ClientOptions.AuthMode.ENTRA, env.sandbox.entraAuthority(), CERT_CLIENT,
                new D365ClientOptions.Certificate(clientCertificate.keyStore(), "certpass"), false,
                Duration.ofSeconds(30), retry(), List.of(), trust(), Optional.empty()));
        assertThat(withCertificate.odata().count(CustomerV3.ENTITY_SET, ODataQuery.all().company("usmf"))).isPositive();
    }

    private static RetryOptions retry() {
        return new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(20),
                Duration.ofSeconds(1));
    }

    private static Optional<javax.net.ssl.SSLContext> trust() {
        return Optional.of(TrustStores.fromPkcs12(D365TestEnvironment.TLS.trustStore(),
                D365TestEnvironment.TLS.password().toCharArray(), "test trust store"));
    }
}
