package fi.palaute.slack;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import fi.palaute.common.followup.Actor;
import fi.palaute.common.job.JobKind;
import fi.palaute.common.job.JobRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * The job contract {@code slack.followup_click}: a click on one of an alert's buttons, taken from Slack's
 * {@code block_actions} payload by {@link InteractionEndpoint} and acted on by {@link FollowUpClickJob}.
 * The trigger id lets Done open its modal; Slack honours it for three seconds, so this job is not retried.
 * The payload is flat ({@code action}, {@code followup_id}, {@code user_id}, {@code user_name},
 * {@code channel}, {@code trigger_id}).
 */
public record FollowUpClick(Action action, @JsonProperty("followup_id") long followUpId, String userId,
                            String userName, String channel, String triggerId) {
    public static final JobKind<FollowUpClick> KIND = JobKind.of("slack.followup_click", FollowUpClick.class);

    public FollowUpClick {
        if (action == null) throw new IllegalArgumentException("action is required");
        if (userId == null || userId.isBlank()) throw new IllegalArgumentException("user_id is required");
    }

    public FollowUpClick(Action action, long followUpId, Actor user, String channel, String triggerId) {
        this(action, followUpId, user.id(), user.name(), channel, triggerId);
    }

    /** Who clicked. */
    public Actor user() {
        return new Actor(userId, userName);
    }

    /** What the button asks for; each is one {@code action_id}, which is also its name in the payload. */
    public enum Action {
        CLAIM(AlertComposer.CLAIM), DONE(AlertComposer.DONE), NO_ACTION(AlertComposer.NO_ACTION);

        private final String actionId;

        Action(String actionId) {
            this.actionId = actionId;
        }

        @JsonValue
        public String actionId() { return actionId; }

        public static Optional<Action> ofActionId(String id) {
            for (Action a : values()) if (a.actionId.equals(id)) return Optional.of(a);
            return Optional.empty();
        }

        @JsonCreator
        static Action fromPayload(String id) {
            return ofActionId(id).orElseThrow(() -> new IllegalArgumentException("unknown action " + id));
        }
    }

    public JobRequest request(Instant now) {
        // One attempt: a retry minutes later would open no modal and could surprise whoever clicked.
        return KIND.request(this, now).withMaxAttempts(action == Action.DONE ? 1 : 3);
    }
}
