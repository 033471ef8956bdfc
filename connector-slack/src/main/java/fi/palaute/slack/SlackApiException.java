package fi.palaute.slack;

import fi.palaute.common.job.PermanentFailureException;

/**
 * Slack answered {@code {"ok": false, "error": …}} with an error retrying cannot fix
 * ({@code channel_not_found}, {@code not_in_channel}, {@code invalid_auth} …). The job goes dead with the
 * error named, so the operator sees which one to fix.
 */
public final class SlackApiException extends PermanentFailureException {
    private final String method;
    private final String error;

    public SlackApiException(String method, String error) {
        super("slack " + method + " failed: " + error);
        this.method = method;
        this.error = error;
    }

    public String method() { return method; }

    public String error() { return error; }
}
