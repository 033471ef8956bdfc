package fi.palaute.common.store;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one polling helper of the tests: waits for a condition with a deadline instead of sleeping and
 * hoping, and fails saying what it waited for (and what it last saw).
 */
public final class Eventually {
    private static final Duration POLL = Duration.ofMillis(25);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private Eventually() {}

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        awaitValue(what, condition::getAsBoolean, Boolean::booleanValue, timeout);
    }

    public static void await(String what, BooleanSupplier condition) {
        await(what, DEFAULT_TIMEOUT, condition);
    }

    /** Polls {@code value} until {@code until} holds for it, and returns that value. */
    public static <T> T awaitValue(String what, Supplier<T> value, Predicate<? super T> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = value.get();
        while (!until.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what
                        + (last instanceof Boolean ? "" : "; last saw " + last));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
            last = value.get();
        }
        return last;
    }
}
