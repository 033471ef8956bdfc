package fi.palaute.slack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fi.palaute.common.followup.Actor;
import fi.palaute.common.job.JobKind;
import fi.palaute.common.job.JobRequest;
import java.time.Instant;

/**
 * The job contract {@code slack.followup_outcome}: the outcome modal submitted ({@code view_submission},
 * callback id {@code followup_outcome}), taken by {@link InteractionEndpoint} and acted on by
 * {@link OutcomeJob}. {@code customerReached} is null when the person left the question unanswered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeSubmission(@JsonProperty("followup_id") long followUpId, String userId, String userName,
                                String outcome, Boolean customerReached) {
    public static final JobKind<OutcomeSubmission> KIND = JobKind.of("slack.followup_outcome", OutcomeSubmission.class);

    public OutcomeSubmission {
        if (userId == null || userId.isBlank()) throw new IllegalArgumentException("user_id is required");
    }

    public OutcomeSubmission(long followUpId, Actor user, String outcome, Boolean customerReached) {
        this(followUpId, user.id(), user.name(), outcome, customerReached);
    }

    /** Who submitted the modal. */
    public Actor user() {
        return new Actor(userId, userName);
    }

    public JobRequest request(Instant now) {
        return KIND.request(this, now);
    }
}
