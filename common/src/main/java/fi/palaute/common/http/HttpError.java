package fi.palaute.common.http;

/** Thrown by a handler to answer a specific client error with the standard JSON error body. */
public final class HttpError extends RuntimeException {
    private final int status;
    private final String error;

    public HttpError(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    public int status() { return status; }

    public String error() { return error; }

    public Response toResponse() {
        return Response.error(status, error, getMessage());
    }
}
