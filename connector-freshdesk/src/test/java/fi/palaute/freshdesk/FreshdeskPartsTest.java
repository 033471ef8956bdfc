package fi.palaute.freshdesk;

import static org.junit.jupiter.api.Assertions.*;

import fi.palaute.common.client.RateLimiter;
import fi.palaute.common.score.Metric;
import fi.palaute.common.survey.AnswerWriteBack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The small rules: time_spent, pagination links, tag merge, rate-limit slow-down. */
class FreshdeskPartsTest {
    @Test
    void timeSpentIsHoursAndMinutes() {
        assertEquals(3600 + 30 * 60, new TimeEntry(1, 1L, "01:30", false, true).seconds());
        assertEquals(125 * 3600 + 5 * 60, new TimeEntry(2, 1L, "125:05", false, true).seconds());
        assertThrows(IllegalArgumentException.class, () -> new TimeEntry(3, 1L, "1.5h", false, true).seconds());
    }

    @Test
    void nextPageComesFromTheLinkHeader() {
        assertEquals(Optional.of("https://acme.freshdesk.com/api/v2/tickets/1/conversations?page=2&per_page=100"),
                FreshdeskClient.nextPage(Optional.of(
                        "<https://acme.freshdesk.com/api/v2/tickets/1/conversations?page=2&per_page=100>; rel=\"next\"")));
        assertEquals(Optional.empty(), FreshdeskClient.nextPage(Optional.empty()));
    }

    @Test
    void tagMergeKeepsTheCustomersTagsAndLeavesExactlyOneScoreTag() {
        AnswerWriteBack answer = new AnswerWriteBack(7, "1", Metric.CSAT, 5, null, false, Instant.EPOCH);
        assertEquals(List.of("vip", "billing", "palaute_csat_5"),
                FreshdeskHelpdesk.mergedTags(List.of("vip", "palaute_csat_2", "billing", "palaute_nps_9",
                        "palaute_suspected_bot"), answer),
                "an earlier answer's score tag, of any metric, and a stale bot flag go; the customer's tags stay");
        AnswerWriteBack bot = new AnswerWriteBack(8, "1", Metric.CSAT, 5, null, true, Instant.EPOCH);
        assertEquals(List.of("vip", "palaute_csat_5", "palaute_suspected_bot"),
                FreshdeskHelpdesk.mergedTags(List.of("vip", "palaute_csat_5"), bot));
    }

    @Test
    void lowRemainingCallsPauseTheLimiterBeforeZero() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), java.time.ZoneOffset.UTC);
        RateLimiter limiter = new RateLimiter(100, Duration.ofMinutes(1), clock);
        RateLimitFeedback feedback = new RateLimitFeedback(limiter, clock);
        feedback.observe(Headers.of("X-Ratelimit-Total", "200", "X-Ratelimit-Remaining", "150"));
        assertEquals(Instant.EPOCH, limiter.pausedUntil(), "plenty left: no pause");
        feedback.observe(Headers.of("X-Ratelimit-Total", "200", "X-Ratelimit-Remaining", "5"));
        assertEquals(clock.instant().plusSeconds(10), limiter.pausedUntil());
        feedback.observe(Headers.of("X-Ratelimit-Total", "200", "X-Ratelimit-Remaining", "0"));
        assertEquals(clock.instant().plusSeconds(60), limiter.pausedUntil());
    }
}
