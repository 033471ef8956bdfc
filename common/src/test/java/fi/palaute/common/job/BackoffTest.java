package fi.palaute.common.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final RandomGenerator random = new java.util.Random(42);

    @Test
    void delayDoublesPerAttemptWithinTheJitter() {
        Backoff b = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), 0.2);
        for (int attempt = 1; attempt <= 5; attempt++) {
            long expected = 5000L << (attempt - 1);
            long got = b.delay(attempt, Optional.empty(), random).toMillis();
            assertTrue(got >= expected * 0.8 && got <= expected * 1.2, "attempt " + attempt + ": " + got);
        }
    }

    @Test
    void delayIsCappedAtTheMaximum() {
        Backoff b = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), 0.0);
        assertEquals(Duration.ofMinutes(1), b.delay(30, Optional.empty(), random));
    }

    @Test
    void retryAfterFromTheVendorIsHonoured() {
        Backoff b = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), 0.2);
        Duration d = b.delay(1, Optional.of(Duration.ofSeconds(60)), random);
        assertTrue(d.compareTo(Duration.ofSeconds(60)) >= 0 && d.compareTo(Duration.ofSeconds(61)) <= 0, d.toString());
    }
}
