package fi.palaute.common.client;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one vendor call came to: the one classification of vendor answers that both connectors' API
 * clients and the job handlers share. Business outcomes the flow expects ({@link NotFound},
 * {@link TicketClosed}) are values a caller switches on; {@link RetryLater} and {@link Dead} are what the
 * job queue acts on, and {@link #orThrow()} hands them to it as its exceptions (retry with the vendor's
 * Retry-After, or park the job as dead with the vendor's message).
 *
 * <p>{@link ApiClient} sorts every answer once: 2xx is done, 408, 429, 5xx and I/O failures retry later, a
 * 404 is not found, any other 4xx is dead. A connector's client turns a refusal it can read into a business
 * outcome (Zendesk's 422 for a closed ticket), so no caller ever reads a vendor's message text.
 */
public sealed interface CallResult<T> {

    /** The call did what it was for. */
    record Done<T>(T value) implements CallResult<T> {}

    /** The thing asked for does not exist (deleted, merged, never there). */
    record NotFound<T>(VendorRefusal refusal) implements CallResult<T> {}

    /** The ticket is closed and the helpdesk takes no more changes to it; retrying cannot change that. */
    record TicketClosed<T>(VendorRefusal refusal) implements CallResult<T> {}

    /**
     * May pass: a rate limit, a vendor outage, a timeout or a broken connection.
     *
     * @param status     HTTP status, or 0 when no answer arrived
     * @param retryAfter the vendor's Retry-After, or null when it named none
     */
    record RetryLater<T>(int status, String message, Duration retryAfter) implements CallResult<T> {}

    /** A refusal retrying will not fix (401, 403, a validation error): the vendor's own words are in it. */
    record Dead<T>(VendorRefusal refusal) implements CallResult<T> {}

    static <T> CallResult<T> done(T value) {
        return new Done<>(value);
    }

    /**
     * The value of a call that is done; anything else as the exception the job queue acts on: a retry for
     * {@link RetryLater}, a dead job (with the vendor's message) for the refusals, business ones included,
     * where the caller had no use for them as values.
     */
    default T orThrow() {
        if (this instanceof Done<T> done) return done.value();
        if (this instanceof RetryLater<T> retry) {
            throw new ApiRetryableException(retry.status(), retry.message(), retry.retryAfter(), null);
        }
        throw new ApiRejectedException(refused().orElseThrow());
    }

    /** The vendor's refusal behind a not-found, closed-ticket or dead result. */
    default Optional<VendorRefusal> refused() {
        if (this instanceof NotFound<T> r) return Optional.of(r.refusal());
        if (this instanceof TicketClosed<T> r) return Optional.of(r.refusal());
        if (this instanceof Dead<T> r) return Optional.of(r.refusal());
        return Optional.empty();
    }

    /** The same result with a done value turned into another; every other result as it is. */
    @SuppressWarnings("unchecked")
    default <U> CallResult<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Done<T> done) return new Done<>(f.apply(done.value()));
        return (CallResult<U>) this;
    }
}
