package fi.palaute.common.survey;

import fi.palaute.common.score.Metric;
import java.time.Instant;

/** An answer to write back onto its ticket: a private note, a tag and optionally a score field. */
public record AnswerWriteBack(long answerId, String ticketId, Metric metric, int score, String comment,
                              boolean suspectedBot, Instant answeredAt) {
    /** Tag such as {@code palaute_csat_4}. */
    public String tag() {
        return "palaute_" + metric.id() + "_" + score;
    }
}
