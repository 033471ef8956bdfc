package fi.palaute.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.http.Handler;
import fi.palaute.common.http.Request;
import fi.palaute.common.http.Response;
import fi.palaute.common.job.JobQueue;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * {@code POST /slack/events}, the Events API request URL. Signed like every Slack request. Answers
 * {@code url_verification} with its challenge (Slack's check when the URL is saved), and turns
 * {@code app_home_opened} on the Home tab into an App Home job, answering at once: Slack retries an event it
 * got no 200 for within three seconds, and the job's dedupe key on the event id makes a retry a no-op.
 */
public final class EventsEndpoint implements Handler {
    private final SlackJobIntake intake;
    private final ObjectMapper json = new ObjectMapper();

    /** Behind {@link SlackSignatureVerifier#signed}: only signed requests reach it. */
    public EventsEndpoint(JobQueue queue, Runnable poke, Clock clock) {
        this.intake = new SlackJobIntake(queue, poke, clock);
    }

    @Override
    public Response handle(Request request) {
        JsonNode body;
        try {
            body = json.readTree(request.body());
        } catch (IOException e) {
            return Response.error(400, "bad_request", "the body is not JSON");
        }
        if (body == null || !body.isObject()) return Response.error(400, "bad_request", "the body must be a JSON object");
        switch (body.path("type").asText("")) {
            case "url_verification" -> {
                return Response.json(200, Map.of("challenge", body.path("challenge").asText("")));
            }
            case "event_callback" -> {
                JsonNode event = body.path("event");
                if (event.path("type").asText().equals("app_home_opened") && event.path("tab").asText("home").equals("home")
                        && !event.path("user").asText("").isEmpty()) {
                    intake.enqueue(now -> AppHomeJob.request(event.path("user").asText(),
                            body.path("event_id").asText(null), now));
                }
                return SlackJobIntake.ok();
            }
            default -> {
                return SlackJobIntake.ok();
            }
        }
    }
}
