package io.github.d365bridge.flow.orders.intake;

/**
 * Why an intake request is refused, with the HTTP status to answer. Thrown before anything is enqueued,
 * so a refused delivery never leaves half of its orders on the queue. The reason goes back to the
 * caller and into the log: it names fields and checks, never signatures or body content.
 */
public final class IntakeRejection extends RuntimeException {

    private final int status;

    public IntakeRejection(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public static IntakeRejection badRequest(String reason) {
        return new IntakeRejection(400, reason);
    }

    public int status() {
        return status;
    }
}
