package io.github.d365bridge.client.commerce.bulk;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.CommerceAnswers.UnexpectedAnswerException;

/**
 * Reads the two bulk answers and maps every operation back to the entry it came from (operation
 * {@code id} = index in the submitted array). An entry Commerce does not mention stays {@code OPEN}:
 * nothing is assumed done that Commerce did not report done.
 */
final class BulkAnswers {

    private BulkAnswers() {
    }

    /** {@code 202 {"bulk_uuid","request_items":[{"id","data_hash","status"}],"errors"}}. */
    static BulkSubmission submission(JsonNode json, String route, List<BulkEntry> entries) {
        if (!json.isObject() || !json.path("request_items").isArray()) {
            throw new UnexpectedAnswerException("expected {bulk_uuid, request_items[]} from a bulk submission");
        }
        String uuid = json.path("bulk_uuid").isTextual() ? json.get("bulk_uuid").asText() : null;
        BulkOutcome[] items = new BulkOutcome[entries.size()];
        for (JsonNode item : json.get("request_items")) {
            int index = index(item, entries.size());
            boolean rejected = "rejected".equalsIgnoreCase(item.path("status").asText());
            items[index] = new BulkOutcome(index, entries.get(index).recordKey(),
                    rejected ? BulkOperationStatus.REJECTED : BulkOperationStatus.OPEN,
                    rejected ? text(item, "error_message") : null, text(item, "error_code"));
        }
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            outcomes.add(items[i] != null ? items[i] : new BulkOutcome(i, entries.get(i).recordKey(),
                    BulkOperationStatus.OPEN, "not acknowledged in the submit answer", null));
        }
        if (uuid == null && outcomes.stream().anyMatch(o -> o.status() != BulkOperationStatus.REJECTED)) {
            throw new UnexpectedAnswerException("bulk submission accepted items but returned no bulk_uuid");
        }
        return new BulkSubmission(uuid, route, outcomes);
    }

    /** {@code GET /V1/bulk/{uuid}/detailed-status}: {@code operations_list[{id,status,result_message,error_code}]}. */
    static List<BulkOutcome> detailedStatus(JsonNode json, BulkSubmission submission) {
        if (!json.isObject() || !json.path("operations_list").isArray()) {
            throw new UnexpectedAnswerException("expected {operations_list[]} from a bulk status");
        }
        List<BulkOutcome> outcomes = new ArrayList<>(submission.items());
        List<BulkOutcome> reported = new ArrayList<>();
        for (JsonNode op : json.get("operations_list")) {
            int index = index(op, outcomes.size());
            if (!op.path("status").canConvertToInt()) {
                throw new UnexpectedAnswerException("bulk operation " + index + " has no numeric status");
            }
            BulkOperationStatus status = BulkOperationStatus.fromCode(op.get("status").asInt());
            reported.add(new BulkOutcome(index, outcomes.get(index).recordKey(), status,
                    text(op, "result_message"), text(op, "error_code")));
        }
        for (BulkOutcome outcome : reported) {
            // A rejection at submit is final even if the status list says otherwise.
            if (outcomes.get(outcome.index()).status() != BulkOperationStatus.REJECTED) {
                outcomes.set(outcome.index(), outcome);
            }
        }
        return outcomes;
    }

    private static int index(JsonNode item, int size) {
        if (!item.path("id").canConvertToInt()) {
            throw new UnexpectedAnswerException("bulk item without a numeric id");
        }
        int index = item.get("id").asInt();
        if (index < 0 || index >= size) {
            throw new UnexpectedAnswerException("bulk item id " + index + " is outside the " + size + " entries sent");
        }
        return index;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
