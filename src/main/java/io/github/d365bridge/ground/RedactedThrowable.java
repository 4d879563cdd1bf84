package io.github.d365bridge.ground;

/**
 * Stands in for a throwable in a log record so that its message and its causes' messages are printed
 * redacted, with the original stack trace.
 */
final class RedactedThrowable extends RuntimeException {

    private final String originalClass;

    private RedactedThrowable(Throwable original, Throwable cause) {
        super(Redactor.redact(original.getMessage()), cause, false, true);
        this.originalClass = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    static Throwable wrap(Throwable original) {
        if (original instanceof RedactedThrowable) {
            return original;
        }
        Throwable cause = original.getCause() == null || original.getCause() == original
                ? null
                : wrap(original.getCause());
        return new RedactedThrowable(original, cause);
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }
}
