package fi.palaute.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fi.palaute.common.store.TestDatabases;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** From Freshdesk's webhook to the customer's answer, the write-back on the ticket, and /api/summary. */
class EndToEndTest {
    static java.util.stream.Stream<TestDatabases.Kind> databases() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void resolvedTicketToAnswerWrittenBackAndSummarised(TestDatabases.Kind db) throws Exception {
        try (FreshdeskFake fake = new FreshdeskFake();
             Harness app = new Harness(fake, Map.of("FRESHDESK_SCORE_FIELD", "cf_csat_score"), db)) {
            String resolvedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            fake.stubTicket(fake.ticket(301, 4, resolvedAt, null, "billing", "priority_customer"));
            fake.stubConversations(301,
                    fake.conversation(1, true, false, FreshdeskFake.REQUESTER, 0, "2026-01-05T10:05:00Z", "<div>Help</div>"),
                    fake.conversation(2, false, false, FreshdeskFake.AGENT, 0, "2026-01-05T10:30:00Z", "<div>Done</div>"));
            fake.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/301/time_entries"))
                    .willReturn(okJson(fake.json.createArrayNode().add(fake.timeEntry(1, "00:20")).toString())));

            HttpResponse<String> hook = app.webhookWithBasic("palaute", Harness.SECRET,
                    "{\"ticket_id\": {{id}}, \"ticket_status\": \"Resolved\"}".replace("{{id}}", "301"));
            assertEquals(202, hook.statusCode(), hook.body());
            Harness.await("the survey reply", Duration.ofSeconds(15),
                    () -> !fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/301/reply"))).isEmpty());
            LoggedRequest reply = fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/301/reply"))).get(0);
            assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString(
                    (FreshdeskFake.API_KEY + ":X").getBytes(StandardCharsets.UTF_8)), reply.getHeader("Authorization"));
            String html = fake.json.readTree(reply.getBodyAsString()).path("body").asText();
            Matcher link = Pattern.compile(Pattern.quote(Harness.PUBLIC_URL) + "(/r/[A-Za-z0-9_\\-.]+)\\?score=4").matcher(html);
            assertTrue(link.find(), html);
            app.awaitJobsSettled();

            // The customer opens the link, waits like a person, and confirms with a comment.
            String page = app.send(HttpRequest.newBuilder(URI.create(app.base() + link.group(1) + "?score=4"))
                    .header("User-Agent", Harness.BROWSER).build()).body();
            Matcher nonce = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"").matcher(page);
            assertTrue(nonce.find(), page);
            app.clock.advance(Duration.ofMinutes(1));
            String form = "score=4&comment=" + URLEncoder.encode("Quick & friendly", StandardCharsets.UTF_8)
                    + "&nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8) + "&website=";
            HttpResponse<String> answer = app.send(HttpRequest.newBuilder(URI.create(app.base() + link.group(1)))
                    .header("User-Agent", Harness.BROWSER).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertEquals(303, answer.statusCode(), "the answer ends on the thank-you page: " + answer.body());
            // past the quiet period the write-back waits for a change of mind
            app.clock.advance(fi.palaute.common.link.AnswerLimits.defaults().quietPeriod().plusSeconds(1));

            Harness.await("the private note", Duration.ofSeconds(15),
                    () -> !fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/301/notes"))).isEmpty());
            JsonNode note = fake.json.readTree(fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/301/notes")))
                    .get(0).getBodyAsString());
            assertTrue(note.path("private").asBoolean());
            assertTrue(note.path("body").asText().contains("CSAT answer: 4"), note.toString());
            assertTrue(note.path("body").asText().contains("Quick &amp; friendly"), note.toString());
            List<LoggedRequest> puts = fake.requests(putRequestedFor(urlPathEqualTo("/api/v2/tickets/301")));
            assertEquals(1, puts.size());
            JsonNode update = fake.json.readTree(puts.get(0).getBodyAsString());
            assertEquals("[\"billing\",\"priority_customer\",\"palaute_csat_4\"]", update.path("tags").toString(),
                    "Freshdesk replaces the tag list: the customer's tags must be sent back with ours");
            assertEquals(4, update.path("custom_fields").path("cf_csat_score").asInt());
            assertFalse(update.has("status"), "write-back leaves the status alone");

            // Digests and alerts name people: the agent and group as Freshdesk calls them, not their ids.
            assertEquals("Pekka Tukinen", app.string("SELECT agent FROM ticket_outcomes"));
            assertEquals("pekka@acme.example", app.string("SELECT agent_email FROM ticket_outcomes"),
                    "the agent's contact e-mail, which Slack's App Home matches people by");
            assertEquals("Billing", app.string("SELECT agent_group FROM answers"));

            HttpResponse<String> summary = app.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/summary"))
                    .header("Authorization", "Bearer " + Harness.ADMIN_TOKEN).build());
            assertEquals(200, summary.statusCode(), summary.body());
            JsonNode s = fake.json.readTree(summary.body());
            assertEquals(1, s.path("surveys_sent").asInt(), summary.body());
            assertEquals(1, s.path("answers").asInt(), summary.body());
            assertEquals(1, s.path("csat").path("n").asInt(), summary.body());
            assertEquals(100.0, s.path("csat").path("score").asDouble(), 0.001, summary.body());
            assertEquals(1, s.path("fcr").path("n").asInt(), summary.body());
            assertEquals(1.0, s.path("fcr").path("rate").asDouble(), 0.001, summary.body());
            assertEquals(1200.0, s.path("handle_time_seconds").path("mean").asDouble(), 0.001, summary.body());
        }
    }

    /** As on Zendesk: a suspected bot's score stays out of the ticket's score field, as it stays out of Palaute's scores. */
    @org.junit.jupiter.api.Test
    void answerFlaggedAsAutomatedIsNotWrittenIntoTheScoreField() throws Exception {
        try (FreshdeskFake fake = new FreshdeskFake();
             Harness app = new Harness(fake, Map.of("FRESHDESK_SCORE_FIELD", "cf_csat_score"))) {
            String resolvedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            fake.stubTicket(fake.ticket(302, 4, resolvedAt, null, "billing"));
            assertEquals(202, app.webhook("{\"ticket_id\": 302, \"ticket_status\": \"Resolved\"}").statusCode());
            Harness.await("the survey reply", Duration.ofSeconds(15),
                    () -> !fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/302/reply"))).isEmpty());
            String html = fake.json.readTree(fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/302/reply")))
                    .get(0).getBodyAsString()).path("body").asText();
            Matcher link = Pattern.compile(Pattern.quote(Harness.PUBLIC_URL) + "(/r/[A-Za-z0-9_\\-.]+)\\?score=5").matcher(html);
            assertTrue(link.find(), html);
            app.awaitJobsSettled();

            // A mail scanner: it follows the link and submits the form within a second of the survey going out.
            String page = app.send(HttpRequest.newBuilder(URI.create(app.base() + link.group(1) + "?score=5"))
                    .header("User-Agent", Harness.BROWSER).build()).body();
            Matcher nonce = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"").matcher(page);
            assertTrue(nonce.find(), page);
            HttpResponse<String> answer = app.send(HttpRequest.newBuilder(URI.create(app.base() + link.group(1)))
                    .header("User-Agent", Harness.BROWSER).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("score=5&website=&nonce="
                            + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8))).build());
            assertEquals(303, answer.statusCode(), answer.body());
            assertEquals(1, app.count("SELECT COUNT(*) FROM answers WHERE suspected_bot = 1"));
            // past the quiet period the write-back waits for a change of mind
            app.clock.advance(fi.palaute.common.link.AnswerLimits.defaults().quietPeriod().plusSeconds(1));

            Harness.await("the private note", Duration.ofSeconds(15),
                    () -> !fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/302/notes"))).isEmpty());
            String note = fake.json.readTree(fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/302/notes")))
                    .get(0).getBodyAsString()).path("body").asText();
            assertTrue(note.contains("looks automated"), note);
            for (LoggedRequest put : fake.requests(putRequestedFor(urlPathEqualTo("/api/v2/tickets/302")))) {
                JsonNode update = fake.json.readTree(put.getBodyAsString());
                assertFalse(update.path("custom_fields").has("cf_csat_score"), update.toString());
            }
        }
    }
}
