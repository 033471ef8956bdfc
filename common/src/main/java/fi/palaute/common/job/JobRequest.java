package fi.palaute.common.job;

import java.time.Instant;
import java.util.Objects;

/**
 * A job to enqueue. A non-null {@code dedupeKey} makes the enqueue idempotent: a second request with
 * the same key is dropped, which is how duplicate webhooks and digests become exactly-once.
 */
public record JobRequest(String kind, String payload, Instant dueAt, String dedupeKey, int maxAttempts) {
    public static final int DEFAULT_MAX_ATTEMPTS = 12;

    public JobRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(dueAt, "dueAt");
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    }

    public static JobRequest of(String kind, String payload, Instant dueAt) {
        return new JobRequest(kind, payload, dueAt, null, DEFAULT_MAX_ATTEMPTS);
    }

    public JobRequest withDedupeKey(String key) {
        return new JobRequest(kind, payload, dueAt, key, maxAttempts);
    }

    public JobRequest withMaxAttempts(int attempts) {
        return new JobRequest(kind, payload, dueAt, dedupeKey, attempts);
    }
}
