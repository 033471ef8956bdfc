package fi.palaute.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.followup.Actor;
import fi.palaute.common.job.JobRequest;
import fi.palaute.common.job.PermanentFailureException;
import java.io.IOException;
import java.time.Instant;

/**
 * The job contract {@code slack.followup_outcome}: the outcome modal submitted ({@code view_submission},
 * callback id {@code followup_outcome}), taken by {@link InteractionEndpoint} and acted on by
 * {@link OutcomeJob}. {@code customerReached} is null when the person left the question unanswered.
 */
public record OutcomeSubmission(long followUpId, Actor user, String outcome, Boolean customerReached) {
    public static final String KIND = "slack.followup_outcome";
    private static final ObjectMapper JSON = new ObjectMapper();

    public JobRequest request(Instant now) {
        var n = JSON.createObjectNode().put("followup_id", followUpId).put("user_id", user.id())
                .put("user_name", user.name()).put("outcome", outcome);
        if (customerReached != null) n.put("customer_reached", customerReached);
        return JobRequest.of(KIND, n.toString(), now);
    }

    public static OutcomeSubmission parse(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            JsonNode reached = n.path("customer_reached");
            return new OutcomeSubmission(n.path("followup_id").asLong(),
                    new Actor(n.path("user_id").asText(), n.path("user_name").asText(null)), n.path("outcome").asText(),
                    reached.isBoolean() ? reached.asBoolean() : null);
        } catch (IOException e) {
            throw new PermanentFailureException(KIND + " payload is not JSON: " + e.getMessage());
        }
    }
}
