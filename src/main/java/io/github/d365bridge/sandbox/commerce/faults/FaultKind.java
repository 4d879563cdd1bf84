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
    LATENCY(200);

    private final int status;

    FaultKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
