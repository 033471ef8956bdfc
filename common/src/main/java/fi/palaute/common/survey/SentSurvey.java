package fi.palaute.common.survey;

import fi.palaute.common.score.Metric;
import java.time.Instant;

/**
 * A survey that went out, as the rating page needs it. {@code expiresAt}, {@code honeypotHitAt}, {@code agent},
 * {@code group} and {@code channel} (the ticket's touchpoint) may be null.
 */
public record SentSurvey(long id, String source, String ticketId, String templateId, String locale, Metric metric,
                         Instant sentAt, Instant expiresAt, Instant honeypotHitAt, String agent, String group,
                         String channel, int answerCount) {

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
