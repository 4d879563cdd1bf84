package io.github.d365bridge.sandbox.d365.store;

/** A create whose key already exists, which D365 refuses with "The record already exists." */
public final class DuplicateKeyException extends RuntimeException {

    public DuplicateKeyException(String message) {
        super(message);
    }
}
