package fi.palaute.common.job;

import java.time.Duration;
import java.util.Optional;

/**
 * A transient failure (429, 5xx, I/O, data not ready yet): the job is tried again later, no sooner
 * than {@code retryAfter} when the vendor said so.
 */
public class RetryLaterException extends RuntimeException {
    private final Duration retryAfter;

    public RetryLaterException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public RetryLaterException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
