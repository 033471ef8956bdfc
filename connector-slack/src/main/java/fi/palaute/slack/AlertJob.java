package fi.palaute.slack;

import fi.palaute.common.followup.FollowUp;
import fi.palaute.common.followup.FollowUpState;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobKind;
import fi.palaute.common.job.PermanentFailureException;
import fi.palaute.common.survey.SurveyJobs;
import fi.palaute.common.survey.SurveyJobs.AnswerRef;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a low-score alert with its follow-up buttons. The survey connectors enqueue
 * {@link SurveyJobs#SLACK_ALERT}, whose dedupe key gives each answer one job. The answer is checked again
 * here: a replaced answer is not alerted (the newer answer has its own job if it is low), nor a suspected
 * bot. A survey's follow-up has one alert: when it already has one (the customer changed one low answer
 * for another), that message is updated instead of a second one posted.
 */
public final class AlertJob implements JobKind.PayloadHandler<AnswerRef> {
    public static final JobKind<AnswerRef> KIND = SurveyJobs.SLACK_ALERT;
    private static final Logger log = LoggerFactory.getLogger(AlertJob.class);

    private final AnswerLookup answers;
    private final FollowUpStore followUps;
    private final SlackClient slack;
    private final OncePerJobPoster poster;
    private final AlertComposer composer;
    private final Optional<String> channel;

    public AlertJob(AnswerLookup answers, FollowUpStore followUps, SlackClient slack, OncePerJobPoster poster,
                    AlertComposer composer, Optional<String> channel) {
        this.answers = answers;
        this.followUps = followUps;
        this.slack = slack;
        this.poster = poster;
        this.composer = composer;
        this.channel = channel;
    }

    @Override
    public void handle(Job job, AnswerRef ref) {
        long answerId = ref.answerId();
        if (channel.isEmpty()) {
            log.info("alert for answer {} skipped: SLACK_ALERT_CHANNEL is not set", answerId);
            return;
        }
        AnswerView a = answers.find(answerId)
                .orElseThrow(() -> new PermanentFailureException("answer " + answerId + " does not exist"));
        if (a.suspectedBot() || a.replaced() || !a.metric().isLow(a.score())) {
            log.info("alert for answer {} skipped: {}", answerId,
                    a.suspectedBot() ? "suspected bot" : a.replaced() ? "replaced by a newer answer" : "not a low score");
            return;
        }
        FollowUp f = followUps.ensureFor(answerId);
        if (f.hasAlert()) {
            slack.updateMessage(f.alertChannel(), f.alertTs(), composer.compose(a, f));
            log.info("alert of follow-up {} updated for answer {} ts={}", f.id(), answerId, f.alertTs());
            return;
        }
        if (f.state() == FollowUpState.CLOSED) {
            log.info("alert for answer {} skipped: its follow-up {} is closed", answerId, f.id());
            return;
        }
        // Keyed by survey, as the rating page enqueues the job: while it waits to be retried a newer low answer
        // may take its place, and the message an earlier attempt posted is still this survey's one alert.
        SlackMessage message = composer.compose(a, f);
        OncePerJobPoster.Posted posted = poster.post(SurveyJobs.alertKey(f.surveyId()), PostEvent.ALERT,
                new PostMessage(channel.get(), message));
        if (posted.byEarlierAttempt()) slack.updateMessage(posted.channel(), posted.ts(), message);
        followUps.attachAlert(f.id(), posted.channel(), posted.ts());
        log.info("alert posted for answer {} ({} {}) to {} ts={} followup={}", answerId, a.metric().id(), a.score(),
                posted.channel(), posted.ts(), f.id());
    }
}
