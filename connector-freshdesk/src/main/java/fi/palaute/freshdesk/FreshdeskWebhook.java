package fi.palaute.freshdesk;

import fi.palaute.common.http.Request;
import fi.palaute.common.http.Response;
import fi.palaute.common.survey.SurveyIntake;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /webhooks/freshdesk: verifies the shared secret, reads the ticket id, commits the event and the
 * survey job, then answers 202 — all without calling Freshdesk, so the answer takes milliseconds.
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
public final class FreshdeskWebhook {
    private static final Logger log = LoggerFactory.getLogger(FreshdeskWebhook.class);
    static final Duration BUCKET = Duration.ofMinutes(1);

    private final SharedSecretVerifier verifier;
    private final SurveyIntake intake;
    private final Clock clock;

    public FreshdeskWebhook(SharedSecretVerifier verifier, SurveyIntake intake, Clock clock) {
        this.verifier = verifier;
        this.intake = intake;
        this.clock = clock;
    }

    public Response handle(Request request) {
        if (!verifier.verify(request)) {
            log.warn("webhook refused: missing or wrong shared secret from {}", request.remote());
            return Response.error(401, "unauthorized", "send FRESHDESK_WEBHOOK_SECRET as the HTTP Basic password "
                    + "or in the " + SharedSecretVerifier.HEADER + " header");
        }
        WebhookEvent event = WebhookEvent.parse(request.body());
        WebhookEvent.Disposition disposition = event.disposition();
        if (disposition == WebhookEvent.Disposition.NOT_SOLVED) {
            log.info("webhook ignored ticket={} status={}", event.ticketId(), event.status().orElse(""));
            return body("ignored", "status '" + event.status().orElse("") + "' is not Resolved (4) or Closed (5)");
        }
        String status = disposition.name().toLowerCase(java.util.Locale.ROOT);
        long bucket = clock.instant().getEpochSecond() / BUCKET.toSeconds();
        String eventKey = status + ":" + bucket;
        SurveyIntake.Result result = intake.accept("freshdesk", event.ticketId(), eventKey, status, Optional.empty());
        log.info("webhook {} ticket={} event={}", result == SurveyIntake.Result.ACCEPTED ? "accepted" : "duplicate",
                event.ticketId(), eventKey);
        return body(result == SurveyIntake.Result.ACCEPTED ? "accepted" : "duplicate", null);
    }

    private static Response body(String status, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (reason != null) body.put("reason", reason);
        return Response.json(202, body);
    }
}
