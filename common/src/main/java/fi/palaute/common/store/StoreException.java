package fi.palaute.common.store;

/** A database operation failed; wraps the JDBC exception so callers need not declare it. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
