package fi.palaute.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock set to a chosen "now" that keeps ticking from there, so job retries and backoff still come due. */
final class TestClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    TestClock(Instant now) {
        set(now);
    }

    void set(Instant now) {
        offset = Duration.between(Instant.now(), now);
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
        throw new UnsupportedOperationException();
    }
}
