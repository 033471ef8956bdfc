package fi.palaute.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.followup.Actor;
import fi.palaute.common.http.Handler;
import fi.palaute.common.http.Request;
import fi.palaute.common.http.Response;
import fi.palaute.common.job.JobQueue;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/interactions}: clicks on an alert's buttons ({@code block_actions}) and the outcome
 * modal's submission ({@code view_submission}). Slack signs the raw form body as it signs slash commands,
 * and waits three seconds for an answer; so this checks the signature, reads the {@code payload} field,
 * enqueues a job and answers. Everything that calls Slack runs in that job.
 */
public final class InteractionEndpoint implements Handler {
    private static final Logger log = LoggerFactory.getLogger(InteractionEndpoint.class);

    private final SlackJobIntake intake;
    private final ObjectMapper json = new ObjectMapper();

    /** Behind {@link SlackSignatureVerifier#signed}: only signed requests reach it. */
    public InteractionEndpoint(JobQueue queue, Runnable poke, Clock clock) {
        this.intake = new SlackJobIntake(queue, poke, clock);
    }

    @Override
    public Response handle(Request request) {
        String raw = request.form().get("payload");
        if (raw == null) return Response.error(400, "bad_request", "the form field payload is missing");
        JsonNode payload;
        try {
            payload = json.readTree(raw);
        } catch (IOException e) {
            return Response.error(400, "bad_request", "the form field payload is not JSON");
        }
        if (payload == null || !payload.isObject()) return Response.error(400, "bad_request", "payload must be a JSON object");
        return switch (payload.path("type").asText("")) {
            case "block_actions" -> click(payload);
            case "view_submission" -> submission(payload);
            default -> ok();
        };
    }

    private Response click(JsonNode payload) {
        JsonNode action = payload.path("actions").path(0);
        Optional<FollowUpClick.Action> kind = FollowUpClick.Action.ofActionId(action.path("action_id").asText(""));
        if (kind.isEmpty() || !action.path("value").asText("").matches("[0-9]{1,18}")) {
            log.info("interaction ignored: action {}", action.path("action_id").asText("(none)"));
            return ok();
        }
        Actor user = user(payload);
        String channel = payload.path("container").path("channel_id").asText(payload.path("channel").path("id").asText(null));
        FollowUpClick click = new FollowUpClick(kind.get(), Long.parseLong(action.path("value").asText()), user, channel,
                payload.path("trigger_id").asText(null));
        intake.enqueue(click::request);
        log.info("follow-up {} {} by {}", click.followUpId(), kind.get().actionId(), user.id());
        return ok();
    }

    private Response submission(JsonNode payload) {
        JsonNode view = payload.path("view");
        if (!OutcomeModal.CALLBACK_ID.equals(view.path("callback_id").asText())
                || !view.path("private_metadata").asText("").matches("[0-9]{1,18}")) {
            return ok();
        }
        JsonNode values = view.path("state").path("values");
        Optional<String> outcome = OutcomeModal.outcome(values);
        if (outcome.isEmpty()) {
            // Keeps the modal open with the message under the field, as Slack documents for validation.
            return Response.json(200, Map.of("response_action", "errors",
                    "errors", Map.of(OutcomeModal.OUTCOME_BLOCK, "Say in a few words what came of it.")));
        }
        OutcomeSubmission s = new OutcomeSubmission(Long.parseLong(view.path("private_metadata").asText()), user(payload),
                outcome.get(), OutcomeModal.reached(values));
        intake.enqueue(s::request);
        log.info("follow-up {} outcome submitted by {}", s.followUpId(), s.user().id());
        return ok();
    }

    private static Actor user(JsonNode payload) {
        JsonNode u = payload.path("user");
        String name = u.path("username").asText(u.path("name").asText(null));
        return new Actor(u.path("id").asText("unknown"), name);
    }

    /** An empty 200: Slack's acknowledgement (it closes a submitted modal). */
    private static Response ok() {
        return SlackJobIntake.ok();
    }
}
