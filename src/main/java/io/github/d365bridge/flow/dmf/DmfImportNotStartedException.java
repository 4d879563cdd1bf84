package io.github.d365bridge.flow.dmf;

/**
 * An import that certainly did not start: the package could not be uploaded, or D365 refused the import
 * and does not know the execution. Its records can be packaged again. {@link #refusedByD365()} tells the
 * flow whether the refusal is D365's verdict on this package (worth counting against its records) or a
 * passing failure on the way (an upload that failed, which is nobody's fault). Classified like its cause.
 */
public final class DmfImportNotStartedException extends RuntimeException {

    private final boolean refusedByD365;

    public DmfImportNotStartedException(String message, RuntimeException cause, boolean refusedByD365) {
        super(message + ": " + cause.getMessage(), cause);
        this.refusedByD365 = refusedByD365;
    }

    public boolean refusedByD365() {
        return refusedByD365;
    }
}
