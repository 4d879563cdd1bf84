package io.github.d365bridge.flow.orders;

import java.util.ArrayList;
import java.util.List;

/**
 * What a write needs to know about the read it is based on: the row read (record or index copy), that row's
 * ETag, and the index rows the order had then (so the write deletes those it no longer has). Carried in
 * {@link LedgerEntry#etag()} as one opaque text, so the entry stays a plain value.
 *
 * @param row       the row the entry was read from
 * @param etag      that row's ETag at the read
 * @param indexRows the order's index rows at the read
 */
record LedgerVersion(String row, String etag, List<String> indexRows) {

    // Table keys and ETags hold no control characters, so this separator cannot occur inside a part.
    private static final String SEPARATOR = "\u0000";

    LedgerVersion {
        indexRows = List.copyOf(indexRows);
    }

    static LedgerVersion of(String row, String etag, List<String> indexRows) {
        return new LedgerVersion(row, etag, indexRows);
    }

    String token() {
        return row + SEPARATOR + etag + (indexRows.isEmpty() ? "" : SEPARATOR + String.join(SEPARATOR, indexRows));
    }

    /** @throws IllegalArgumentException for an entry not read from the ledger (built by hand) */
    static LedgerVersion parse(String token) {
        String[] parts = token == null ? new String[0] : token.split(SEPARATOR, -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a ledger read (no version): an entry must come from the ledger "
                    + "before it is written back");
        }
        List<String> index = new ArrayList<>();
        for (int i = 2; i < parts.length; i++) {
            index.add(parts[i]);
        }
        return new LedgerVersion(parts[0], parts[1], index);
    }
}
