package fi.palaute.common.job;

/** A failure that retrying cannot fix (401, 403, 404, a validation error): the job goes dead at once. */
public class PermanentFailureException extends RuntimeException {
    public PermanentFailureException(String message) {
        super(message);
    }

    public PermanentFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
