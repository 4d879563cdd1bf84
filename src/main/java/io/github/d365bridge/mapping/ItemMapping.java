package io.github.d365bridge.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * SKU → D365 item number. The explicit table wins; then the first prefix rule whose Commerce prefix
 * starts the SKU; then, in {@code identity} mode, the SKU itself. In {@code table} mode a SKU the table
 * does not list has no item number (the order fails) — prefix rules do not apply there, because a
 * table-mode profile promises every SKU was mapped by hand. Values are never trimmed: D365 item numbers
 * can legitimately carry leading spaces.
 *
 * @param mode        {@code identity} or {@code table}
 * @param table       SKU → item number
 * @param prefixRules prefix rewrites for identity mode, tried in order
 * @param unitSymbol  D365 sales unit of every mapped line (e.g. {@code ea})
 */
public record ItemMapping(Mode mode, Map<String, String> table, List<PrefixRule> prefixRules, String unitSymbol) {

    public ItemMapping {
        table = Collections2.map(table);
        prefixRules = Collections2.list(prefixRules);
    }

    public Optional<String> itemNumber(String sku) {
        if (sku == null) {
            return Optional.empty();
        }
        String explicit = table.get(sku);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        if (mode == Mode.TABLE) {
            return Optional.empty();
        }
        return Optional.of(prefixRules.stream().filter(rule -> sku.startsWith(rule.commercePrefix()))
                .findFirst().map(rule -> rule.itemPrefix() + sku.substring(rule.commercePrefix().length()))
                .orElse(sku));
    }

    public enum Mode {
        @JsonProperty("identity") IDENTITY,
        @JsonProperty("table") TABLE
    }

    /**
     * Replaces a SKU's leading {@code commercePrefix} with {@code itemPrefix} (which may be empty), e.g.
     * {@code EU-1000 → 1000}.
     */
    public record PrefixRule(String commercePrefix, String itemPrefix) {

        public PrefixRule {
            itemPrefix = itemPrefix == null ? "" : itemPrefix;
        }
    }
}
