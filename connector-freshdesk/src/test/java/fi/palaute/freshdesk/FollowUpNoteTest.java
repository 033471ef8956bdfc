package fi.palaute.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.common.followup.Actor;
import fi.palaute.common.followup.CloseReason;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.followup.NoteJob;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outcome someone recorded in Slack reaches the Freshdesk ticket as one private note: the Slack connector
 * enqueues {@code freshdesk.followup_note}, this connector runs it against the Freshdesk API.
 */
class FollowUpNoteTest {
    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void outcomeFromSlackIsWrittenToTheTicketAsOnePrivateNote(TestDatabases.Kind kind) throws Exception {
        try (FreshdeskFake fake = new FreshdeskFake(); Harness app = new Harness(fake, Map.of(), kind)) {
            var db = app.runtime.db();
            SurveyRows rows = new SurveyRows(db);
            Instant at = Instant.parse("2026-03-10T09:00:00Z");
            long survey = rows.sentSurvey("freshdesk", "301", "ces", "en", at, "Pekka Tukinen", "Billing");
            long answer = rows.answer(survey, "freshdesk", "301", "ces", 2, "Took forever", at.plusSeconds(600), false,
                    "Pekka Tukinen", "Billing");
            FollowUpStore store = new FollowUpStore(db);
            long id = db.inTransaction(tx -> store.open(tx, survey, answer, "freshdesk", "301", at.plusSeconds(600)).orElseThrow());
            assertTrue(store.close(id, CloseReason.DONE, new Actor("U0PEKKA", "pekka"), "Left a voicemail <b>twice</b>",
                    false, at.plusSeconds(3000)));

            for (int i = 0; i < 2; i++) app.runtime.queue().enqueue(NoteJob.kind("freshdesk").request(new NoteJob(id), app.clock.instant()));
            app.runtime.worker().poke();
            Harness.await("the note", Duration.ofSeconds(10),
                    () -> !fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/301/notes"))).isEmpty());
            app.awaitJobsSettled();
            var notes = fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/301/notes")));
            assertEquals(1, notes.size(), "a repeated request writes no second note");
            JsonNode note = fake.json.readTree(notes.get(0).getBodyAsString());
            assertTrue(note.path("private").asBoolean(false));
            String body = note.path("body").asText();
            assertTrue(body.contains("<p>Outcome: Left a voicemail &lt;b&gt;twice&lt;/b&gt;</p>"), body);
            assertTrue(body.contains("<p>Customer reached: no</p>"), body);
            assertTrue(body.contains("palaute-followup-" + id), body);
        }
    }
}
