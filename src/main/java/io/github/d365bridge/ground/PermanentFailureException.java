package io.github.d365bridge.ground;

/**
 * A failure no retry can mend: bad input, a message of an unknown version, a mapping gap. The
 * {@link ErrorClassifier} treats it as permanent whatever its HTTP status, so the record goes
 * straight to its failed/poison place with this message as the reason.
 */
public class PermanentFailureException extends BridgeException {

    public PermanentFailureException(ExternalSystem system, String message) {
        super(system, message);
    }

    public PermanentFailureException(ExternalSystem system, String message, Throwable cause) {
        super(system, message, cause);
    }
}
