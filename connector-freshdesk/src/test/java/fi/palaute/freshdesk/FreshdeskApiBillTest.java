package fi.palaute.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import fi.palaute.common.http.ScrapedMetrics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a survey and a write-back cost the account's Freshdesk API budget, as the operator reads it on
 * /metrics: calls and credits by purpose.
 */
class FreshdeskApiBillTest {
    private static final String RESOLVED_AT = "2026-01-05T11:00:00Z";
    private final FreshdeskFake fake = new FreshdeskFake();
    private Harness app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
        fake.close();
    }

    private ScrapedMetrics metrics() {
        return new ScrapedMetrics(app.send(HttpRequest.newBuilder(URI.create(app.base() + "/metrics")).build()).body());
    }

    private int requests(String method, String pathRegex) {
        return fake.requests(anyRequestedFor(urlPathMatching(pathRegex))).stream()
                .filter(r -> r.getMethod().getName().equals(method)).toList().size();
    }

    /** Resolves the ticket and waits for its survey; returns the rating link for a score of 4. */
    private String survey(long ticket) {
        assertEquals(202, app.webhook(Harness.resolvedBody(ticket)).statusCode());
        Harness.await("the survey reply", Duration.ofSeconds(15),
                () -> !fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/" + ticket + "/reply"))).isEmpty());
        app.awaitJobsSettled();
        String body = fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/" + ticket + "/reply"))).get(0)
                .getBodyAsString();
        Matcher link = Pattern.compile(Pattern.quote(Harness.PUBLIC_URL) + "(/r/[A-Za-z0-9_\\-.]+)\\?score=4").matcher(body);
        assertTrue(link.find(), body);
        return link.group(1);
    }

    /** Answers as a person does: opens the page, reads, confirms. */
    private void answer(String path, int score) {
        String page = app.send(HttpRequest.newBuilder(URI.create(app.base() + path + "?score=" + score))
                .header("User-Agent", Harness.BROWSER).build()).body();
        Matcher nonce = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(nonce.find(), page);
        app.clock.advance(Duration.ofMinutes(1));
        String form = "score=" + score + "&comment=&nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8)
                + "&website=";
        assertEquals(303, app.send(HttpRequest.newBuilder(URI.create(app.base() + path))
                .header("User-Agent", Harness.BROWSER).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()).statusCode());
        // past the quiet period the write-back waits for a change of mind
        app.clock.advance(fi.palaute.common.link.AnswerLimits.defaults().quietPeriod().plusSeconds(1));
    }

    private void awaitWriteBacks(long n) {
        Harness.await(n + " write-backs", Duration.ofSeconds(15), () -> app.count(
                "SELECT COUNT(*) FROM jobs WHERE kind = 'freshdesk.writeback' AND state IN ('done', 'dead')") >= n);
    }

    @Test
    void aSurveyCostsFiveCallsAndItsWriteBackThree() throws Exception {
        app = new Harness(fake, Map.of("FRESHDESK_SCORE_FIELD", "cf_csat_score", "PALAUTE_COOLDOWN", "PT0S"));
        fake.stubTicket(fake.ticket(201, 4, RESOLVED_AT, null, "billing"));
        fake.stubConversations(201,
                fake.conversation(1, true, false, FreshdeskFake.REQUESTER, 0, "2026-01-05T10:05:00Z", "<div>Help</div>"),
                fake.conversation(2, false, false, FreshdeskFake.AGENT, 0, "2026-01-05T10:30:00Z", "<div>Done</div>"));
        String link = survey(201);

        ScrapedMetrics bill = metrics();
        // The ticket with requester, stats and conversations; the contact (language); time entries; the
        // reply; the status check after it.
        assertEquals(5, bill.calls("freshdesk", "survey"));
        assertEquals(4 + 1 + 1 + 1 + 1, bill.credits("freshdesk", "survey"), "each include costs one more credit");
        var reads = fake.requests(getRequestedFor(urlPathEqualTo("/api/v2/tickets/201")));
        assertEquals(List.of("requester,stats,conversations", ""), reads.stream()
                        .map(r -> r.queryParameter("include").isPresent() ? r.queryParameter("include").firstValue() : "")
                        .toList(),
                "the ticket read once with what the survey needs, and its status checked after the reply with nothing embedded");
        assertEquals(0, requests("GET", "/api/v2/tickets/201/conversations"), "its two conversations came embedded");
        assertEquals("Pekka Tukinen", app.string("SELECT agent FROM ticket_outcomes"), "named from the agent directory");
        // The agent directory (one page) and the group's name: read once, not per survey.
        assertEquals(2, bill.calls("freshdesk", "name_lookup"));

        answer(link, 4);
        awaitWriteBacks(1);
        bill = metrics();
        // The ticket's tags (Freshdesk's PUT replaces them), the tags and score field, the private note.
        assertEquals(3, bill.calls("freshdesk", "write_back"));
        assertEquals(3, bill.credits("freshdesk", "write_back"));

        fake.stubTicket(fake.ticket(202, 4, RESOLVED_AT, null));
        survey(202);
        bill = metrics();
        assertEquals(10, bill.calls("freshdesk", "survey"), "the next survey costs the same five");
        assertEquals(2, bill.calls("freshdesk", "name_lookup"), "and no look-up: the directory and names are cached");
        assertEquals(0, bill.calls("freshdesk", "unspecified"), "every call is labelled with its purpose");
    }

    @Test
    void aTicketWithMoreConversationsThanTheViewEmbedsIsPagedOnce() throws Exception {
        app = new Harness(fake, Map.of());
        fake.stubTicket(fake.ticket(203, 4, RESOLVED_AT, null));
        List<ObjectNode> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(fake.conversation(100 + i, i % 2 == 0, false, i % 2 == 0 ? FreshdeskFake.REQUESTER : FreshdeskFake.AGENT,
                    0, "2026-01-05T10:%02d:00Z".formatted(10 + i), "<div>message " + i + "</div>"));
        }
        fake.stubConversations(203, many.toArray(ObjectNode[]::new));
        survey(203);

        assertEquals(6, metrics().calls("freshdesk", "survey"), "the five, and the conversations listed in full");
        assertEquals(1, requests("GET", "/api/v2/tickets/203/conversations"));
        assertEquals(6, app.count("SELECT replies FROM ticket_outcomes WHERE ticket_id = '203'"),
                "FCR counted over all twelve conversations, not the ten embedded");
    }

    @Test
    void aSuppressedSurveyReadsNoContact() throws Exception {
        app = new Harness(fake, Map.of());
        fake.stubTicket(fake.ticket(204, 4, RESOLVED_AT, null, "no_survey"));
        app.webhook("{\"ticket_id\": 204}");
        app.awaitJobsSettled();

        assertEquals("excluded_tag: no_survey", app.string("SELECT suppressed_reason FROM surveys"));
        assertEquals(0, requests("GET", "/api/v2/contacts/.*"), "the language of a survey not sent is not needed");
        assertEquals(2, metrics().calls("freshdesk", "survey"), "the ticket, and its time entries for the outcome");
    }

    @Test
    void aChangedAnswerLeavesExactlyOneScoreTagOnTheTicket() throws Exception {
        app = new Harness(fake, Map.of());
        fake.stubTicket(fake.ticket(205, 4, RESOLVED_AT, null, "billing"));
        String link = survey(205);
        answer(link, 4);
        awaitWriteBacks(1);
        JsonNode first = fake.json.readTree(fake.requests(putRequestedFor(urlPathEqualTo("/api/v2/tickets/205")))
                .get(0).getBodyAsString());
        assertEquals("[\"billing\",\"palaute_csat_4\"]", first.path("tags").toString());
        // Freshdesk now shows the tags that PUT set.
        fake.stubTicket(fake.ticket(205, 4, RESOLVED_AT, null, "billing", "palaute_csat_4"));

        answer(link, 1);
        awaitWriteBacks(2);
        var puts = fake.requests(putRequestedFor(urlPathEqualTo("/api/v2/tickets/205")));
        assertEquals(2, puts.size());
        assertEquals("[\"billing\",\"palaute_csat_1\"]", fake.json.readTree(puts.get(1).getBodyAsString()).path("tags").toString(),
                "one score tag, the customer's latest");
    }

    @Test
    void aWriteBackRetriedAfterItsNoteLandedDoesNotPostTheNoteTwice() throws Exception {
        app = new Harness(fake, Map.of());
        fake.stubTicket(fake.ticket(206, 4, RESOLVED_AT, null));
        String link = survey(206);
        // Freshdesk takes the note, and the connection breaks before its answer arrives.
        fake.server.stubFor(post(urlPathEqualTo("/api/v2/tickets/206/notes")).inScenario("lost answer")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("landed"));
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/206")).withQueryParam("include", equalTo("conversations"))
                .inScenario("lost answer").whenScenarioStateIs("landed")
                .willReturn(okJson(fake.ticket(206, 4, RESOLVED_AT, null, "palaute_csat_4").set("conversations",
                        fake.json.createArrayNode().add(fake.conversation(9002, false, true, FreshdeskFake.AGENT, 2,
                                "2026-01-05T12:00:00Z", "<p>Palaute CSAT answer: 4</p><p><small>palaute-answer-1</small></p>")))
                        .toString())));
        answer(link, 4);
        awaitWriteBacks(1);

        assertEquals(1L, app.count("SELECT id FROM answers"), "the marker the fake's note carries");
        assertEquals(2L, app.count("SELECT attempts FROM jobs WHERE kind = 'freshdesk.writeback'"), "the lost answer was retried");
        assertEquals(1, fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/206/notes"))).size(),
                "the retry found the note and posted none");
    }
}
