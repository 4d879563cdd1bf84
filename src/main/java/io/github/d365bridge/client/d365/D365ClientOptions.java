package io.github.d365bridge.client.d365;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;

/**
 * Everything the D365 client needs, validated once at build time. Built from configuration by
 * {@code D365ClientProducer}, or directly by tests and tools.
 *
 * @param baseUrl           {@code https://<env>.operations.dynamics.com} or {@code https://<aos>/namespaces/AXSF}
 * @param authMode          Entra (cloud) or AD FS (on-premises)
 * @param authority         token authority ({@code https://login.microsoftonline.com/<tenant>} or {@code https://<adfs>/adfs})
 * @param clientId          application id
 * @param credential        client secret or certificate
 * @param adfsFormPost      on AD FS, get tokens with a plain form post instead of msal4j
 * @param requestTimeout    per HTTP call
 * @param retry             in-call retry budget
 * @param allowedBlobHosts  hosts, besides {@code *.blob.core.windows.net}, that DMF may hand out for upload/download
 * @param sslContext        trust for a sandbox's self-signed certificate (dev/test only)
 * @param clientPageSize    when set, page with {@code $top/$skip} where the server sends no next link
 */
public record D365ClientOptions(URI baseUrl, AuthMode authMode, URI authority, String clientId, Credential credential,
        boolean adfsFormPost, Duration requestTimeout, RetryOptions retry, List<String> allowedBlobHosts,
        Optional<SSLContext> sslContext, Optional<Integer> clientPageSize) {

    public D365ClientOptions {
        Objects.requireNonNull(baseUrl, "bridge.d365.base-url");
        Objects.requireNonNull(authority, "bridge.d365.authority");
        Objects.requireNonNull(clientId, "bridge.d365.client-id");
        Objects.requireNonNull(credential, "bridge.d365.client-secret or bridge.d365.certificate-path");
        String base = baseUrl.toString();
        baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        allowedBlobHosts = List.copyOf(allowedBlobHosts);
    }

    /** Entra scope for the client credentials flow: the environment URL plus {@code /.default}. */
    public String scope() {
        return baseUrl + "/.default";
    }

    /** The OData service root, {@code <base>/data/}. */
    public URI dataRoot() {
        return URI.create(baseUrl + "/data/");
    }

    public enum AuthMode {
        ENTRA,
        ADFS
    }

    /** A client secret or a PKCS#12 certificate, never both. */
    public sealed interface Credential permits Secret, Certificate {
    }

    public record Secret(String value) implements Credential {
        @Override
        public String toString() {
            return "Secret[***]";
        }
    }

    public record Certificate(java.nio.file.Path pkcs12, String password) implements Credential {
        @Override
        public String toString() {
            return "Certificate[" + pkcs12 + "]";
        }
    }
}
