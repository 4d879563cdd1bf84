package io.github.d365bridge.storage;

import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;

/** A queue message that can never be handled as it is: unparseable, unknown version, no handler. */
public class PoisonMessageException extends PermanentFailureException {

    public PoisonMessageException(String message) {
        super(ExternalSystem.BRIDGE, message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(ExternalSystem.BRIDGE, message, cause);
    }
}
