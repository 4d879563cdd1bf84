package io.github.d365bridge.flow.orders.intake;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit; one byte more means the body is too large (413). */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(InputStream in, int limit) {
        if (in == null) {
            return new byte[0];
        }
        try (InputStream body = in) {
            byte[] bytes = body.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new IntakeRejection(413, "body is larger than " + limit + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw IntakeRejection.badRequest("body could not be read");
        }
    }

    /** The same limit for a body the HTTP layer already buffered (non-blocking endpoints). */
    static byte[] check(byte[] body, int limit) {
        if (body == null) {
            return new byte[0];
        }
        if (body.length > limit) {
            throw new IntakeRejection(413, "body is larger than " + limit + " bytes");
        }
        return body;
    }

    static String tooLargeJson(int limit) {
        return "{\"error\":\"body is larger than " + limit + " bytes\"}";
    }
}
