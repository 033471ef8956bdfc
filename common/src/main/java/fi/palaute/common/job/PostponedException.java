package fi.palaute.common.job;

import java.time.Instant;

/**
 * Not a failure: the job is not due yet after all (an experiment arm with a longer send delay than the
 * job was scheduled for). The job goes back to pending until {@code until} and keeps its attempts.
 */
public class PostponedException extends RuntimeException {
    private final Instant until;

    public PostponedException(String reason, Instant until) {
        super(reason);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
