package io.github.d365bridge.client.commerce.bulk;

/**
 * What became of one submitted entry.
 *
 * @param index     position in the submitted list (Commerce's operation id)
 * @param recordKey the business key given at submit
 * @param message   Commerce's result or error message, or why the status is assumed; may be null
 * @param errorCode Commerce's error code, if any
 */
public record BulkOutcome(int index, String recordKey, BulkOperationStatus status, String message, String errorCode) {
}
