package fi.palaute.common.followup;

import fi.palaute.common.job.JobQueue;
import fi.palaute.common.score.Metric;
import fi.palaute.common.store.Tx;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a survey's follow-up in step with its latest answer, inside the transaction that records the
 * answer: a low answer opens one (or points the open one at the new answer), a changed answer to a good
 * score closes it and asks Slack to say so on the alert. Suspected bots change nothing.
 */
public final class FollowUpTracker {
    private final FollowUpStore store;
    private final JobQueue queue;

    public FollowUpTracker(FollowUpStore store, JobQueue queue) {
        this.store = store;
        this.queue = queue;
    }

    /** What the answer did to the survey's follow-up. */
    public enum Change { NONE, OPENED, FOLLOWED, REOPENED, CLOSED }

    public Change onAnswer(Tx tx, long surveyId, long answerId, String source, String ticketId, Metric metric,
                           int score, boolean suspectedBot, Instant now) {
        if (suspectedBot) return Change.NONE;
        Optional<FollowUp> existing = store.findBySurvey(tx, surveyId);
        if (metric.isLow(score)) {
            if (existing.isEmpty()) {
                return store.open(tx, surveyId, answerId, source, ticketId, now).isPresent() ? Change.OPENED : Change.NONE;
            }
            FollowUp f = existing.get();
            Change change;
            if (store.reopen(tx, f.id(), answerId)) {
                change = Change.REOPENED;
            } else {
                store.followAnswer(tx, f.id(), answerId);
                change = Change.FOLLOWED;
            }
            queue.enqueue(tx, AlertUpdateJob.KIND.request(new AlertUpdateJob(f.id(), null), now));
            return change;
        }
        if (existing.isEmpty()) return Change.NONE;
        FollowUp f = existing.get();
        store.followAnswer(tx, f.id(), answerId);
        if (score >= metric.goodFrom() && f.state() != FollowUpState.CLOSED) {
            String outcome = "Closed on its own: the customer changed the answer to " + metric.name() + " " + score
                    + "/" + metric.max() + ".";
            store.close(tx, f.id(), CloseReason.ANSWER_CHANGED, null, outcome, null, now);
            queue.enqueue(tx, AlertUpdateJob.KIND.request(new AlertUpdateJob(f.id(), outcome), now));
            return Change.CLOSED;
        }
        // A middling answer (CSAT 3): still worth the call, so the follow-up stays as it is, on the new answer.
        queue.enqueue(tx, AlertUpdateJob.KIND.request(new AlertUpdateJob(f.id(), null), now));
        return Change.FOLLOWED;
    }
}
