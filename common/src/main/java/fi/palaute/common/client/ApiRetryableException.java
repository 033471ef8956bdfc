package fi.palaute.common.client;

import fi.palaute.common.job.RetryLaterException;
import java.time.Duration;

/** The thrown form of {@link CallResult.RetryLater}: 429, 5xx, a timeout or a broken connection. */
public final class ApiRetryableException extends RetryLaterException {
    private final int status;

    public ApiRetryableException(int status, String message, Duration retryAfter, Throwable cause) {
        super(message, retryAfter, cause);
        this.status = status;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() { return status; }
}
