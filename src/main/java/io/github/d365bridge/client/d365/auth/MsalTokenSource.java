package io.github.d365bridge.client.d365.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;
import io.github.d365bridge.client.d365.D365ClientOptions;

/**
 * Client-credential tokens through msal4j, for Entra ID and AD FS. Exactly one
 * {@link ConfidentialClientApplication} per identity: msal4j caches app tokens per instance and
 * refreshes them five minutes before expiry, so a second instance would mean a second cache.
 */
public final class MsalTokenSource implements CachingTokenSource.Fetcher {

    private final ConfidentialClientApplication app;
    private final Set<String> scopes;
    private final long timeoutMillis;

    public MsalTokenSource(D365ClientOptions options) {
        this.scopes = Set.of(options.scope());
        this.timeoutMillis = options.requestTimeout().toMillis();
        String authority = options.authority().toString();
        authority = authority.endsWith("/") ? authority : authority + "/";
        try {
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication
                    .builder(options.clientId(), credential(options.credential()))
                    .authority(authority)
                    .connectTimeoutForDefaultHttpClient((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                    .readTimeoutForDefaultHttpClient((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
            if (isLoopback(options.authority())) {
                // A sandbox authority: msal4j would otherwise ask login.microsoftonline.com to vouch for it.
                builder.instanceDiscovery(false);
            }
            options.sslContext().ifPresent(ssl -> builder.sslSocketFactory(ssl.getSocketFactory()));
            this.app = builder.build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new PermanentFailureException(ExternalSystem.D365,
                    "bridge.d365.authority '" + authority + "' is not a usable token authority: " + e.getMessage(), e);
        }
    }

    @Override
    public CachingTokenSource.Token fetch(boolean skipCache) {
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(scopes).skipCache(skipCache).build();
        try {
            IAuthenticationResult result = app.acquireToken(parameters).get(timeoutMillis, TimeUnit.MILLISECONDS);
            return new CachingTokenSource.Token(result.accessToken(), result.expiresOnDate().toInstant());
        } catch (ExecutionException e) {
            throw translate(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw new BridgeException(ExternalSystem.D365, "Token request timed out after " + timeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeException(ExternalSystem.D365, "Interrupted while requesting a token", e);
        }
    }

    private static RuntimeException translate(Throwable failure) {
        if (failure instanceof MsalServiceException service) {
            // The identity provider answered: wrong id/secret/scope or a disabled app. Retrying cannot help,
            // and hammering the token endpoint with a bad secret can get the app locked.
            return BridgeException.builder(ExternalSystem.D365, "Token request refused (" + service.errorCode()
                    + "); check bridge.d365.client-id, the client secret or certificate, and bridge.d365.authority")
                    .httpStatus(service.statusCode() >= 500 ? service.statusCode() : 401)
                    .serviceErrorCode(service.errorCode()).excerpt(service.getMessage()).cause(failure).build();
        }
        return new BridgeException(ExternalSystem.D365, "Token request failed: " + failure.getMessage(), failure);
    }

    private static IClientCredential credential(D365ClientOptions.Credential credential) {
        if (credential instanceof D365ClientOptions.Secret secret) {
            return ClientCredentialFactory.createFromSecret(secret.value());
        }
        D365ClientOptions.Certificate certificate = (D365ClientOptions.Certificate) credential;
        try (InputStream in = Files.newInputStream(certificate.pkcs12())) {
            return ClientCredentialFactory.createFromCertificate(in, certificate.password());
        } catch (IOException | GeneralSecurityException e) {
            throw new PermanentFailureException(ExternalSystem.D365, "Cannot read the client certificate "
                    + certificate.pkcs12() + " (bridge.d365.certificate-path): " + e.getMessage(), e);
        }
    }

    static boolean isLoopback(java.net.URI uri) {
        String host = uri.getHost();
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }
}
