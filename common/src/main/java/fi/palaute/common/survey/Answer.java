package fi.palaute.common.survey;

import fi.palaute.common.score.Metric;
import java.time.Instant;

/**
 * One row of {@code answers}, with its survey's agent-facing ticket link. {@code replaced} is true once a
 * later answer to the same survey took its place; {@code comment}, {@code botReason}, {@code agent},
 * {@code group}, {@code channel} and {@code ticketUrl} may be null.
 */
public record Answer(long id, long surveyId, String source, String ticketId, Metric metric, int score, String comment,
                     Instant answeredAt, boolean suspectedBot, String botReason, String agent, String group,
                     String channel, boolean replaced, String ticketUrl) {

    /** What the helpdesk's write-back needs of this answer. */
    public AnswerWriteBack writeBack() {
        return new AnswerWriteBack(id, ticketId, metric, score, comment, suspectedBot, answeredAt);
    }
}
