package fi.palaute.common.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces calls to one vendor account: at most {@code permits} per {@code window}, spread evenly, and a
 * full stop until a given time after the vendor says "slow down" (429, or a rate-limit header near
 * zero). Shared by all workers of a process so they back off together.
 */
public final class RateLimiter {
    private final Clock clock;
    private final long intervalNanos;
    private long nextFreeNanos;
    private Instant pausedUntil = Instant.EPOCH;

    public RateLimiter(int permits, Duration window, Clock clock) {
        if (permits < 1) throw new IllegalArgumentException("permits must be at least 1");
        this.clock = clock;
        this.intervalNanos = window.toNanos() / permits;
        this.nextFreeNanos = System.nanoTime();
    }

    public static RateLimiter unlimited(Clock clock) {
        return new RateLimiter(Integer.MAX_VALUE, Duration.ofSeconds(1), clock);
    }

    /** Blocks until a call may be made. */
    public void acquire() throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            long pauseNanos = Math.max(0, Duration.between(clock.instant(), pausedUntil).toNanos());
            long now = System.nanoTime();
            long slot = Math.max(nextFreeNanos, now + pauseNanos);
            nextFreeNanos = slot + intervalNanos;
            waitNanos = slot - now;
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
        // A pause may have begun while this caller slept on a slot taken before it.
        Duration stillPaused = Duration.between(clock.instant(), pausedUntil());
        if (!stillPaused.isNegative() && !stillPaused.isZero()) Thread.sleep(stillPaused.toMillis() + 1);
    }

    /** No calls until then (the vendor's Retry-After or rate-limit reset). */
    public synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) pausedUntil = until;
    }

    public synchronized Instant pausedUntil() {
        return pausedUntil;
    }
}
