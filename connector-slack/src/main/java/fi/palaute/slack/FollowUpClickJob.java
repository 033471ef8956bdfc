package fi.palaute.slack;

import fi.palaute.common.followup.CloseReason;
import fi.palaute.common.followup.FollowUp;
import fi.palaute.common.followup.FollowUpState;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobKind;
import fi.palaute.common.job.PermanentFailureException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on a click ({@link FollowUpClick}). Claim: the first claim wins (a compare-and-set in the database),
 * the alert then shows the owner; whoever clicks later is told, only to them, who has it. Done: opens the
 * outcome modal. No action: closes it with that reason. A repeat of the winner's own job redraws again,
 * which is harmless, so a retry after a crash mid-way still finishes.
 */
public final class FollowUpClickJob implements JobKind.PayloadHandler<FollowUpClick> {
    private static final Logger log = LoggerFactory.getLogger(FollowUpClickJob.class);

    private final FollowUpStore store;
    private final AlertRedraw redraw;
    private final SlackClient slack;
    private final Clock clock;

    public FollowUpClickJob(FollowUpStore store, AlertRedraw redraw, SlackClient slack, Clock clock) {
        this.store = store;
        this.redraw = redraw;
        this.slack = slack;
        this.clock = clock;
    }

    @Override
    public void handle(Job job, FollowUpClick click) {
        switch (click.action()) {
            case CLAIM -> claim(click);
            case DONE -> done(click);
            case NO_ACTION -> noAction(click);
        }
    }

    private FollowUp find(long id) {
        return store.find(id).orElseThrow(() -> new PermanentFailureException("follow-up " + id + " does not exist"));
    }

    private void claim(FollowUpClick click) {
        boolean won = store.claim(click.followUpId(), click.user(), clock.instant());
        FollowUp f = find(click.followUpId());
        if (won || isOwner(f, click)) {
            if (won) log.info("follow-up {} claimed by {}", f.id(), click.user().id());
            redraw.redraw(f);
            return;
        }
        tell(click, f.state() == FollowUpState.CLOSED ? closedNote(f)
                : "This follow-up is already taken by " + AlertComposer.mention(f.owner().id()) + ".");
    }

    private void done(FollowUpClick click) {
        FollowUp f = find(click.followUpId());
        if (f.state() == FollowUpState.CLOSED) {
            tell(click, closedNote(f));
            return;
        }
        if (click.triggerId() == null) throw new PermanentFailureException("the Done click carried no trigger_id");
        slack.openView(click.triggerId(), OutcomeModal.view(f));
    }

    private void noAction(FollowUpClick click) {
        boolean closed = store.close(click.followUpId(), CloseReason.NO_ACTION, click.user(), "No action needed", null,
                clock.instant());
        FollowUp f = find(click.followUpId());
        if (closed || (f.closeReason() == CloseReason.NO_ACTION && f.closedBy() != null
                && f.closedBy().id().equals(click.user().id()))) {
            if (closed) log.info("follow-up {} closed by {}: no action needed", f.id(), click.user().id());
            redraw.redraw(f);
            return;
        }
        tell(click, closedNote(f));
    }

    private static boolean isOwner(FollowUp f, FollowUpClick click) {
        return f.owner() != null && f.owner().id().equals(click.user().id()) && f.state() == FollowUpState.CLAIMED;
    }

    private static String closedNote(FollowUp f) {
        return "This follow-up is already closed. " + AlertComposer.status(f);
    }

    /** An ephemeral note to whoever clicked, in the alert's channel. */
    private void tell(FollowUpClick click, String text) {
        if (click.channel() == null) {
            log.info("follow-up {}: cannot tell {} ({}), the click came from no channel", click.followUpId(),
                    click.user().id(), text);
            return;
        }
        slack.postEphemeral(click.channel(), click.user().id(), new SlackMessage(text, List.of(new Block.Section(text))));
    }
}
