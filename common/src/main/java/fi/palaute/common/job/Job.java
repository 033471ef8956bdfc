package fi.palaute.common.job;

import java.time.Instant;

/** A claimed job: what to do ({@code kind}, {@code payload}) and how often it has been tried. */
public record Job(long id, String kind, String payload, int attempts, int maxAttempts, Instant dueAt,
                  Instant createdAt, String leaseOwner) {

    public boolean isLastAttempt() {
        return attempts >= maxAttempts;
    }
}
