package io.github.d365bridge.flow.catalog;

import java.util.Optional;

import io.github.d365bridge.mapping.ProductDimensions;

/**
 * The sync key of a variant: its master's item number and the five dimension ids, joined by the unit separator
 * (U+001F), which no D365 item number or dimension id contains. An item's key is its item number alone, so a
 * key with the separator is a variant's and every other key an item's. Variants are records of their own (one
 * state row each) because a master may have hundreds, more than one row could keep scopes for.
 */
final class VariantKey {

    static final char SEPARATOR = '\u001F';

    record Parts(String itemNumber, ProductDimensions dimensions) {
    }

    private VariantKey() {
    }

    static String of(String itemNumber, ProductDimensions dimensions) {
        StringBuilder key = new StringBuilder(itemNumber);
        for (String value : dimensions.inSkuOrder()) {
            key.append(SEPARATOR).append(value);
        }
        return key.toString();
    }

    static Optional<Parts> parse(String key) {
        String[] parts = key.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 6) {
            return Optional.empty();
        }
        return Optional.of(new Parts(parts[0], new ProductDimensions(parts[1], parts[2], parts[3], parts[4], parts[5])));
    }

    /** The item number of an item's or a variant's key. */
    static String itemOf(String key) {
        int at = key.indexOf(SEPARATOR);
        return at < 0 ? key : key.substring(0, at);
    }
}
