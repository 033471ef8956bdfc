package fi.palaute.slack;

import fi.palaute.common.job.RetryLaterException;
import java.time.Duration;

/**
 * Slack answered {@code {"ok": false, "error": …}} with an error it documents as transient
 * ({@code ratelimited}, {@code internal_error} …): the job is tried again, after {@code retryAfter} when
 * Slack said so.
 */
public final class SlackRetryableException extends RetryLaterException {
    private final String method;
    private final String error;

    public SlackRetryableException(String method, String error, Duration retryAfter) {
        super("slack " + method + " answered " + error, retryAfter);
        this.method = method;
        this.error = error;
    }

    public String method() { return method; }

    public String error() { return error; }

    /** Slack refused the call for its rate before doing anything: nothing was posted. */
    public boolean isRateLimit() {
        return error.equals("ratelimited") || error.equals("rate_limited");
    }
}
