package fi.palaute.zendesk;

import fi.palaute.common.job.JobState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.http.ScrapedMetrics;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.link.AnswerLimits;
import fi.palaute.common.store.TestDatabases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** From solve to answer to write-back, as the customer and the agent see it. */
class ZendeskAnswerTest {
    /** Within the summary's default window, so FCR counts. */
    private static final Instant SOLVED = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");

    private final FakeZendesk zendesk = new FakeZendesk();
    private RunningConnector app;

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
        zendesk.close();
    }

    private long count(String sql) {
        return (Long) app.rows(sql).get(0).get("n");
    }

    /** Solves ticket {@code id}, waits for the survey reply and returns the path of the link for {@code score}. */
    private String surveyLink(long id, int score) {
        app.webhook(RunningConnector.triggerBody(id, "2026-03-01T10:00Z"));
        var puts = RunningConnector.await("survey reply", () -> zendesk.surveyPosts(id), l -> !l.isEmpty());
        String html = zendesk.body(puts.get(0)).path("ticket").path("comment").path("html_body").asText();
        Matcher m = ZendeskSurveyTest.SCORE_LINK.matcher(html);
        Map<Integer, String> links = new LinkedHashMap<>();
        while (m.find()) links.put(Integer.parseInt(m.group(2)), m.group(1) + "?score=" + m.group(2));
        assertEquals(5, links.size(), "one link per CSAT score: " + links);
        RunningConnector.await("survey marked sent", () -> app.surveys(id), l -> "sent".equals(l.get(0).get("state")));
        return links.get(score);
    }

    private String answer(String link, int score, String comment) {
        long before = count("SELECT COUNT(*) AS n FROM answers");
        var page = app.get(link, "User-Agent", RunningConnector.BROWSER);
        assertEquals(200, page.statusCode());
        assertEquals(before, count("SELECT COUNT(*) AS n FROM answers"), "opening the link records nothing");
        Matcher nonce = NONCE.matcher(page.body());
        assertTrue(nonce.find(), page.body());
        // A person reads the mail and the page before confirming.
        app.clock.advance(Duration.ofMinutes(2));
        String path = link.substring(0, link.indexOf('?'));
        var posted = app.postForm(path, "score=" + score + "&comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8)
                + "&nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8) + "&website=", RunningConnector.BROWSER);
        assertEquals(303, posted.statusCode(), posted.body());
        var thanks = app.get(posted.headers().firstValue("Location").orElseThrow(), "User-Agent", RunningConnector.BROWSER);
        assertEquals(200, thanks.statusCode());
        // The write-back waits a quiet period for a change of mind; the test's clock moves past it.
        app.clock.advance(AnswerLimits.defaults().quietPeriod().plusSeconds(1));
        return thanks.body();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void answerIsWrittenBackToTheTicketAndShowsInTheSummary(TestDatabases.Kind kind) throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(201), 1, 0, SOLVED, 95);
        app = new RunningConnector(zendesk, Map.of("ZENDESK_SCORE_FIELD", String.valueOf(FakeZendesk.SCORE_FIELD)), kind);

        answer(surveyLink(201, 4), 4, "Quick and friendly");

        var notes = RunningConnector.await("private note", () -> zendesk.notes(201), l -> !l.isEmpty());
        JsonNode note = zendesk.body(notes.get(0)).path("ticket");
        assertFalse(note.path("comment").path("public").asBoolean(true));
        String text = note.path("comment").path("body").asText();
        assertTrue(text.contains("CSAT 4") && text.contains("Quick and friendly"), text);
        assertEquals(FakeZendesk.SCORE_FIELD, note.path("custom_fields").get(0).path("id").asLong());
        assertEquals(4, note.path("custom_fields").get(0).path("value").asInt());
        assertFalse(note.has("status"), "the write-back leaves the status alone");
        assertEquals("[\"palaute_csat_4\"]", note.path("additional_tags").toString(), "tags added, none replaced");
        assertTrue(text.contains("palaute-answer-"), "the note carries its marker: " + text);
        assertEquals(JobState.DONE, app.awaitJobsFinished("zendesk.writeback", 1).get(0).state());

        var summary = app.get("/api/summary?from=" + app.clock.instant().minus(Duration.ofDays(1))
                + "&to=" + app.clock.instant().plus(Duration.ofDays(1)), "Authorization",
                "Bearer " + RunningConnector.ADMIN_TOKEN);
        assertEquals(200, summary.statusCode(), summary.body());
        JsonNode s = new ObjectMapper().readTree(summary.body());
        assertEquals(1, s.path("surveys_sent").asInt(), summary.body());
        assertEquals(1, s.path("answers").asInt(), summary.body());
        assertEquals(1, s.path("csat").path("n").asInt(), summary.body());
        assertEquals(100.0, s.path("csat").path("score").asDouble(), 0.001, summary.body());
        assertEquals(1, s.path("fcr").path("n").asInt(), summary.body());
        assertEquals(0, s.path("suspected_bot_answers").asInt(), summary.body());
    }

    @Test
    void writeBackIsOneBulkUpdateThatZendeskQueuesAndIsNotRetried() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(202), 1, 0, SOLVED, 30);
        app = new RunningConnector(zendesk, Map.of());
        String link = surveyLink(202, 2);
        answer(link, 2, "Took too long");

        JobQueue.JobStatus job = app.awaitJobsFinished("zendesk.writeback", 1).get(0);
        assertEquals(JobState.DONE, job.state());
        assertEquals(1, job.attempts(), "Zendesk queued the update: nothing to retry");
        assertEquals(1, zendesk.writeBacks(202).size());
        JsonNode update = zendesk.body(zendesk.writeBacks(202).get(0)).path("ticket");
        assertEquals("[\"palaute_csat_2\"]", update.path("additional_tags").toString());
        assertTrue(update.path("comment").path("body").asText().contains("Took too long"));
    }

    /** The API bill as the operator reads it on /metrics: calls by purpose. */
    private ScrapedMetrics metrics() {
        var scrape = app.get("/metrics");
        assertEquals(200, scrape.statusCode());
        return new ScrapedMetrics(scrape.body());
    }

    @Test
    void aSurveyCostsThreeCallsAndItsWriteBackOne() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(204), 1, 0, SOLVED, 30);
        app = new RunningConnector(zendesk, Map.of("ZENDESK_SCORE_FIELD", String.valueOf(FakeZendesk.SCORE_FIELD),
                "ZENDESK_HANDLE_TIME_FIELD", String.valueOf(FakeZendesk.HANDLE_TIME_FIELD)));
        String link = surveyLink(204, 5);
        assertEquals(3, metrics().calls("zendesk", "survey"),
                "the ticket with its users and groups, its metrics, and the reply: " + zendesk.requestsAbout(204));
        assertEquals(3, zendesk.requestsAbout(204).size(), "nothing else asked of Zendesk about the ticket");

        answer(link, 5, "");
        app.awaitJobsFinished("zendesk.writeback", 1);
        assertEquals(1, metrics().calls("zendesk", "write_back"), "note, tags and score field in one update");
        assertEquals(4, zendesk.requestsAbout(204).size());
        assertEquals(0, metrics().calls("zendesk", "unspecified"), "every call is labelled with its purpose");
    }

    @Test
    void aChangedAnswerLeavesExactlyOneScoreTagOnTheTicket() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(205), 1, 0, SOLVED, 30);
        app = new RunningConnector(zendesk, Map.of());
        String link = surveyLink(205, 4);
        answer(link, 4, "Fine");
        app.awaitJobsFinished("zendesk.writeback", 1);
        answer(link.replace("score=4", "score=1"), 1, "Actually it broke again");
        app.awaitJobsFinished("zendesk.writeback", 2);

        // Zendesk applies additional_tags and remove_tags of each update in turn to the ticket's tags.
        java.util.List<String> tags = new java.util.ArrayList<>(java.util.List.of("billing"));
        var updates = zendesk.writeBacks(205);
        assertEquals(2, updates.size());
        java.util.Set<String> markers = new java.util.HashSet<>();
        for (var update : updates) {
            JsonNode t = zendesk.body(update).path("ticket");
            t.path("additional_tags").forEach(tag -> { if (!tags.contains(tag.asText())) tags.add(tag.asText()); });
            t.path("remove_tags").forEach(tag -> tags.remove(tag.asText()));
            Matcher marker = Pattern.compile("palaute-answer-[0-9]+").matcher(t.path("comment").path("body").asText());
            assertTrue(marker.find());
            markers.add(marker.group());
        }
        assertEquals(java.util.List.of("billing", "palaute_csat_1"), tags, "one score tag, the customer's latest");
        assertEquals(2, markers.size(), "each answer's note has a marker of its own");
    }

    @Test
    void aWriteBackRetriedAfterItsUpdateLandedDoesNotPostTheNoteTwice() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(206), 1, 0, SOLVED, 30);
        // Zendesk takes the update, and the connection breaks before its answer arrives (a crash, a timeout).
        zendesk.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v2/tickets/update_many"))
                .inScenario("lost answer").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("landed"));
        zendesk.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v2/tickets/206/comments"))
                .inScenario("lost answer").whenScenarioStateIs("landed")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"comments": [{"id": 1274, "type": "Comment", "author_id": 123123, "public": false,
                          "body": "Palaute survey answer: CSAT 3 (scale 1–5)\\npalaute-answer-1\\n",
                          "html_body": "<div><p>Palaute survey answer: CSAT 3 (scale 1–5)<br>palaute-answer-1</p></div>",
                          "plain_body": "Palaute survey answer: CSAT 3 (scale 1–5) palaute-answer-1",
                          "created_at": "2026-03-01T11:00:00Z"}], "next_page": null, "previous_page": null, "count": 1}
                        """)));
        app = new RunningConnector(zendesk, Map.of());
        answer(surveyLink(206, 3), 3, "");
        assertEquals(1L, app.rows("SELECT id FROM answers").get(0).get("id"), "the marker the fake's note carries");

        JobQueue.JobStatus job = app.awaitJobsFinished("zendesk.writeback", 1).get(0);
        assertEquals(JobState.DONE, job.state());
        assertEquals(2, job.attempts(), "the lost answer was retried");
        assertEquals(1, zendesk.writeBacks(206).size(), "the retry found the note and wrote nothing again");
    }
}
