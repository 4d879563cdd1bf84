package io.github.d365bridge.sandbox.d365.auth;

import java.util.Optional;

import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;

/**
 * Decides whether a /data request may proceed: a bearer token that exists, has not expired, was
 * issued for this base URL (cloud or AD FS, exactly, no trailing slash) to an app listed in F&O.
 * D365 answers every failure with 401 and an empty body.
 */
public final class BearerCheck {

    /** The caller of an authorised request. */
    public record Caller(String clientId, String defaultCompany) {
    }

    private final TokenStore tokens;
    private final D365SandboxOptions options;

    public BearerCheck(TokenStore tokens, D365SandboxOptions options) {
        this.tokens = tokens;
        this.options = options;
    }

    public Optional<Caller> caller(String authorization, String expectedAudience) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return tokens.valid(authorization.substring(7).trim())
                .filter(issued -> issued.audience().equals(expectedAudience))
                .flatMap(issued -> {
                    ClientRegistration client = options.client(issued.clientId());
                    if (client == null || !client.listedInFinOps()) {
                        return Optional.empty();
                    }
                    String company = client.defaultCompany() == null ? options.defaultCompany() : client.defaultCompany();
                    return Optional.of(new Caller(client.clientId(), company));
                });
    }
}
