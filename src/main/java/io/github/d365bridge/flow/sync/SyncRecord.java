package io.github.d365bridge.flow.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One thing a sync writes to one target scope: exactly the payload the writer sends, so its hash changes
 * when, and only when, what would be written changes.
 *
 * @param key     the source record's key within its legal entity (e.g. the D365 customer account)
 * @param scope   the target scope (e.g. a Commerce website code); one source record may map to several
 * @param type    what the writer makes of it (e.g. {@code customer}, {@code company})
 * @param payload what is written, as the writer needs it
 * @param skip    non-null when the record is not written on purpose (the reason, e.g. no e-mail); still
 *                hashed, so an unchanged skip is reported once, not on every run
 */
public record SyncRecord(String key, String scope, String type, ObjectNode payload, String skip) {

    public static SyncRecord write(String key, String scope, String type, ObjectNode payload) {
        return new SyncRecord(key, scope, type, payload, null);
    }

    public static SyncRecord skipped(String key, String scope, String type, String reason) {
        return new SyncRecord(key, scope, type, null, reason);
    }

    public boolean isSkip() {
        return skip != null;
    }

    /** The content hash stored once the target confirmed this record (or the skip was reported). */
    public String hash() {
        return isSkip() ? ContentHash.ofText(type + "\u0000skip\u0000" + skip) : ContentHash.of(type, payload);
    }
}
