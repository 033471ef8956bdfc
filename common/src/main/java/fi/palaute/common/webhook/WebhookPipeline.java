package fi.palaute.common.webhook;

import fi.palaute.common.http.Handler;
import fi.palaute.common.http.HttpError;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.http.Request;
import fi.palaute.common.http.Response;
import fi.palaute.common.survey.SurveyIntake;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one webhook path every helpdesk's deliveries take: verify the sender, parse the body, decide
 * (accepted, duplicate, ignored with its reason, refused), hand a solve to the intake, which commits
 * the event and its survey job before the answer, then count it in /metrics and log one line. It calls
 * no vendor API, so it answers well inside the helpdesks' delivery timeouts (Zendesk's is 10 s).
 */
public final class WebhookPipeline implements Handler {
    private static final Logger log = LoggerFactory.getLogger(WebhookPipeline.class);
    static final String RESULTS = "palaute_webhooks_total";
    static final String REFUSALS = "palaute_webhooks_rejected_total";

    private final String source;
    private final WebhookVerifier verifier;
    private final WebhookParser parser;
    private final SurveyIntake intake;
    private final Metrics metrics;

    public WebhookPipeline(String source, WebhookVerifier verifier, WebhookParser parser, SurveyIntake intake,
                           Metrics metrics) {
        this.source = source;
        this.verifier = verifier;
        this.parser = parser;
        this.intake = intake;
        this.metrics = metrics;
    }

    @Override
    public Response handle(Request request) {
        Optional<Refusal> refusal = verifier.refusal(request);
        if (refusal.isPresent()) return refused(request, refusal.get());
        TicketEvent event;
        try {
            event = parser.parse(request);
        } catch (HttpError e) {
            return refused(request, new Refusal(e.status(), e.error(), e.getMessage(), e.error()));
        }
        if (event.ignoredBecause().isPresent()) {
            String reason = event.ignoredBecause().get();
            count(Disposition.IGNORED);
            log.info("{} webhook ignored ticket={}: {}", source, event.ticketId(), reason);
            return answer(Disposition.IGNORED, event.ticketId(), reason);
        }
        SurveyIntake.Result result = intake.accept(source, event.ticketId(), event.eventKey(), event.status(),
                event.occurredAt());
        Disposition disposition = result == SurveyIntake.Result.ACCEPTED ? Disposition.ACCEPTED : Disposition.DUPLICATE;
        count(disposition);
        log.info("{} webhook {} ticket={} key={}", source, disposition.id(), event.ticketId(), event.eventKey());
        return answer(disposition, event.ticketId(), null);
    }

    private Response refused(Request request, Refusal refusal) {
        metrics.increment(REFUSALS, "Webhooks refused", "source", source, "reason", refusal.reason());
        log.warn("{} webhook refused from {}: {}", source,
                request.remote() == null ? "?" : request.remote().getAddress(), refusal.detail());
        return Response.error(refusal.status(), refusal.error(), refusal.detail());
    }

    private void count(Disposition disposition) {
        metrics.increment(RESULTS, "Webhooks by source and result", "source", source, "result", disposition.id());
    }

    private static Response answer(Disposition disposition, String ticketId, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", disposition.id());
        if (reason != null) body.put("reason", reason);
        body.put("ticket_id", ticketId);
        return Response.json(202, body);
    }
}
