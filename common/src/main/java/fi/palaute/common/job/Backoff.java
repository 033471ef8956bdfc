package fi.palaute.common.job;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for the n-th failed attempt. A vendor's Retry-After replaces it: the
 * vendor knows when its rate-limit window resets.
 */
public record Backoff(Duration base, Duration max, double jitter) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), 0.2);

    public Backoff {
        if (base.isNegative() || max.compareTo(base) < 0) throw new IllegalArgumentException("need 0 <= base <= max");
        if (jitter < 0 || jitter >= 1) throw new IllegalArgumentException("jitter must be in [0, 1)");
    }

    public Duration delay(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
        if (retryAfter.isPresent()) {
            // The vendor knows when its window resets; a little spread keeps workers from waking together.
            long spreadMillis = Math.min(1000, retryAfter.get().toMillis() / 10);
            return retryAfter.get().plusMillis(spreadMillis == 0 ? 0 : random.nextLong(spreadMillis + 1));
        }
        double exp = base.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(exp, max.toMillis());
        double spread = capped * jitter * (2 * random.nextDouble() - 1);
        long millis = Math.max(0, Math.round(capped + spread));
        return Duration.ofMillis(millis);
    }
}
