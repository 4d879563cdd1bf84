package io.github.d365bridge.runtime;

/** How one delivery ended, as far as the trigger is concerned. */
public enum DispatchOutcome {
    /** Handled: delete the message. */
    DONE,
    /** Copied to the poison queue with its reason recorded: delete the original. */
    POISONED,
    /** Not done, may succeed later: a copy was put back with a delay (the next retry); delete the original. */
    RESCHEDULED,
    /** Not done, may succeed later: leave the message to reappear after the visibility timeout. */
    RETRY
}
