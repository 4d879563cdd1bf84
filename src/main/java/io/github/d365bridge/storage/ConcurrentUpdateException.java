package io.github.d365bridge.storage;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;

/**
 * Another worker changed a state record between our read and our write. Retriable: the step re-reads
 * the record and decides again (often finding the work already done).
 */
public class ConcurrentUpdateException extends BridgeException {

    public ConcurrentUpdateException(String table, String partitionKey, String rowKey) {
        super(builder(ExternalSystem.STORAGE, "State record " + table + "(" + partitionKey + "," + rowKey
                + ") was changed by another worker"));
    }
}
