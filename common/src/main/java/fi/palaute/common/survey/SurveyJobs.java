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

    /** {@code <source>.survey}, one job per ticket and event. */
    public static JobKind<SurveyDue> survey(String source) {
        return JobKind.of(source + ".survey", SurveyDue.class,
                p -> "survey:" + source + ":" + p.ticketId() + ":" + p.eventKey());
    }

    /** {@code <source>.writeback}, one job per answer. */
    public static JobKind<AnswerRef> writeBack(String source) {
        return JobKind.of(source + ".writeback", AnswerRef.class, p -> "writeback:" + p.answerId());
    }

    /** {@code slack.alert}: posted by the Slack connector for a low human answer, one job per answer. */
    public static final JobKind<AnswerRef> SLACK_ALERT =
            JobKind.of("slack.alert", AnswerRef.class, p -> "alert:" + p.answerId());
}
