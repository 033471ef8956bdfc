package fi.palaute.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.followup.Actor;
import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobRequest;
import fi.palaute.common.job.PermanentFailureException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The Slack follow-up jobs' contracts: what the endpoints enqueue is what the handlers read, in the flat
 * payloads jobs already queued before the contracts were typed carry, and a payload no handler could act
 * on parks the job as dead.
 */
class SlackJobContractsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Job job(JobRequest r) {
        return new Job(1, r.kind(), r.payload(), 1, r.maxAttempts(), r.dueAt(), r.dueAt(), "w");
    }

    @Test
    void clickRoundTripsInTheFlatPayload() throws Exception {
        FollowUpClick click = new FollowUpClick(FollowUpClick.Action.CLAIM, 42, new Actor("U1", "aino"), "C9", "T7");
        JobRequest r = click.request(NOW);
        assertEquals("slack.followup_click", r.kind());
        assertEquals(3, r.maxAttempts());
        JsonNode payload = JSON.readTree(r.payload());
        assertEquals("followup_claim", payload.path("action").asText());
        assertEquals(42, payload.path("followup_id").asLong());
        assertEquals("U1", payload.path("user_id").asText());
        assertEquals("aino", payload.path("user_name").asText());
        assertEquals("T7", payload.path("trigger_id").asText());
        assertEquals(click, FollowUpClick.KIND.payloadOf(job(r)));
        assertEquals(1, new FollowUpClick(FollowUpClick.Action.DONE, 42, new Actor("U1", null), null, "T7")
                .request(NOW).maxAttempts(), "Done opens a modal whose trigger id expires: one attempt");
    }

    @Test
    void clickWithAnUnknownActionIsDead() {
        JobRequest r = JobRequest.of(FollowUpClick.KIND.name(),
                "{\"action\":\"launch\",\"followup_id\":1,\"user_id\":\"U1\"}", NOW);
        assertThrows(PermanentFailureException.class, () -> FollowUpClick.KIND.payloadOf(job(r)));
    }

    @Test
    void outcomeLeavesAnUnansweredQuestionOut() throws Exception {
        OutcomeSubmission s = new OutcomeSubmission(7, new Actor("U2", "eero"), "Called back", null);
        JobRequest r = s.request(NOW);
        assertEquals("slack.followup_outcome", r.kind());
        JsonNode payload = JSON.readTree(r.payload());
        assertTrue(payload.path("customer_reached").isMissingNode(), r.payload());
        assertEquals(7, payload.path("followup_id").asLong());
        OutcomeSubmission read = OutcomeSubmission.KIND.payloadOf(job(r));
        assertEquals(s, read);
        assertNull(read.customerReached());
        assertEquals(new Actor("U2", "eero"), read.user());
    }

    @Test
    void oneReminderPerFollowUpAndOneAppHomePerEvent() {
        JobRequest reminder = ReminderJob.request(5, NOW);
        assertEquals("slack.followup_reminder", reminder.kind());
        assertEquals("followup-reminder:5", reminder.dedupeKey());
        assertEquals(new ReminderJob.Due(5), ReminderJob.KIND.payloadOf(job(reminder)));

        JobRequest home = AppHomeJob.request("U3", "Ev1", NOW);
        assertEquals("app-home:Ev1", home.dedupeKey());
        assertEquals(3, home.maxAttempts());
        assertNull(AppHomeJob.request("U3", null, NOW).dedupeKey(), "an event without an id is not deduplicated");
        assertEquals("U3", AppHomeJob.KIND.payloadOf(job(home)).user());
    }
}
