package fi.palaute.freshdesk;

import fi.palaute.common.client.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows the shared {@link RateLimiter} down as Freshdesk's {@code X-Ratelimit-Remaining} runs low, so
 * the account's budget (shared with agents' apps and other integrations) is not run to a 429. Freshdesk
 * sends no reset time, and the window depends on the plan (per minute on older plans, per hour on
 * newer ones), so the pause grows as the remaining calls shrink: at the reserve it spaces calls a few
 * seconds apart, at zero it waits a full minute.
 */
public final class RateLimitFeedback {
    private static final Logger log = LoggerFactory.getLogger(RateLimitFeedback.class);
    static final Duration EMPTY_PAUSE = Duration.ofMinutes(1);

    private final RateLimiter limiter;
    private final Clock clock;

    public RateLimitFeedback(RateLimiter limiter, Clock clock) {
        this.limiter = limiter;
        this.clock = clock;
    }

    public void observe(Headers headers) {
        OptionalLong remaining = number(headers.get("X-Ratelimit-Remaining"));
        if (remaining.isEmpty()) return;
        OptionalLong total = number(headers.get("X-Ratelimit-Total"));
        long reserve = reserve(total.orElse(100));
        long left = remaining.getAsLong();
        if (left >= reserve) return;
        Duration pause = left <= 0 ? EMPTY_PAUSE : EMPTY_PAUSE.dividedBy(left + 1);
        limiter.pauseUntil(clock.instant().plus(pause));
        log.info("Freshdesk rate limit low: {} of {} calls left, pausing calls for {} ms", left,
                total.isPresent() ? total.getAsLong() : "?", pause.toMillis());
    }

    /** Calls kept back for agents' own apps: a tenth of the budget, at least 5. */
    static long reserve(long total) {
        return Math.max(5, total / 10);
    }

    private static OptionalLong number(String value) {
        if (value == null) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
