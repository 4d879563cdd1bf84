package io.github.d365bridge.sandbox.d365.dmf;

/** A package D365 would not import at all: the job ends Failed with this text in its errors. */
final class ImportFailure extends RuntimeException {

    ImportFailure(String message) {
        super(message);
    }
}
