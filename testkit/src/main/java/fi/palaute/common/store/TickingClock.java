package fi.palaute.common.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time plus an offset a test moves: time keeps flowing (job retries and backoff still come due)
 * and jumps forward when asked. For a clock that stands still, see {@link MutableClock}.
 */
public final class TickingClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    public TickingClock() {
    }

    /** Starts at a chosen "now" and ticks from there. */
    public TickingClock(Instant now) {
        set(now);
    }

    public void set(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    public void advance(Duration d) {
        offset = offset.plus(d);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
