package io.github.d365bridge.client.commerce;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;

/**
 * Carries a failure of a non-repeatable write whose effect is unknown through the in-call retry
 * (which stops on it, being permanent) so that {@link CommerceHttp} can report the original failure,
 * still retriable for the queue's redelivery, with a note that it was not repeated.
 */
final class OutcomeUnknown extends PermanentFailureException {

    private final BridgeException original;

    OutcomeUnknown(BridgeException original) {
        super(ExternalSystem.COMMERCE, "outcome unknown", original);
        this.original = original;
    }

    /**
     * 502 and 504 come from a proxy that may have passed the request on; a timeout or a connection lost
     * after connecting may hit a request Commerce is still processing. A refused connection or a
     * connect timeout never reached Commerce, and 429/503 mean it was not processed: those are safe.
     */
    static boolean applies(BridgeException failure) {
        if (failure.httpStatus() == 502 || failure.httpStatus() == 504) {
            return true;
        }
        if (failure.httpStatus() != 0) {
            return false;
        }
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
                return false;
            }
            if (t instanceof HttpTimeoutException || t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    BridgeException asReported(String call) {
        String text = original.getMessage();
        String prefix = "[" + ExternalSystem.COMMERCE + "] ";
        return BridgeException.builder(ExternalSystem.COMMERCE, call + " was not repeated because Commerce may have"
                + " applied it; check before sending it again. " + (text.startsWith(prefix) ? text.substring(prefix.length()) : text))
                .httpStatus(original.httpStatus()).cause(original).build();
    }
}
