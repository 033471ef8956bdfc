package fi.palaute.slack;

import fi.palaute.common.followup.CloseReason;
import fi.palaute.common.followup.FollowUp;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.followup.NoteJob;
import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobKind;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.job.PermanentFailureException;
import fi.palaute.common.store.Database;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a follow-up with the outcome from the modal ({@link OutcomeSubmission}), and, in the same
 * transaction, asks the survey connector that owns the ticket to write it there as a private note
 * ({@link NoteJob}: this service has no helpdesk client). Then the alert shows the outcome and who closed it.
 */
public final class OutcomeJob implements JobKind.PayloadHandler<OutcomeSubmission> {
    private static final Logger log = LoggerFactory.getLogger(OutcomeJob.class);

    private final Database db;
    private final FollowUpStore store;
    private final JobQueue queue;
    private final AlertRedraw redraw;
    private final Runnable poke;
    private final Clock clock;

    public OutcomeJob(Database db, FollowUpStore store, JobQueue queue, AlertRedraw redraw, Runnable poke, Clock clock) {
        this.db = db;
        this.store = store;
        this.queue = queue;
        this.redraw = redraw;
        this.poke = poke;
        this.clock = clock;
    }

    @Override
    public void handle(Job job, OutcomeSubmission s) {
        Instant now = clock.instant();
        boolean closed = db.inTransaction(tx -> {
            FollowUp f = store.find(tx, s.followUpId())
                    .orElseThrow(() -> new PermanentFailureException("follow-up " + s.followUpId() + " does not exist"));
            boolean won = store.close(tx, f.id(), CloseReason.DONE, s.user(), s.outcome(), s.customerReached(), now);
            // A retry of our own close still makes sure the note job exists; its dedupe key keeps it one.
            if (won || (f.closeReason() == CloseReason.DONE && f.closedBy() != null && f.closedBy().id().equals(s.user().id()))) {
                queue.enqueue(tx, NoteJob.kind(f.source()).request(new NoteJob(f.id()), now));
            }
            return won;
        });
        poke.run();
        FollowUp f = store.find(s.followUpId()).orElseThrow();
        if (closed) log.info("follow-up {} closed by {} with an outcome", f.id(), s.user().id());
        else log.info("follow-up {} was already closed ({}); outcome from {} not recorded", f.id(), f.closeReason().id(),
                s.user().id());
        redraw.redraw(f);
    }
}
