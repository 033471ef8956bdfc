package fi.palaute.common.survey;

import fi.palaute.common.job.JobKind;
import java.time.Instant;
import java.util.Objects;

/**
 * The jobs the survey connectors enqueue, each defined once for producer and consumer: the survey job
 * (from the webhook intake to {@link SurveyJob}), the write-back (from the rating page to
 * {@link WriteBackJob}) and the low-score alert (from the rating page to the Slack connector).
 */
public final class SurveyJobs {
    private SurveyJobs() {}

    /**
     * A solved ticket to survey: the event that told us, and when it happened (the send delay counts from it;
     * null in jobs enqueued before it was recorded).
     */
    public record SurveyDue(String ticketId, String eventKey, Instant eventAt) {
        public SurveyDue {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(eventKey, "eventKey");
        }
    }

    /** An answer to act on; the job reads the answer again, so a replaced one can be skipped. */
    public record AnswerRef(long answerId) {
        public AnswerRef {
            // A payload without answer_id reads as 0: unreadable, not a job about answer 0.
            if (answerId <= 0) throw new IllegalArgumentException("answer_id must be a positive id, not " + answerId);
        }
    }

    /**
     * A survey whose current answer to write back, and which change of it asked (the dedupe key: a change
     * while the job still waits moves that job instead). Jobs enqueued before write-backs followed the
     * survey name an answer instead; the job writes that answer's survey's current answer.
     */
    public record WriteBackDue(Long surveyId, Long answerId, Integer change) {
        public WriteBackDue {
            if ((surveyId == null || surveyId <= 0) && (answerId == null || answerId <= 0)) {
                throw new IllegalArgumentException("a write-back names a survey_id (or an answer_id)");
            }
        }

        public static WriteBackDue of(long surveyId, int change) {
            return new WriteBackDue(surveyId, null, change);
        }
    }

    /** {@code <source>.survey}, one job per ticket and event. */
    public static JobKind<SurveyDue> survey(String source) {
        return JobKind.of(source + ".survey", SurveyDue.class,
                p -> "survey:" + source + ":" + p.ticketId() + ":" + p.eventKey());
    }

    /** {@code <source>.writeback}, one job per survey waiting out the quiet period after its latest change. */
    public static JobKind<WriteBackDue> writeBack(String source) {
        return JobKind.of(source + ".writeback", WriteBackDue.class, p -> p.surveyId() == null
                ? "writeback:answer:" + p.answerId() : "writeback:" + p.surveyId() + ":" + p.change());
    }

    /** The dedupe key of a survey's one low-score alert: a later low answer updates it while it waits. */
    public static String alertKey(long surveyId) {
        return "alert:survey:" + surveyId;
    }

    /**
     * {@code slack.alert}: posted by the Slack connector for a low human answer. The rating page raises one
     * per survey (enqueued under {@link #alertKey}); this key covers any other producer.
     */
    public static final JobKind<AnswerRef> SLACK_ALERT =
            JobKind.of("slack.alert", AnswerRef.class, p -> "alert:" + p.answerId());
}
