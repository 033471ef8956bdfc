package fi.palaute.common.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.job.JobRequest;
import fi.palaute.common.job.PermanentFailureException;
import java.time.Instant;

/**
 * The job contract {@code <source>.followup_note}: write a closed follow-up's outcome onto its ticket as a
 * private note. The Slack connector has no helpdesk client, so it enqueues this for the survey connector
 * that owns the ticket's source ({@code zendesk.followup_note}, {@code freshdesk.followup_note}); the
 * database is the integration point. One note per follow-up: the dedupe key makes a repeat a no-op.
 */
public record NoteJob(String source, long followUpId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static String kind(String source) {
        return source + ".followup_note";
    }

    public JobRequest request(Instant now) {
        return JobRequest.of(kind(source), JSON.createObjectNode().put("followup_id", followUpId).toString(), now)
                .withDedupeKey("followup-note:" + followUpId);
    }

    public static NoteJob parse(String source, String payload) throws PermanentFailureException {
        try {
            JsonNode n = JSON.readTree(payload);
            if (!n.path("followup_id").canConvertToLong()) {
                throw new PermanentFailureException(kind(source) + " payload has no followup_id");
            }
            return new NoteJob(source, n.path("followup_id").asLong());
        } catch (java.io.IOException e) {
            throw new PermanentFailureException(kind(source) + " payload is not JSON: " + e.getMessage());
        }
    }
}
