package fi.palaute.zendesk;

import fi.palaute.common.job.JobState;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fi.palaute.common.job.JobQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The survey job against a fake Zendesk: what lands on the ticket, what is recorded, how failures behave. */
class ZendeskSurveyTest {
    static final Instant SOLVED = Instant.parse("2026-03-01T10:00:00Z");
    static final Pattern SCORE_LINK = Pattern.compile("https://cx\\.example\\.test(/r/[A-Za-z0-9_.~-]+)\\?score=(\\d+)");

    private final FakeZendesk zendesk = new FakeZendesk();
    private RunningConnector app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
        zendesk.close();
    }

    private RunningConnector start(Map<String, String> env) throws Exception {
        app = new RunningConnector(zendesk, env);
        return app;
    }

    private List<LoggedRequest> awaitSurveys(long ticket, int n) {
        return RunningConnector.await(n + " survey replies on ticket " + ticket, () -> zendesk.surveyPosts(ticket),
                l -> l.size() >= n);
    }

    private List<Map<String, Object>> awaitSurveyRows(long ticket, int n) {
        return RunningConnector.await(n + " survey rows for ticket " + ticket, () -> app.surveys(ticket),
                l -> l.size() >= n && l.stream().noneMatch(r -> "sending".equals(r.get("state"))));
    }

    @Test
    void solvedTicketGetsOnePublicReplyWithOneLinkPerScoreAndStaysSolved() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(101), 1, 0, SOLVED, 95);
        start(Map.of());
        assertEquals(202, app.webhook(RunningConnector.triggerBody(101, "2026-03-01T10:00Z")).statusCode());

        JsonNode put = zendesk.body(awaitSurveys(101, 1).get(0));
        JsonNode comment = put.path("ticket").path("comment");
        assertTrue(comment.path("public").asBoolean());
        assertEquals("solved", put.path("ticket").path("status").asText());
        Matcher m = SCORE_LINK.matcher(comment.path("html_body").asText());
        StringBuilder scores = new StringBuilder();
        while (m.find()) scores.append(m.group(2));
        assertEquals("12345", scores.toString());
        assertTrue(comment.path("html_body").asText().contains("How satisfied"));
        assertTrue(comment.path("html_body").asText().contains("About your request #101: Invoice is wrong"),
                "the ticket's number and title open the survey");

        Map<String, Object> survey = awaitSurveyRows(101, 1).get(0);
        assertEquals("sent", survey.get("state"));
        assertEquals(SOLVED.toString(), survey.get("cycle_key"));
        Map<String, Object> outcome = app.outcomes(101).get(0);
        assertEquals(1L, outcome.get("fcr"));
        assertEquals(1L, outcome.get("replies"));
        assertEquals(0L, outcome.get("reopens"));
        assertEquals(95L * 60, outcome.get("resolution_seconds"));
        assertEquals("Aino Agent", outcome.get("agent"));
        assertEquals("aino@acme.test", outcome.get("agent_email"), "from the sideloaded assignee, for Slack's App Home");
        assertEquals("Billing", outcome.get("agent_group"));
        assertEquals("email", outcome.get("channel"));
        assertNull(outcome.get("handle_time_seconds"), "no handle-time field configured: absent, not resolution time");
        assertNull(outcome.get("handle_time_source"));
    }

    @Test
    void oneSurveyCostsThreeApiCallsEvenWithHandleTimeTracked() throws Exception {
        // The API budget is the limit on a busy account: the ticket, its metrics and the reply, each once.
        zendesk.ticket(FakeZendesk.Ticket.solved(120).handleTime("600"), 1, 0, SOLVED, 30);
        start(Map.of("ZENDESK_HANDLE_TIME_FIELD", String.valueOf(FakeZendesk.HANDLE_TIME_FIELD)));
        app.webhook(RunningConnector.triggerBody(120, "2026-03-01T10:00Z"));
        awaitSurveys(120, 1);
        app.awaitJobsFinished("zendesk.survey", 1);
        long calls = zendesk.server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/api/v2/tickets/120")).count();
        assertEquals(3, calls, "GET ticket, GET metrics, PUT reply");
        assertEquals(600L, app.outcomes(120).get(0).get("handle_time_seconds"));
    }

    @Test
    void metricsCountSurveysAsTheyHappenWithOneLabelPerReasonWhateverTheVendorSaid() throws Exception {
        start(Map.of());
        // Rows written behind the service's back: a scrape does not count the table (its cost would grow with it).
        app.runtime.db().run(tx -> {
            for (String reason : new String[] {"rejected: 422 Ticket is closed", "rejected: 404 RecordNotFound", "cooldown"}) {
                tx.update("INSERT INTO surveys (source, ticket_id, cycle_key, template_id, metric, state, suppressed_reason, "
                        + "created_at) VALUES ('zendesk', ?, 'c', 'csat', 'csat', 'suppressed', ?, 1)", reason, reason);
            }
        });
        String scrape = app.get("/metrics").body();
        assertTrue(scrape.lines().noneMatch(l -> l.startsWith("palaute_surveys{")), scrape);
        assertEquals("rejected", fi.palaute.common.survey.SurveyJob.reasonLabel("rejected: 422 Ticket is closed"));
        assertEquals("rejected", fi.palaute.common.survey.SurveyJob.reasonLabel("rejected: 404 RecordNotFound"));
        assertEquals("cooldown", fi.palaute.common.survey.SurveyJob.reasonLabel("cooldown"));
    }

    @Test
    void duplicateWebhookSendsOneSurvey() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(102), 1, 0, SOLVED, 30);
        start(Map.of());
        String body = RunningConnector.triggerBody(102, "2026-03-01T10:00Z");
        app.webhook(body);
        app.webhook(body);
        // The same solve by the other body form, with its own event id: the cycle check collapses it.
        app.webhook(ZendeskWebhookParserBodies.statusChanged("01HQ-other", "102", "SOLVED"));
        app.awaitJobsFinished("zendesk.survey", 2);
        assertEquals(1, zendesk.surveyPosts(102).size());
        assertEquals(1, app.surveys(102).size());
    }

    @Test
    void reopenAndNewSolveStartANewCycleWithItsOwnSurvey() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(103), 1, 0, SOLVED, 30);
        start(Map.of("PALAUTE_COOLDOWN", "PT0S"));
        app.webhook(RunningConnector.triggerBody(103, "2026-03-01T10:00Z"));
        awaitSurveys(103, 1);

        // The customer reopened it; the agent replied again and solved it an hour later.
        zendesk.metrics(103, 3, 1, SOLVED.plus(Duration.ofHours(1)), 90);
        app.webhook(RunningConnector.triggerBody(103, "2026-03-01T11:00Z"));
        awaitSurveys(103, 2);
        List<Map<String, Object>> rows = awaitSurveyRows(103, 2);
        assertEquals(List.of("sent", "sent"), rows.stream().map(r -> r.get("state")).toList());
        List<Map<String, Object>> outcomes = app.outcomes(103);
        assertEquals(1L, outcomes.get(0).get("fcr"));
        assertEquals(0L, outcomes.get(1).get("fcr"), "a reopened ticket is not first-contact resolved");
        assertEquals(1L, outcomes.get(1).get("reopens"));
    }

    @Test
    void cooldownSuppressesASecondSurveyToTheSameRequester() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(104), 1, 0, SOLVED, 30);
        zendesk.ticket(FakeZendesk.Ticket.solved(105), 1, 0, SOLVED.plusSeconds(60), 30);
        start(Map.of()); // default cooldown P7D
        app.webhook(RunningConnector.triggerBody(104, "2026-03-01T10:00Z"));
        awaitSurveys(104, 1);
        app.webhook(RunningConnector.triggerBody(105, "2026-03-01T10:01Z"));
        Map<String, Object> second = awaitSurveyRows(105, 1).get(0);
        assertEquals("suppressed", second.get("state"));
        assertEquals("cooldown", second.get("suppressed_reason"));
        assertEquals(0, zendesk.surveyPosts(105).size());
        assertEquals(1, app.outcomes(105).size(), "the outcome is recorded even when the survey is suppressed");
    }

    @Test
    void excludedTagSuppressesTheSurvey() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(106).tags(List.of("billing", "no_survey")), 1, 0, SOLVED, 30);
        start(Map.of());
        app.webhook(RunningConnector.triggerBody(106, "2026-03-01T10:00Z"));
        Map<String, Object> row = awaitSurveyRows(106, 1).get(0);
        assertEquals("suppressed", row.get("state"));
        assertEquals("excluded_tag: no_survey", row.get("suppressed_reason"));
        assertEquals(0, zendesk.surveyPosts(106).size());
    }

    @Test
    void agentRequesterGetsNoSurvey() throws Exception {
        zendesk.ticket(new FakeZendesk.Ticket(112, "solved", 5005, "en-US", "admin", List.of(), null), 1, 0, SOLVED, 30);
        start(Map.of());
        app.webhook(RunningConnector.triggerBody(112, "2026-03-01T10:00Z"));
        assertEquals("requester_is_agent", awaitSurveyRows(112, 1).get(0).get("suppressed_reason"));
        assertEquals(0, zendesk.surveyPosts(112).size());
    }

    @Test
    void closedTicketIsRecordedAsSuppressedWithoutAnUpdate() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(107).status("closed"), 1, 0, SOLVED, 30);
        start(Map.of());
        app.webhook(ZendeskWebhookParserBodies.statusChanged("01HQ-closed", "107", "CLOSED"));
        Map<String, Object> row = awaitSurveyRows(107, 1).get(0);
        assertEquals("suppressed", row.get("state"));
        assertTrue(((String) row.get("suppressed_reason")).startsWith("ticket_closed"), String.valueOf(row));
        app.awaitJobsFinished("zendesk.survey", 1);
        assertEquals(0, zendesk.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                urlPathEqualTo("/api/v2/tickets/107"))).size());
    }

    @Test
    void ticketClosedBetweenTheReadAndTheReplyIsSuppressedAsClosedNotRetried() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(108), 1, 0, SOLVED, 30);
        zendesk.closes(108);
        start(Map.of());
        app.webhook(RunningConnector.triggerBody(108, "2026-03-01T10:00Z"));
        var job = app.awaitJobsFinished("zendesk.survey", 1).get(0);
        assertEquals(fi.palaute.common.job.JobState.DONE, job.state(), String.valueOf(job));
        assertEquals(1, job.attempts(), "a closed ticket is an answer, not a failure to retry");
        Map<String, Object> row = awaitSurveyRows(108, 1).get(0);
        assertEquals("suppressed", row.get("state"));
        assertTrue(((String) row.get("suppressed_reason")).startsWith("ticket_closed: "), String.valueOf(row));
        assertEquals(1, zendesk.ticketUpdates(108).size(), "one reply tried, none repeated");
    }

    @Test
    void finnishRequesterGetsTheFinnishSurvey() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(108).locale("fi-FI"), 1, 0, SOLVED, 30);
        start(Map.of());
        app.webhook(RunningConnector.triggerBody(108, "2026-03-01T10:00Z"));
        String html = zendesk.body(awaitSurveys(108, 1).get(0)).path("ticket").path("comment").path("html_body").asText();
        assertTrue(html.contains("Kuinka tyytyväinen olit saamaasi tukeen?"), html);
        assertTrue(html.contains("Koskee pyyntöäsi #108: Invoice is wrong"), html);
        assertTrue(html.contains("lang=\"fi\""), html);
        assertEquals("fi", awaitSurveyRows(108, 1).get(0).get("locale"));
    }

    @Test
    void handleTimeComesFromTheTimeTrackingFieldWhenConfigured() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(109).handleTime("1260"), 1, 0, SOLVED, 95);
        zendesk.ticket(FakeZendesk.Ticket.solved(110).requester(9002), 1, 0, SOLVED, 95); // field left empty
        start(Map.of("ZENDESK_HANDLE_TIME_FIELD", String.valueOf(FakeZendesk.HANDLE_TIME_FIELD)));
        app.webhook(RunningConnector.triggerBody(109, "2026-03-01T10:00Z"));
        app.webhook(RunningConnector.triggerBody(110, "2026-03-01T10:00Z"));
        awaitSurveyRows(109, 1);
        awaitSurveyRows(110, 1);
        Map<String, Object> tracked = app.outcomes(109).get(0);
        assertEquals(1260L, tracked.get("handle_time_seconds"));
        assertTrue(String.valueOf(tracked.get("handle_time_source")).contains(String.valueOf(FakeZendesk.HANDLE_TIME_FIELD)));
        Map<String, Object> untracked = app.outcomes(110).get(0);
        assertNull(untracked.get("handle_time_seconds"), "an empty field is absent, never resolution time");
        assertEquals(95L * 60, untracked.get("resolution_seconds"));
    }

    @Test
    void metricsNotReadyYetAreRetriedNotRecordedAsZero() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(111), 0, 0, null, 0);
        // Zendesk computes metrics shortly after the solve: first read without solved_at, then complete.
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/111/metrics")).inScenario("metrics")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ready")
                .willReturn(okJson(FakeZendesk.metricsJson(111, 0, 0, null, 0))));
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/111/metrics")).inScenario("metrics")
                .whenScenarioStateIs("ready")
                .willReturn(okJson(FakeZendesk.metricsJson(111, 1, 0, SOLVED, 42))));
        start(Map.of());
        app.webhook(RunningConnector.triggerBody(111, "2026-03-01T10:00Z"));
        awaitSurveys(111, 1);
        Map<String, Object> outcome = app.outcomes(111).get(0);
        assertEquals(1L, outcome.get("replies"));
        assertEquals(42L * 60, outcome.get("resolution_seconds"));
        assertTrue(app.jobs("zendesk.survey").get(0).attempts() >= 2);
    }

    @Test
    void rateLimitedReplyWaitsForRetryAfterThenIsSent() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(120), 1, 0, SOLVED, 30);
        zendesk.server.stubFor(put(urlPathEqualTo("/api/v2/tickets/120")).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("open")
                .willReturn(FakeZendesk.zendeskError(429, "{\"error\": \"TooManyRequests\", "
                        + "\"description\": \"Rate limit for ticket updates exceeded, please wait before updating this ticket again\"}")
                        .withHeader("Retry-After", "2")));
        zendesk.server.stubFor(put(urlPathEqualTo("/api/v2/tickets/120")).inScenario("limit")
                .whenScenarioStateIs("open").willReturn(okJson("{\"ticket\": {\"id\": 120, \"status\": \"solved\"}}")));
        start(Map.of());
        app.webhook(RunningConnector.triggerBody(120, "2026-03-01T10:00Z"));
        List<LoggedRequest> puts = awaitSurveys(120, 2);
        Duration gap = Duration.between(puts.get(0).getLoggedDate().toInstant(), puts.get(1).getLoggedDate().toInstant());
        assertTrue(gap.compareTo(Duration.ofMillis(1900)) >= 0, "second attempt came after " + gap);
        assertEquals("sent", awaitSurveyRows(120, 1).get(0).get("state"));
        assertEquals(1, app.surveys(120).size());
    }

    @Test
    void threeServerErrorsThenSuccessSendsTheSurvey() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(121), 1, 0, SOLVED, 30);
        String path = "/api/v2/tickets/121";
        for (int i = 0; i < 3; i++) {
            zendesk.server.stubFor(get(urlPathEqualTo(path)).inScenario("flaky")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i).willSetStateTo("failed-" + (i + 1))
                    .willReturn(FakeZendesk.zendeskError(500, "{\"error\": \"InternalServerError\"}")));
        }
        zendesk.server.stubFor(get(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs("failed-3")
                .willReturn(okJson(FakeZendesk.ticketJson(FakeZendesk.Ticket.solved(121)))));
        start(Map.of());
        app.webhook(RunningConnector.triggerBody(121, "2026-03-01T10:00Z"));
        awaitSurveys(121, 1);
        JobQueue.JobStatus job = app.awaitJobsFinished("zendesk.survey", 1).get(0);
        assertEquals(JobState.DONE, job.state());
        assertEquals(4, job.attempts());
        assertEquals(4, zendesk.server.findAll(getRequestedFor(urlPathEqualTo(path))).size());
    }

    @Test
    void unauthorizedParksTheJobAsDeadWithZendesksErrorInMetrics() throws Exception {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/122"))
                .willReturn(FakeZendesk.zendeskError(401, "{\"error\": \"Couldn't authenticate you\"}")));
        start(Map.of());
        app.webhook(RunningConnector.triggerBody(122, "2026-03-01T10:00Z"));
        JobQueue.JobStatus job = app.awaitJobsFinished("zendesk.survey", 1).get(0);
        assertEquals(JobState.DEAD, job.state());
        assertEquals(1, job.attempts(), "a 401 is not retried");
        assertTrue(job.lastError().contains("Couldn't authenticate you"), job.lastError());
        String metrics = app.get("/metrics").body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("palaute_job_dead_total")
                && l.contains("zendesk.survey") && l.contains("401")), metrics);
        assertEquals(0, zendesk.surveyPosts(122).size());
    }

    @Test
    void replyThatLandedDespiteAnErrorIsNotPostedTwice() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(123), 1, 0, SOLVED, 30);
        // Zendesk stored the reply but the answer was lost (a 502 from a proxy, say).
        zendesk.server.stubFor(put(urlPathEqualTo("/api/v2/tickets/123"))
                .willReturn(FakeZendesk.zendeskError(502, "{\"error\": \"Bad Gateway\"}")));
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/123/comments"))
                .willReturn(FakeZendesk.zendeskError(503, "{\"error\": \"Service Unavailable\"}")));
        start(Map.of());
        app.webhook(RunningConnector.triggerBody(123, "2026-03-01T10:00Z"));
        String html = zendesk.body(awaitSurveys(123, 1).get(0)).path("ticket").path("comment").path("html_body").asText();
        String comments = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(
                "comments", List.of(Map.of("id", 1274, "type", "Comment", "public", true, "body", "Thanks",
                        "html_body", html, "author_id", FakeZendesk.AGENT)),
                "count", 1));
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/123/comments")).willReturn(okJson(comments)));

        RunningConnector.await("survey marked sent", () -> app.surveys(123), l -> "sent".equals(l.get(0).get("state")));
        assertEquals(JobState.DONE, app.awaitJobsFinished("zendesk.survey", 1).get(0).state());
        assertEquals(1, zendesk.surveyPosts(123).size(), "the survey is not posted a second time");
    }
}
