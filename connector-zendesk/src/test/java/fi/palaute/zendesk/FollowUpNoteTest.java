package fi.palaute.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.common.followup.Actor;
import fi.palaute.common.followup.CloseReason;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.followup.NoteJob;
import fi.palaute.common.job.JobState;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outcome someone recorded in Slack reaches the Zendesk ticket as one private note: the Slack connector
 * enqueues {@code zendesk.followup_note}, this connector runs it against the Zendesk API.
 */
class FollowUpNoteTest {
    private final FakeZendesk zendesk = new FakeZendesk();
    private RunningConnector app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
        zendesk.close();
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void outcomeFromSlackIsWrittenToTheTicketAsOnePrivateNote(TestDatabases.Kind kind) throws Exception {
        app = new RunningConnector(zendesk, Map.of(), kind);
        zendesk.acceptUpdates(4242);
        var db = app.runtime.db();
        SurveyRows rows = new SurveyRows(db);
        Instant at = Instant.parse("2026-03-10T09:00:00Z");
        long survey = rows.sentSurvey("zendesk", "4242", "csat", "en", at, "Aino", "Support");
        long answer = rows.answer(survey, "zendesk", "4242", "csat", 1, "Nobody called", at.plusSeconds(600), false, "Aino", "Support");
        FollowUpStore store = new FollowUpStore(db);
        long id = db.inTransaction(tx -> store.open(tx, survey, answer, "zendesk", "4242", at.plusSeconds(600)).orElseThrow());
        assertTrue(store.close(id, CloseReason.DONE, new Actor("U0AINO", "aino"), "Called her, refunded the fee", true,
                at.plusSeconds(3000)));

        // The Slack connector's side of the contract, twice (a repeated submission): one job, one note.
        for (int i = 0; i < 2; i++) app.runtime.queue().enqueue(NoteJob.kind("zendesk").request(new NoteJob(id), app.clock.instant()));
        app.runtime.worker().poke();
        app.awaitJobsFinished(NoteJob.kind("zendesk").name(), 1);
        var notes = zendesk.notes(4242);
        assertEquals(1, notes.size());
        JsonNode comment = zendesk.body(notes.get(0)).path("ticket").path("comment");
        assertFalse(comment.path("public").asBoolean(true));
        String text = comment.path("body").asText();
        assertTrue(text.contains("Outcome: Called her, refunded the fee"), text);
        assertTrue(text.contains("Customer reached: yes"), text);
        assertTrue(text.contains("Closed by aino in Slack"), text);
        assertTrue(text.contains("low CSAT 1/5"), text);
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void outcomeForAClosedTicketStaysInPalauteAndIsNotRetried(TestDatabases.Kind kind) throws Exception {
        app = new RunningConnector(zendesk, Map.of(), kind);
        zendesk.acceptUpdates(4343);
        zendesk.closes(4343);
        var db = app.runtime.db();
        SurveyRows rows = new SurveyRows(db);
        Instant at = Instant.parse("2026-03-10T09:00:00Z");
        long survey = rows.sentSurvey("zendesk", "4343", "csat", "en", at, "Aino", "Support");
        long answer = rows.answer(survey, "zendesk", "4343", "csat", 2, "Slow", at.plusSeconds(600), false, "Aino", "Support");
        FollowUpStore store = new FollowUpStore(db);
        long id = db.inTransaction(tx -> store.open(tx, survey, answer, "zendesk", "4343", at.plusSeconds(600)).orElseThrow());
        assertTrue(store.close(id, CloseReason.DONE, new Actor("U0AINO", "aino"), "Called back", true, at.plusSeconds(3000)));

        app.runtime.queue().enqueue(NoteJob.kind("zendesk").request(new NoteJob(id), app.clock.instant()));
        app.runtime.worker().poke();
        var job = app.awaitJobsFinished(NoteJob.kind("zendesk").name(), 1).get(0);
        assertEquals(JobState.DONE, job.state(), String.valueOf(job));
        assertEquals(1, job.attempts());
        assertEquals(1, zendesk.ticketUpdates(4343).size(), "one note tried on the closed ticket, none repeated");
        assertEquals("Called back", store.find(id).orElseThrow().outcome(), "the outcome stays in Palaute");
    }
}
