package io.github.d365bridge.flow.dmf;

/**
 * An import that certainly did not start: the package could not be uploaded, or its execution was given
 * up (by the reconciler) before it was submitted. Nothing was sent to D365's import, so its records can be
 * packaged again without counting anything against them. Classified like its cause (none: retriable).
 */
public final class DmfImportNotStartedException extends RuntimeException {

    public DmfImportNotStartedException(String message, RuntimeException cause) {
        super(cause == null ? message : message + ": " + cause.getMessage(), cause);
    }
}
