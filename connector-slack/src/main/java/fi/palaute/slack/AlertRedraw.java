package fi.palaute.slack;

import fi.palaute.common.followup.FollowUp;
import fi.palaute.common.job.PermanentFailureException;

/** Redraws a follow-up's alert ({@code chat.update}) from the stored state; nothing when it has no alert yet. */
public final class AlertRedraw {
    private final AnswerLookup answers;
    private final SlackClient slack;
    private final AlertComposer composer;

    public AlertRedraw(AnswerLookup answers, SlackClient slack, AlertComposer composer) {
        this.answers = answers;
        this.slack = slack;
        this.composer = composer;
    }

    public boolean redraw(FollowUp f) {
        if (!f.hasAlert()) return false;
        AnswerView a = answers.find(f.answerId())
                .orElseThrow(() -> new PermanentFailureException("answer " + f.answerId() + " does not exist"));
        slack.updateMessage(f.alertChannel(), f.alertTs(), composer.compose(a, f));
        return true;
    }
}
