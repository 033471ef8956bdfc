package fi.palaute.common.survey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.job.JobRequest;
import fi.palaute.common.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a verified "ticket solved" webhook into durable work: in one transaction it records the event
 * and enqueues the survey job, so the webhook may be answered 2xx only once both are committed. A
 * delivery seen before (same ticket and event key) changes nothing.
 */
public final class SurveyIntake {
    /** What happened to a delivery. */
    public enum Result { ACCEPTED, DUPLICATE }

    private final Database db;
    private final JobQueue queue;
    private final Duration sendDelay;
    private final Clock clock;
    private final Metrics metrics;
    private final ObjectMapper json = new ObjectMapper();
    private final Runnable onEnqueued;

    public SurveyIntake(Database db, JobQueue queue, Duration sendDelay, Clock clock, Metrics metrics,
                        Runnable onEnqueued) {
        this.db = db;
        this.queue = queue;
        this.sendDelay = sendDelay;
        this.clock = clock;
        this.metrics = metrics;
        this.onEnqueued = onEnqueued;
    }

    public static String surveyJobKind(String source) {
        return source + ".survey";
    }

    /**
     * @param eventKey what identifies this solve among deliveries: the event's id or time, never the
     *                 delivery attempt
     * @param solvedAt when the ticket was solved, if the webhook said; the send delay counts from it
     */
    public Result accept(String source, String ticketId, String eventKey, String status, Optional<Instant> solvedAt) {
        Instant now = clock.instant();
        Instant eventAt = solvedAt.filter(t -> !t.isAfter(now)).orElse(now);
        ObjectNode payload = json.createObjectNode()
                .put("ticket_id", ticketId)
                .put("event_key", eventKey)
                .put("event_at", eventAt.toString());
        // Group commit: webhooks of a burst share a commit; each returns only once it is durable.
        boolean accepted = db.inGroupCommit(tx -> {
            Optional<Long> eventId = tx.insertReturningId("""
                    INSERT INTO ticket_events (source, ticket_id, event_key, status, event_at, received_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""",
                    source, ticketId, eventKey, status, eventAt.toEpochMilli(), now.toEpochMilli());
            if (eventId.isEmpty()) return false;
            queue.enqueue(tx, JobRequest.of(surveyJobKind(source), payload.toString(), eventAt.plus(sendDelay))
                    .withDedupeKey("survey:" + source + ":" + ticketId + ":" + eventKey));
            tx.afterCommit(onEnqueued);
            return true;
        });
        metrics.increment("palaute_webhooks_total", "Webhooks by source and result", "source", source,
                "result", accepted ? "accepted" : "duplicate");
        return accepted ? Result.ACCEPTED : Result.DUPLICATE;
    }
}
