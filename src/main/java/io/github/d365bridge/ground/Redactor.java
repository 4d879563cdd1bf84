package io.github.d365bridge.ground;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a log line, an exception message or a status view:
 * bearer and OAuth authorization values, storage account keys and SAS signatures, client secrets,
 * passwords and tokens in form or JSON bodies. Applied by the log filter to every record, so a
 * careless log statement still cannot leak a secret.
 */
public final class Redactor {

    public static final String MASK = "***";

    private static final List<Pattern> PATTERNS = List.of(
            // Bearer/Basic credentials: real ones are long; the length keeps prose ("Bearer tokens") readable
            Pattern.compile("(?i)(\\b(?:bearer|basic)\\s+)[A-Za-z0-9._~+/=-]{16,}"),
            // (to the end of the line: an OAuth header holds several quoted parts)
            Pattern.compile("(?i)(\\bauthorization\"?\\s*[:=]\\s*\"?)[^\\r\\n]+"),
            // connection strings and SAS query parameters
            Pattern.compile("(?i)(accountkey=)[^;\\s\"]+"),
            Pattern.compile("(?i)(sharedaccesssignature=)[^;\\s\"]+"),
            Pattern.compile("(?i)([?&]sig=)[^&\\s\"]+"),
            // form and query fields
            Pattern.compile("(?i)((?:client_secret|client_assertion|password|access_token|refresh_token|id_token|oauth_signature|oauth_token_secret|consumer_secret|token_secret|ops[-_]?key|api[-_]?key|x-ops-key)\\s*[=:]\\s*\"?)[^&\\s\",}]+"),
            // JSON fields
            Pattern.compile("(?i)(\"(?:client_secret|password|access_token|refresh_token|id_token|token|secret|consumerSecret|accessTokenSecret)\"\\s*:\\s*\")[^\"]*"));

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
            }
        }
        return result;
    }

    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "…(" + (text.length() - max) + " more chars)";
    }
}
