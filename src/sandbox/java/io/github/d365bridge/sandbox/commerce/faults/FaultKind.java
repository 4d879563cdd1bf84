package io.github.d365bridge.sandbox.commerce.faults;

/** What an injected fault answers. */
public enum FaultKind {
    /** 429 {@code {"message":"Too Many Requests","trace":null}}, Retry-After when the rule sets it. */
    THROTTLE(429),
    /** 500 with Magento's "Internal Error … Report ID: webapi-…". */
    SERVER_ERROR(500),
    /** 502 from the proxy in front of Commerce: an HTML page, not JSON. */
    BAD_GATEWAY(502),
    /** 503 from the proxy or maintenance mode: an HTML page, not JSON. */
    UNAVAILABLE(503),
    /** Only the rule's latency; the call then runs normally. */
    LATENCY(200),
    /** The call is carried out (the write is saved), then the connection is closed without an answer. */
    ANSWER_LOST_RESET(0),
    /** The call is carried out (the write is saved), then the proxy answers 502: its upstream answer got lost. */
    ANSWER_LOST_BAD_GATEWAY(502);

    private final int status;

    FaultKind(int status) {
        this.status = status;
    }

    /** 0 for a connection closed without any answer. */
    public int status() {
        return status;
    }

    /** True for faults that let the call run and lose its answer afterwards. */
    public boolean losesAnswer() {
        return this == ANSWER_LOST_RESET || this == ANSWER_LOST_BAD_GATEWAY;
    }

    /** The name the fault counters use: {@code throttle}, {@code serverError}, {@code answerLost} … */
    public String tallyName() {
        return switch (this) {
            case THROTTLE -> "throttle";
            case SERVER_ERROR, BAD_GATEWAY, UNAVAILABLE -> "serverError";
            case LATENCY -> "latency";
            case ANSWER_LOST_RESET, ANSWER_LOST_BAD_GATEWAY -> "answerLost";
        };
    }
}
