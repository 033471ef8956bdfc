package fi.palaute.freshdesk;

import fi.palaute.common.http.Request;
import fi.palaute.common.webhook.TicketEvent;
import fi.palaute.common.webhook.WebhookParser;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Freshdesk automation rule's webhook (see {@link WebhookEvent}) and names the solve it is about.
 *
 * <p>The event key. Freshdesk sends no event id, and its placeholders offer no resolve time (only
 * {@code {{ticket.id}}}, {@code {{ticket.status}}}, {@code {{ticket.due_by_time}}} and the like), so a
 * delivery cannot name the resolve it is about. The key is the status plus the minute the delivery
 * arrived: deliveries of one resolve that arrive together (two rules, a sender retrying after a
 * timeout) collapse here. Freshdesk's own redeliveries come 5, 35 and 95 minutes after a failure;
 * a bucket that long would also swallow a real reopen-and-resolve within it, losing that cycle. So
 * those are accepted as events and collapse one step later, in the survey job, whose key is the
 * cycle itself ({@code stats.resolved_at}): the second job finds the cycle's survey and does nothing.
 */
public final class FreshdeskWebhookParser implements WebhookParser {
    static final Duration BUCKET = Duration.ofMinutes(1);

    private final Clock clock;

    public FreshdeskWebhookParser(Clock clock) {
        this.clock = clock;
    }

    @Override
    public TicketEvent parse(Request request) {
        WebhookEvent event = WebhookEvent.parse(request.body());
        WebhookEvent.Disposition disposition = event.disposition();
        if (disposition == WebhookEvent.Disposition.NOT_SOLVED) {
            return TicketEvent.ignored(event.ticketId(),
                    "status '" + event.status().orElse("") + "' is not Resolved (4) or Closed (5)");
        }
        String status = disposition.name().toLowerCase(Locale.ROOT);
        long bucket = clock.instant().getEpochSecond() / BUCKET.toSeconds();
        return TicketEvent.solved(event.ticketId(), status + ":" + bucket, status, Optional.empty());
    }
}
