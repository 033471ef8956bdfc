package fi.palaute.common.followup;

import fi.palaute.common.client.CallResult;
import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobKind;
import fi.palaute.common.job.PermanentFailureException;
import fi.palaute.common.survey.Helpdesk;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code <source>.followup_note} in the survey connector that owns the ticket: the outcome someone
 * recorded in Slack goes onto the ticket as a private note. The note carries a marker, so a retry after a
 * crash mid-write finds the note already there and writes none.
 */
public final class FollowUpNoteWriter implements JobKind.PayloadHandler<NoteJob> {
    private static final Logger log = LoggerFactory.getLogger(FollowUpNoteWriter.class);

    private final FollowUpStore store;
    private final Helpdesk helpdesk;

    public FollowUpNoteWriter(FollowUpStore store, Helpdesk helpdesk) {
        this.store = store;
        this.helpdesk = helpdesk;
    }

    public static String marker(long followUpId) {
        return "palaute-followup-" + followUpId;
    }

    @Override
    public void handle(Job job, NoteJob request) {
        FollowUp f = store.find(request.followUpId())
                .orElseThrow(() -> new PermanentFailureException("follow-up " + request.followUpId() + " does not exist"));
        if (f.state() != FollowUpState.CLOSED || f.outcome() == null) {
            throw new PermanentFailureException("follow-up " + f.id() + " has no outcome to write back");
        }
        String marker = marker(f.id());
        if (job.attempts() > 1 && helpdesk.hasNoteWith(f.ticketId(), marker)) {
            log.info("follow-up note already on ticket={} followup={}", f.ticketId(), f.id());
            return;
        }
        CallResult<Void> noted = helpdesk.addPrivateNote(f.ticketId(), note(f));
        if (noted instanceof CallResult.TicketClosed<Void> closed) {
            // A closed ticket takes no comments and never will; the outcome stays in Palaute and in Slack.
            log.info("ticket={} is closed: the outcome of followup={} was not added ({})", f.ticketId(), f.id(),
                    closed.refusal().vendorMessage());
            return;
        }
        noted.orThrow();
        log.info("follow-up outcome written to ticket={} followup={}", f.ticketId(), f.id());
    }

    /** Plain text; each helpdesk formats it for its own notes. */
    static String note(FollowUp f) {
        StringBuilder s = new StringBuilder("Palaute follow-up of a low ")
                .append(f.metric().id().toUpperCase(Locale.ROOT)).append(' ').append(f.score()).append('/')
                .append(f.metric().max()).append(" answer\n");
        s.append("Outcome: ").append(f.outcome()).append('\n');
        if (f.customerReached() != null) s.append("Customer reached: ").append(f.customerReached() ? "yes" : "no").append('\n');
        if (f.closedBy() != null) s.append("Closed by ").append(f.closedBy().name()).append(" in Slack at ").append(f.closedAt()).append('\n');
        s.append(marker(f.id()));
        return s.toString();
    }
}
