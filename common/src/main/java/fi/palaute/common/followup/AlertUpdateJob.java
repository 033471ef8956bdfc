package fi.palaute.common.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.job.JobRequest;
import fi.palaute.common.job.PermanentFailureException;
import java.time.Instant;

/**
 * The job contract {@code slack.followup_update}: redraw a follow-up's Slack alert from its current state.
 * Enqueued by whoever changes the state (the rating page when a changed answer closes it, the Slack
 * interaction jobs); run by the Slack connector. Drawing from the stored state makes repeats harmless.
 */
public record AlertUpdateJob(long followUpId, String note) {
    public static final String KIND = "slack.followup_update";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param note a line for the alert's thread saying what happened (say, the customer changed the answer), or null
     */
    public AlertUpdateJob {
        if (note != null && note.isBlank()) note = null;
    }

    public JobRequest request(Instant now) {
        var payload = JSON.createObjectNode().put("followup_id", followUpId);
        if (note != null) payload.put("note", note);
        return JobRequest.of(KIND, payload.toString(), now);
    }

    public static AlertUpdateJob parse(String payload) throws PermanentFailureException {
        try {
            JsonNode n = JSON.readTree(payload);
            if (!n.path("followup_id").canConvertToLong()) throw new PermanentFailureException(KIND + " payload has no followup_id");
            return new AlertUpdateJob(n.path("followup_id").asLong(), n.path("note").asText(null));
        } catch (java.io.IOException e) {
            throw new PermanentFailureException(KIND + " payload is not JSON: " + e.getMessage());
        }
    }
}
