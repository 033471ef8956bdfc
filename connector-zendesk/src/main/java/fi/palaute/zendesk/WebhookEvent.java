package fi.palaute.zendesk;

import java.time.Instant;
import java.util.Optional;

/**
 * What the connector takes from a Zendesk webhook: the ticket, its new status when the body says,
 * the key that identifies this solve among repeated deliveries, and when it happened. Everything
 * else is read from the API when the survey job runs.
 *
 * @param statusChange false for an event-subscription body of another event type (nothing to do)
 */
public record WebhookEvent(String ticketId, Optional<String> status, String eventKey, Optional<Instant> occurredAt,
                           String type, boolean statusChange) {}
