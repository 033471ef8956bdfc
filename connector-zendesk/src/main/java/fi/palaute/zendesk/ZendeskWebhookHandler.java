package fi.palaute.zendesk;

import fi.palaute.common.http.Handler;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.http.Request;
import fi.palaute.common.http.Response;
import fi.palaute.common.survey.SurveyIntake;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /webhooks/zendesk: verify the signature, parse, and hand a solved or closed ticket to the
 * intake, which commits the event and the survey job before we answer 202. It does no API calls, so
 * it answers well inside Zendesk's 10-second delivery timeout.
 */
public final class ZendeskWebhookHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(ZendeskWebhookHandler.class);
    static final String SOURCE = "zendesk";
    /** Zendesk's own status names; a localised or unknown value is left to the survey job, which reads the ticket. */
    private static final Set<String> NOT_SOLVED = Set.of("new", "open", "pending", "hold", "on-hold", "deleted");

    private final WebhookSignature signature;
    private final WebhookParser parser;
    private final SurveyIntake intake;
    private final Metrics metrics;

    public ZendeskWebhookHandler(WebhookSignature signature, WebhookParser parser, SurveyIntake intake, Metrics metrics) {
        this.signature = signature;
        this.parser = parser;
        this.intake = intake;
        this.metrics = metrics;
    }

    @Override
    public Response handle(Request request) {
        String timestamp = request.header(WebhookSignature.TIMESTAMP_HEADER).orElse(null);
        Optional<String> problem = signature.problem(timestamp,
                request.header(WebhookSignature.SIGNATURE_HEADER).orElse(null), request.body());
        if (problem.isPresent()) {
            metrics.increment("palaute_webhooks_rejected_total", "Webhooks refused", "source", SOURCE, "reason", "signature");
            log.warn("zendesk webhook refused from {}: {}", request.remote() == null ? "?" : request.remote().getAddress(),
                    problem.get());
            return Response.error(401, "invalid_signature", problem.get());
        }
        WebhookEvent event;
        try {
            event = parser.parse(request.body(), timestamp);
        } catch (fi.palaute.common.http.HttpError e) {
            metrics.increment("palaute_webhooks_rejected_total", "Webhooks refused", "source", SOURCE, "reason", e.error());
            log.warn("zendesk webhook refused: {}", e.getMessage());
            throw e;
        }
        if (!event.statusChange()) {
            return ignored(event, "event type " + event.type() + " is not a ticket status change");
        }
        if (event.status().isPresent() && NOT_SOLVED.contains(event.status().get())) {
            return ignored(event, "ticket status is " + event.status().get() + ", not solved or closed");
        }
        SurveyIntake.Result result = intake.accept(SOURCE, event.ticketId(), event.eventKey(),
                event.status().orElse("solved"), event.occurredAt());
        log.info("zendesk webhook ticket={} key={} {}", event.ticketId(), event.eventKey(), result);
        return Response.json(202, Map.of("status", result == SurveyIntake.Result.ACCEPTED ? "accepted" : "duplicate",
                "ticket_id", event.ticketId()));
    }

    private Response ignored(WebhookEvent event, String reason) {
        metrics.increment("palaute_webhooks_total", "Webhooks by source and result", "source", SOURCE, "result", "ignored");
        log.info("zendesk webhook ticket={} ignored: {}", event.ticketId(), reason);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ignored");
        body.put("reason", reason);
        body.put("ticket_id", event.ticketId());
        return Response.json(202, body);
    }
}
