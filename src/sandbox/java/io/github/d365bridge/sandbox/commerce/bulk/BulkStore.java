package io.github.d365bridge.sandbox.commerce.bulk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.ground.Json;

/**
 * Bulks and their operations, and the three status answers of {@code /V1/bulk/{uuid}/…}. Open
 * operations wait in submission order in a queue of their own, so the {@link BulkConsumer} takes the
 * next one in constant time however many finished operations the store holds.
 */
public final class BulkStore {

    record Bulk(String uuid, String description, String startTime, List<BulkOperation> operations) {
    }

    private final Map<String, Bulk> bulks = new LinkedHashMap<>();
    private final Deque<BulkOperation> open = new ArrayDeque<>();

    synchronized void add(Bulk bulk) {
        bulks.put(bulk.uuid(), bulk);
        bulk.operations().stream().filter(op -> op.status == BulkOperation.OPEN).forEach(open::addLast);
    }

    /** The oldest operation still open, if any, taken off the queue: the consumer now owns it. */
    synchronized Optional<BulkOperation> nextOpen() {
        return Optional.ofNullable(open.pollFirst());
    }

    synchronized void finish(BulkOperation op, int status, String message, String result, int errorCode) {
        op.status = status;
        op.resultMessage = message;
        op.resultSerializedData = result;
        op.errorCode = errorCode;
    }

    /** Operations waiting for the consumer, over every bulk. */
    public synchronized int openCount() {
        return open.size();
    }

    private Bulk bulk(String uuid) {
        Bulk bulk = bulks.get(uuid);
        if (bulk == null) {
            throw CommerceException.named(404, "Bulk uuid %bulkUuid not exist", Map.of("bulkUuid", uuid));
        }
        return bulk;
    }

    public synchronized ObjectNode status(String uuid, boolean detailed) {
        Bulk bulk = bulk(uuid);
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode list = answer.putArray("operations_list");
        for (BulkOperation op : bulk.operations()) {
            ObjectNode row = list.addObject().put("id", op.id);
            if (detailed) {
                row.put("bulk_uuid", bulk.uuid()).put("topic_name", op.topicName)
                        .put("serialized_data", op.serializedData()).put("result_serialized_data", op.resultSerializedData);
            }
            row.put("status", op.status).put("result_message", op.resultMessage).put("error_code", op.errorCode);
        }
        answer.put("user_type", 2).put("bulk_id", bulk.uuid()).put("description", bulk.description())
                .put("start_time", bulk.startTime()).put("user_id", 1).put("operation_count", bulk.operations().size());
        return answer;
    }

    public synchronized int count(String uuid, int status) {
        return (int) bulk(uuid).operations().stream().filter(op -> op.status == status).count();
    }

    /** Every operation of a bulk, for tests. */
    public synchronized List<BulkOperation> operations(String uuid) {
        return new ArrayList<>(bulk(uuid).operations());
    }

    /** Uuids of every bulk, oldest first. */
    public synchronized List<String> uuids() {
        return new ArrayList<>(bulks.keySet());
    }
}
