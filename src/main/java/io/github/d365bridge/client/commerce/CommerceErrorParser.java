package io.github.d365bridge.client.commerce;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.Redactor;
import io.github.d365bridge.config.CommerceConfig.AuthMode;
import io.github.d365bridge.ground.Json;

/**
 * Turns a failed Commerce REST answer into a {@link BridgeException} an operator can act on: the
 * phrase with its placeholders filled, nested {@code errors}, which operation/store/record failed,
 * and the HTTP status so the shared classifier decides retries (429/5xx retriable, 4xx permanent).
 * Never throws itself: whatever the body, a readable exception comes back.
 */
public final class CommerceErrorParser {

    /** The admin label of oauth/consumer/enable_integration_as_bearer. */
    static final String BEARER_SETTING_LABEL = "Allow OAuth Access Tokens to be used as standalone Bearer tokens";
    private static final int MAX_NESTED_ERRORS = 10;
    private static final int MAX_TEXT = 1500;

    private final Clock clock;

    public CommerceErrorParser(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static CommerceErrorParser create() {
        return new CommerceErrorParser(Clock.systemUTC());
    }

    public BridgeException parse(CommerceCall call, int status, String body) {
        return parse(call, status, body, null);
    }

    /** @param retryAfterHeader the {@code Retry-After} header if the answer had one (seconds or HTTP date) */
    public BridgeException parse(CommerceCall call, int status, String body, String retryAfterHeader) {
        String prefix = "Commerce " + call.describe();
        if (body == null || body.isBlank()) {
            return base(prefix + " failed with an empty body" + hint(call, status), status, retryAfterHeader).build();
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(body);
        } catch (JsonProcessingException | RuntimeException e) {
            return base(prefix + " failed with a body that is not valid JSON (an HTML error page or a truncated answer)"
                    + hint(call, status), status, retryAfterHeader).excerpt(body).build();
        }
        if (json.isObject() && json.path("message").isTextual()) {
            if (isTwoFactorRefusal(status, json)) {
                return twoFactor(prefix, status, json);
            }
            String text = PhraseRenderer.render(json.get("message").asText(), json.get("parameters"))
                    + nestedErrors(json.get("errors"));
            BridgeException.Builder builder = base(prefix + " failed: " + Redactor.truncate(text, MAX_TEXT)
                    + hint(call, status), status, retryAfterHeader);
            JsonNode code = json.get("code");
            if (code != null && code.isValueNode() && !code.isNull() && !"0".equals(code.asText())) {
                builder.serviceErrorCode(code.asText());
            }
            return builder.build();
        }
        if (json.isArray() && json.size() > 0 && json.get(0).path("message").isTextual()) {
            String text = json.size() + " error(s)" + nestedErrors(json);
            return base(prefix + " failed: " + Redactor.truncate(text, MAX_TEXT) + hint(call, status), status,
                    retryAfterHeader).build();
        }
        return base(prefix + " failed with an unexpected JSON body (no message)" + hint(call, status), status,
                retryAfterHeader).excerpt(body).build();
    }

    private BridgeException.Builder base(String message, int status, String retryAfterHeader) {
        BridgeException.Builder builder = BridgeException.builder(ExternalSystem.COMMERCE, message).httpStatus(status);
        Duration retryAfter = retryAfter(retryAfterHeader);
        if (retryAfter != null) {
            builder.retryAfter(retryAfter);
        }
        return builder;
    }

    private static String nestedErrors(JsonNode errors) {
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            return "";
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode error : errors) {
            if (texts.size() == MAX_NESTED_ERRORS) {
                texts.add("… " + (errors.size() - MAX_NESTED_ERRORS) + " more");
                break;
            }
            texts.add(error.path("message").isTextual()
                    ? PhraseRenderer.render(error.get("message").asText(), error.get("parameters"))
                    : error.toString());
        }
        return " [errors: " + String.join(" | ", texts) + "]";
    }

    /** 401 on current versions, 400 on older ones; matched on the phrase, which is not translated. */
    private static boolean isTwoFactorRefusal(int status, JsonNode json) {
        return (status == 401 || status == 400) && json.get("message").asText().contains("2fa provider-specific endpoints");
    }

    private static TwoFactorRequiredException twoFactor(String prefix, int status, JsonNode json) {
        List<String> providers = new ArrayList<>();
        json.path("parameters").path("active_providers").forEach(p -> providers.add(p.asText()));
        String named = providers.isEmpty() ? "" : " (active providers: " + String.join(", ", providers) + ")";
        return new TwoFactorRequiredException(prefix + " refused (HTTP " + status + "): two-factor authentication is"
                + " enabled for admin users" + named + ", so the admin token endpoint issues no token. Use an"
                + " integration (OAuth 1.0a) instead, or the 2FA provider-specific token endpoint. Not retried:"
                + " repeated failed admin logins lock the account.", status, providers);
    }

    /** A 401 looks the same for bad credentials and for a missing ACL resource; say what else to check. */
    private static String hint(CommerceCall call, int status) {
        if (status != 401 || call.authMode() == null) {
            return "";
        }
        return switch (call.authMode()) {
            case BEARER -> ". Likely cause: the store does not accept integration access tokens in bearer mode;"
                    + " enable Stores > Configuration > Services > OAuth > Consumer Settings > \"" + BEARER_SETTING_LABEL + "\""
                    + " (oauth/consumer/enable_integration_as_bearer, off by default since 2.4.4) or use OAuth 1.0a"
                    + " signing; otherwise the integration lacks the ACL resource this call needs";
            case OAUTH1 -> ". Likely cause: the integration lacks the ACL resource this call needs, its tokens were"
                    + " re-issued, or the signature did not match (clock skew, or the store sees another scheme,"
                    + " host or port than the one signed, e.g. behind a TLS-terminating proxy)";
            case ADMIN_TOKEN -> ". Likely cause: the admin token expired (re-authenticate once, not in a loop) or"
                    + " the admin role lacks the ACL resource this call needs";
        };
    }

    private Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
