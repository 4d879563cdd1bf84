package io.github.d365bridge.sandbox.commerce.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A synchronous REST route as Commerce's {@code webapi.xml} declares it: method, template with
 * {@code {param}} segments, the ACL resource named in 401 answers, and the top-level body members an
 * async bulk item must carry to be accepted.
 */
public record Route(String method, String template, String aclResource, List<String> requiredBodyKeys,
        RouteHandler handler) {

    public Route {
        requiredBodyKeys = List.copyOf(requiredBodyKeys);
    }

    public List<String> segments() {
        return List.of(template.substring(1).split("/"));
    }

    public int placeholderCount() {
        return (int) segments().stream().filter(Route::isPlaceholder).count();
    }

    /** Path parameters when {@code path} fits this template, e.g. {@code /V1/products/S1}. */
    public Optional<Map<String, String>> match(String path) {
        List<String> actual = split(path);
        List<String> expected = segments();
        if (actual.size() != expected.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            if (isPlaceholder(want)) {
                if (actual.get(i).isEmpty()) {
                    return Optional.empty();
                }
                params.put(want.substring(1, want.length() - 1), decodeSegment(actual.get(i)));
            } else if (!want.equals(actual.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /**
     * Names of the path parameters when {@code path} is this template in async bulk spelling, where
     * each {@code {param}} segment is written {@code by<Param>} ({@code /V1/products/bySku}).
     */
    public Optional<List<String>> matchBulk(String path) {
        List<String> actual = split(path);
        List<String> expected = segments();
        if (actual.size() != expected.size()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            if (isPlaceholder(want)) {
                String name = want.substring(1, want.length() - 1);
                String spelled = "by" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
                if (!spelled.equals(actual.get(i))) {
                    return Optional.empty();
                }
                names.add(name);
            } else if (!want.equals(actual.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(names);
    }

    /** {@code /V1/company/} and {@code /V1/company} are the same route to Magento's router. */
    private static List<String> split(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return List.of(trimmed.substring(1).split("/", -1));
    }

    private static boolean isPlaceholder(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    public String key() {
        return method + " " + template;
    }

    /** Path parameters arrive percent-encoded (a SKU with a space is {@code S%201}); Magento decodes them. */
    private static String decodeSegment(String raw) {
        // '+' is a literal plus in a path, not a space as in form encoding
        return java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
