package fi.palaute.common.survey;

import fi.palaute.common.job.JobKind;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.store.Database;
import fi.palaute.common.survey.SurveyJobs.SurveyDue;
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
    private final TicketEventStore events = new TicketEventStore();
    private final Runnable onEnqueued;

    public SurveyIntake(Database db, JobQueue queue, Duration sendDelay, Clock clock, Runnable onEnqueued) {
        this.db = db;
        this.queue = queue;
        this.sendDelay = sendDelay;
        this.clock = clock;
        this.onEnqueued = onEnqueued;
    }

    /**
     * @param eventKey what identifies this solve among deliveries: the event's id or time, never the
     *                 delivery attempt
     * @param solvedAt when the ticket was solved, if the webhook said; the send delay counts from it
     */
    public Result accept(String source, String ticketId, String eventKey, String status, Optional<Instant> solvedAt) {
        Instant now = clock.instant();
        Instant eventAt = solvedAt.filter(t -> !t.isAfter(now)).orElse(now);
        JobKind<SurveyDue> kind = SurveyJobs.survey(source);
        // Group commit: webhooks of a burst share a commit; each returns only once it is durable.
        boolean accepted = db.inGroupCommit(tx -> {
            if (!events.recordNew(tx, source, ticketId, eventKey, status, eventAt, now)) return false;
            queue.enqueue(tx, kind.request(new SurveyDue(ticketId, eventKey, eventAt), eventAt.plus(sendDelay)));
            tx.afterCommit(onEnqueued);
            return true;
        });
        return accepted ? Result.ACCEPTED : Result.DUPLICATE;
    }

    /**
     * Deletes up to {@code limit} webhook events received before {@code before} (the retention). A
     * delivery of such an old event again is long past any helpdesk's retries; the survey it led to
     * stays, and keeps its ticket to one survey per resolution.
     */
    public int deleteEventsReceivedBefore(Instant before, int limit) {
        return db.inTransaction(tx -> events.deleteReceivedBefore(tx, before, limit));
    }
}
