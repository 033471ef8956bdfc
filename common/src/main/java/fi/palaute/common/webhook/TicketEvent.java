package fi.palaute.common.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a webhook says, as far as the connector trusts it: the ticket, what identifies this solve among
 * deliveries ({@code eventKey}: the event's id or time, never the delivery attempt), the status as
 * the helpdesk named it, when it happened if the body said, and whether it is a solve to survey or
 * something to ignore (with the reason, answered to the sender).
 */
public record TicketEvent(String ticketId, String eventKey, String status, Optional<Instant> occurredAt,
                          Optional<String> ignoredBecause) {
    public TicketEvent {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(ignoredBecause, "ignoredBecause");
        if (ignoredBecause.isEmpty()) {
            Objects.requireNonNull(eventKey, "eventKey");
            Objects.requireNonNull(status, "status");
        }
    }

    /** A solved (or closed) ticket, or one whose status the survey job will read for itself. */
    public static TicketEvent solved(String ticketId, String eventKey, String status, Optional<Instant> occurredAt) {
        return new TicketEvent(ticketId, eventKey, status, occurredAt, Optional.empty());
    }

    /** An event that is no solve (another status, another event type): answered 202 and counted, nothing stored. */
    public static TicketEvent ignored(String ticketId, String reason) {
        return new TicketEvent(ticketId, null, null, Optional.empty(), Optional.of(reason));
    }
}
