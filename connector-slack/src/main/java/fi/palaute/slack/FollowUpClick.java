package fi.palaute.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.followup.Actor;
import fi.palaute.common.job.JobRequest;
import fi.palaute.common.job.PermanentFailureException;
import java.io.IOException;
import java.time.Instant;

/**
 * The job contract {@code slack.followup_click}: a click on one of an alert's buttons, taken from Slack's
 * {@code block_actions} payload by {@link InteractionEndpoint} and acted on by {@link FollowUpClickJob}.
 * The trigger id lets Done open its modal; Slack honours it for three seconds, so this job is not retried.
 */
public record FollowUpClick(Action action, long followUpId, Actor user, String channel, String triggerId) {
    public static final String KIND = "slack.followup_click";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the button asks for; each is one {@code action_id}. */
    public enum Action {
        CLAIM(AlertComposer.CLAIM), DONE(AlertComposer.DONE), NO_ACTION(AlertComposer.NO_ACTION);

        private final String actionId;

        Action(String actionId) {
            this.actionId = actionId;
        }

        public String actionId() { return actionId; }

        public static java.util.Optional<Action> ofActionId(String id) {
            for (Action a : values()) if (a.actionId.equals(id)) return java.util.Optional.of(a);
            return java.util.Optional.empty();
        }
    }

    public JobRequest request(Instant now) {
        String payload = JSON.createObjectNode().put("action", action.actionId()).put("followup_id", followUpId)
                .put("user_id", user.id()).put("user_name", user.name()).put("channel", channel)
                .put("trigger_id", triggerId).toString();
        // One attempt: a retry minutes later would open no modal and could surprise whoever clicked.
        return JobRequest.of(KIND, payload, now).withMaxAttempts(action == Action.DONE ? 1 : 3);
    }

    public static FollowUpClick parse(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            Action action = Action.ofActionId(n.path("action").asText())
                    .orElseThrow(() -> new PermanentFailureException(KIND + " has an unknown action"));
            return new FollowUpClick(action, n.path("followup_id").asLong(),
                    new Actor(n.path("user_id").asText(), n.path("user_name").asText(null)),
                    n.path("channel").asText(null), n.path("trigger_id").asText(null));
        } catch (IOException e) {
            throw new PermanentFailureException(KIND + " payload is not JSON: " + e.getMessage());
        }
    }
}
