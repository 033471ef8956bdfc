package fi.palaute.slack;

import fi.palaute.common.score.Metric;
import java.time.Instant;

/** One answer as Slack shows it: score, comment, who handled the ticket and the agent-facing ticket link. */
public record AnswerView(long id, String source, String ticketId, Metric metric, int score, String comment,
                         Instant answeredAt, String agent, String group, String ticketUrl, boolean suspectedBot,
                         boolean replaced) {

    /** Where the score sits on its scale, 0 (worst) to 1 (best), so CSAT, CES and NPS answers sort together. */
    public double position() {
        return (double) (score - metric.min()) / (metric.max() - metric.min());
    }
}
