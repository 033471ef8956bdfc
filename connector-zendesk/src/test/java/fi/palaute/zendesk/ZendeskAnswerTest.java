package fi.palaute.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.job.JobQueue;
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
        var page = app.get(link, "User-Agent", RunningConnector.BROWSER);
        assertEquals(200, page.statusCode());
        assertEquals(0, count("SELECT COUNT(*) AS n FROM answers"), "opening the link records nothing");
        Matcher nonce = NONCE.matcher(page.body());
        assertTrue(nonce.find(), page.body());
        // A person reads the mail and the page before confirming.
        app.clock.advance(Duration.ofMinutes(2));
        String path = link.substring(0, link.indexOf('?'));
        var posted = app.postForm(path, "score=" + score + "&comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8)
                + "&nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8) + "&website=", RunningConnector.BROWSER);
        assertEquals(200, posted.statusCode(), posted.body());
        return posted.body();
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
        JsonNode tags = zendesk.body(zendesk.tagPuts(201).get(0)).path("tags");
        assertEquals("palaute_csat_4", tags.get(0).asText());
        assertEquals("done", app.awaitJobsFinished("zendesk.writeback", 1).get(0).state());

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
    void writeBackOnAClosedTicketWritesOnlyTheTagAndCompletes() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(202), 1, 0, SOLVED, 30);
        app = new RunningConnector(zendesk, Map.of());
        String link = surveyLink(202, 2);
        // The close automation ran before the customer answered: Zendesk refuses comments on closed tickets.
        zendesk.server.stubFor(put(urlPathEqualTo("/api/v2/tickets/202"))
                .withRequestBody(matchingJsonPath("$.ticket.comment.public", equalTo("false")))
                .willReturn(FakeZendesk.zendeskError(422, "{\"error\": \"RecordInvalid\", \"description\": "
                        + "\"Record validation errors\", \"details\": {\"status\": [{\"description\": "
                        + "\"Status: closed prevents ticket update\"}]}}")));
        answer(link, 2, "Took too long");

        JobQueue.JobStatus job = app.awaitJobsFinished("zendesk.writeback", 1).get(0);
        assertEquals("done", job.state());
        assertEquals(1, job.attempts(), "no retries against a closed ticket");
        assertEquals(1, zendesk.notes(202).size());
        assertEquals("palaute_csat_2", zendesk.body(zendesk.tagPuts(202).get(0)).path("tags").get(0).asText());
    }
}
