package io.github.d365bridge.client.commerce;

import java.util.Objects;

import io.github.d365bridge.config.CommerceConfig.AuthMode;

/**
 * What an error message needs to know about the call that failed: the operation (e.g.
 * {@code products.save}), the store code in the URL, the business key of the record and the auth mode
 * (so a 401 can name the likely setting). Optional parts may be null.
 */
public record CommerceCall(String operation, String storeCode, String recordKey, AuthMode authMode) {

    public CommerceCall {
        Objects.requireNonNull(operation, "operation");
    }

    public static CommerceCall of(String operation) {
        return new CommerceCall(operation, null, null, null);
    }

    public CommerceCall store(String value) {
        return new CommerceCall(operation, value, recordKey, authMode);
    }

    public CommerceCall record(String value) {
        return new CommerceCall(operation, storeCode, value, authMode);
    }

    public CommerceCall authMode(AuthMode value) {
        return new CommerceCall(operation, storeCode, recordKey, value);
    }

    /** {@code products.save (store all, record SKU-1)}, for the start of a message. */
    String describe() {
        StringBuilder text = new StringBuilder(operation).append(" (store ")
                .append(storeCode == null || storeCode.isBlank() ? "<default store view>" : storeCode);
        if (recordKey != null && !recordKey.isBlank()) {
            text.append(", record ").append(recordKey);
        }
        return text.append(')').toString();
    }
}
