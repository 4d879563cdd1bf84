package io.github.d365bridge.ground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import com.azure.core.exception.HttpResponseException;

/**
 * The one place that decides whether a failure is worth retrying. Clients, queue dispatch and flows
 * ask here instead of inspecting status codes themselves.
 */
public final class ErrorClassifier {

    /** What to do about a failure. */
    public enum Classification {
        /** The same call may succeed later: throttling, server trouble, lost connection. */
        RETRIABLE,
        /** Retrying cannot help: bad request, missing permission, bad data, bug. */
        PERMANENT
    }

    private ErrorClassifier() {
    }

    public static Classification classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PermanentFailureException) {
                return Classification.PERMANENT;
            }
            if (t instanceof BridgeException bridge && bridge.httpStatus() > 0) {
                return classifyStatus(bridge.httpStatus());
            }
            if (t instanceof HttpResponseException azure && azure.getResponse() != null) {
                return classifyStatus(azure.getResponse().getStatusCode());
            }
            if (isTransportFailure(t)) {
                return Classification.RETRIABLE;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        // Programming errors fail the same way on every delivery: send them to poison at once, where
        // they are visible and replayable after a fix. Anything else unknown gets the bounded retries.
        return isProgrammingError(failure) ? Classification.PERMANENT : Classification.RETRIABLE;
    }

    public static boolean isRetriable(Throwable failure) {
        return classify(failure) == Classification.RETRIABLE;
    }

    /**
     * 408 (timeout), 429 (throttled), 5xx except 501/505 are transient. Every other 4xx is the
     * caller's fault and will fail the same way again.
     */
    public static Classification classifyStatus(int status) {
        if (status == 408 || status == 429) {
            return Classification.RETRIABLE;
        }
        if (status >= 500) {
            return status == 501 || status == 505 ? Classification.PERMANENT : Classification.RETRIABLE;
        }
        return status >= 400 ? Classification.PERMANENT : Classification.RETRIABLE;
    }

    private static boolean isProgrammingError(Throwable t) {
        return t instanceof NullPointerException
                || t instanceof IllegalArgumentException
                || t instanceof IllegalStateException
                || t instanceof ClassCastException
                || t instanceof UnsupportedOperationException;
    }

    private static boolean isTransportFailure(Throwable t) {
        return t instanceof ConnectException
                || t instanceof SocketTimeoutException
                || t instanceof HttpTimeoutException
                || t instanceof TimeoutException
                || t instanceof UncheckedIOException
                || t instanceof IOException;
    }
}
