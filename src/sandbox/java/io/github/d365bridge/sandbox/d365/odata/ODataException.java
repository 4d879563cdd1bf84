package io.github.d365bridge.sandbox.d365.odata;

/**
 * A request the sandbox refuses the way the OData service does: an HTTP status and the texts of the
 * error body ({@code message} and the inner error's {@code type}).
 */
public final class ODataException extends RuntimeException {

    private final int status;
    private final String type;

    public ODataException(int status, String message, String type) {
        super(message);
        this.status = status;
        this.type = type;
    }

    /** 400 from the URI parser (Microsoft.OData.ODataException in the real inner error). */
    public static ODataException badRequest(String message) {
        return new ODataException(400, message, "Microsoft.OData.ODataException");
    }

    /** 400 from business logic (a validation in X++ surfaces as an InvalidOperationException). */
    public static ODataException validation(String message) {
        return new ODataException(400, message, "System.InvalidOperationException");
    }

    public static ODataException notFound(String message) {
        return new ODataException(404, message, "Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataObjectNotFoundException");
    }

    public static ODataException unknownProperty(String property, String qualifiedType) {
        return badRequest("Could not find a property named '" + property + "' on type '" + qualifiedType + "'.");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
