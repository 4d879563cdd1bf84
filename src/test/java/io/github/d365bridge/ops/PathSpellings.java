package io.github.d365bridge.ops;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Spellings of one path that an HTTP stack may normalise to it: matrix parameters ({@code ;x} and a bare
 * {@code ;}) on each segment, a doubled slash, {@code /./} and {@code /a/../} at each position, one
 * percent-encoded character per segment, a trailing slash, and all of these at once. A guard that
 * compares request text instead of the routed resource misses some of them.
 */
final class PathSpellings {

    private PathSpellings() {
    }

    /** @param path absolute, without query, e.g. {@code /api/ops/status} */
    static List<String> of(String path) {
        List<String> segments = List.of(path.substring(1).split("/"));
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(path);
        for (int i = 0; i < segments.size(); i++) {
            spellings.add(replaceSegment(segments, i, segments.get(i) + ";x"));
            spellings.add(replaceSegment(segments, i, segments.get(i) + ";"));
            spellings.add(replaceSegment(segments, i, percentEncodeFirst(segments.get(i))));
        }
        for (int i = 0; i <= segments.size(); i++) {
            spellings.add(insertBefore(segments, i, ""));
            spellings.add(insertBefore(segments, i, "."));
            spellings.add(insertBefore(segments, i, "a/.."));
        }
        spellings.add(path + "/");
        List<String> all = new ArrayList<>(segments);
        all.set(segments.size() - 1, percentEncodeFirst(segments.get(segments.size() - 1)) + ";x");
        all.add(1, ".");
        spellings.add("/" + String.join("/", all) + "/");
        return List.copyOf(spellings);
    }

    private static String replaceSegment(List<String> segments, int index, String replacement) {
        List<String> copy = new ArrayList<>(segments);
        copy.set(index, replacement);
        return "/" + String.join("/", copy);
    }

    /** {@code extra} as a segment of its own before segment {@code index} ("" gives a doubled slash). */
    private static String insertBefore(List<String> segments, int index, String extra) {
        List<String> copy = new ArrayList<>(segments);
        copy.add(index, extra);
        return "/" + String.join("/", copy);
    }

    /** {@code ops} → {@code %6Fps}: an unreserved character percent-encoded, which must decode to itself. */
    static String percentEncodeFirst(String segment) {
        if (segment.isEmpty()) {
            return segment;
        }
        return String.format(Locale.ROOT, "%%%02X", (int) segment.charAt(0)) + segment.substring(1);
    }
}
