package io.github.d365bridge.client.commerce.bulk;

/** Status of one operation of an async bulk, with Commerce's numeric codes. */
public enum BulkOperationStatus {
    /** 1: the operation ran and succeeded. */
    COMPLETE(1),
    /** 2: failed, may succeed when sent again (e.g. a lock wait). */
    RETRIABLY_FAILED(2),
    /** 3: failed for good (bad data). */
    FAILED(3),
    /** 4: not processed yet, or never picked up because the consumer does not run. Never success. */
    OPEN(4),
    /** 5: refused before queueing (at submit, or by the consumer's validation). */
    REJECTED(5);

    private final int code;

    BulkOperationStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws IllegalArgumentException for a code Commerce does not document */
    public static BulkOperationStatus fromCode(int code) {
        for (BulkOperationStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown bulk operation status " + code);
    }
}
