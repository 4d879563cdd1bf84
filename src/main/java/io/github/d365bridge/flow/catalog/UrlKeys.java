package io.github.d365bridge.flow.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code url_key} rule. Commerce refuses a product whose URL key another product has in the same store
 * view, and makes one of the name when none is sent, so two D365 products of one name collide. And a rename
 * through the API may make a new key of the new name, breaking every link to the old page. So:
 * <ul>
 *   <li>a key is made once, of the name and the item number ({@code rfi-test-item-rfi-test-001}): unique for
 *       products of one name, and the same on every run (deterministic);</li>
 *   <li>the writer keeps the key it made (the record's target id) and sends it with every write, so a rename
 *       in D365 changes the name and never the URL;</li>
 *   <li>if Commerce still finds it taken (two item numbers that differ only in punctuation or case), the
 *       {@link #fallback} adds a hash of the item number;</li>
 *   <li>a product that was in Commerce before the bridge keeps the key it has.</li>
 * </ul>
 */
final class UrlKeys {

    static final String TAKEN = "URL key for specified store already exists";

    private UrlKeys() {
    }

    /**
     * @param key the record's key: an item number, or a variant's key, whose item number is used (a variant's name
     *            carries its dimension values, which keeps its key apart from its siblings')
     */
    static String of(String name, String key) {
        String item = format(VariantKey.itemOf(key));
        String named = format(name);
        String urlKey = named.isEmpty() ? item : item.isEmpty() || named.endsWith(item) ? named : named + "-" + item;
        return urlKey.isEmpty() ? "item-" + hash(key) : urlKey;
    }

    static String fallback(String name, String itemNumber) {
        return of(name, itemNumber) + "-" + hash(itemNumber);
    }

    static boolean taken(String message) {
        return message != null && message.contains(TAKEN);
    }

    /** As Commerce formats a URL key: accents dropped, lower case, every run of other characters one dash. */
    static String format(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static String hash(String itemNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(itemNumber.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
