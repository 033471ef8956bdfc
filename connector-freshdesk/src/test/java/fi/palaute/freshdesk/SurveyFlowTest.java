package fi.palaute.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The survey job against Freshdesk: policy, outcome (FCR, handle time), language, failures. */
class SurveyFlowTest {
    static final String RESOLVED = "{\"ticket_id\": 201, \"ticket_status\": \"Resolved\"}";
    FreshdeskFake fake = new FreshdeskFake();
    Harness app;

    void start(Map<String, String> extra) throws Exception {
        app = new Harness(fake, extra);
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
        fake.close();
    }

    private int replies() {
        return fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/201/reply"))).size();
    }

    private Long handleTime() {
        assertEquals(1, app.count("SELECT COUNT(*) FROM ticket_outcomes WHERE ticket_id = '201'"));
        Object v = app.value("SELECT handle_time_seconds FROM ticket_outcomes WHERE ticket_id = '201'");
        return v == null ? null : ((Number) v).longValue();
    }

    @Test
    void reopenAndNewResolveStartsANewCycle() throws Exception {
        start(Map.of("PALAUTE_COOLDOWN", "PT0S"));
        fake.stubTicket(fake.ticket(201, 4, "2026-01-05T11:00:00Z", null));
        app.webhook(RESOLVED);
        app.awaitJobsSettled();
        assertEquals(1, replies());
        // The customer answered, the ticket reopened, and an agent resolved it again.
        fake.stubConversations(201,
                fake.conversation(1, false, false, FreshdeskFake.AGENT, 0, "2026-01-05T10:30:00Z", "<div>Try this</div>"),
                fake.conversation(2, true, false, FreshdeskFake.REQUESTER, 0, "2026-01-06T09:00:00Z", "<div>Still broken</div>"),
                fake.conversation(3, false, false, FreshdeskFake.AGENT, 0, "2026-01-06T10:00:00Z", "<div>Fixed now</div>"));
        fake.stubTicket(fake.ticket(201, 4, "2026-01-06T10:05:00Z", "2026-01-06T09:00:00Z"));
        app.clock.advance(Duration.ofMinutes(2));
        assertTrue(app.webhook(RESOLVED).body().contains("accepted"));
        app.awaitJobsSettled();
        assertEquals(2, replies());
        assertEquals(2, app.count("SELECT COUNT(*) FROM surveys WHERE state = 'sent'"));
        assertEquals(0, app.count("SELECT fcr FROM ticket_outcomes WHERE cycle_key = '2026-01-06T10:05:00Z'"),
                "a reopened ticket is not first-contact resolved");
    }

    @Test
    void secondResolveWithinCooldownIsSuppressed() throws Exception {
        start(Map.of());
        fake.stubTicket(fake.ticket(201, 4, "2026-01-05T11:00:00Z", null));
        app.webhook(RESOLVED);
        app.awaitJobsSettled();
        fake.stubTicket(fake.ticket(201, 4, "2026-01-06T10:05:00Z", "2026-01-06T09:00:00Z"));
        app.clock.advance(Duration.ofMinutes(2));
        app.webhook(RESOLVED);
        app.awaitJobsSettled();
        assertEquals(1, replies());
        assertEquals("cooldown", app.string("SELECT suppressed_reason FROM surveys WHERE cycle_key = '2026-01-06T10:05:00Z'"));
        assertEquals(2, app.count("SELECT COUNT(*) FROM ticket_outcomes"), "the outcome is recorded either way");
    }

    @Test
    void excludedTagSuppressesSurvey() throws Exception {
        start(Map.of());
        fake.stubTicket(fake.ticket(201, 4, "2026-01-05T11:00:00Z", null, "vip", "no_survey"));
        app.webhook(RESOLVED);
        app.awaitJobsSettled();
        assertEquals(0, replies());
        assertEquals("excluded_tag: no_survey", app.string("SELECT suppressed_reason FROM surveys"));
    }

    @Test
    void ticketNoLongerResolvedGetsNoSurveyAndTheReasonIsRecorded() throws Exception {
        start(Map.of());
        fake.stubTicket(fake.ticket(201, 2, "2026-01-05T11:00:00Z", "2026-01-05T11:01:00Z"));
        app.webhook(RESOLVED);
        app.awaitJobsSettled();
        assertEquals(0, replies());
        assertEquals("not_solved: status is open", app.string("SELECT suppressed_reason FROM surveys"));
    }

    @Test
    void requesterWhoIsAnAgentGetsNoSurvey() throws Exception {
        start(Map.of());
        fake.stubTicket(fake.ticket(201, 4, "2026-01-05T11:00:00Z", null));
        // The account's agent list (read once into the agent directory) has the requester's address.
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/agents"))
                .willReturn(okJson("[" + FreshdeskFake.agentJson() + ", {\"id\": 5, \"available\": true, \"occasional\": false, "
                        + "\"ticket_scope\": 1, \"contact\": {\"name\": \"Maija\", \"email\": \"Maija@Example.com\", "
                        + "\"language\": \"fi\"}}]")));
        app.webhook(RESOLVED);
        app.awaitJobsSettled();
        assertEquals(0, replies());
        assertEquals("requester_is_agent", app.string("SELECT suppressed_reason FROM surveys"));
    }

    @Test
    void handleTimeSumsTimeEntriesOverTwoPages() throws Exception {
        start(Map.of());
        fake.stubTicket(fake.ticket(201, 4, "2026-01-05T11:00:00Z", null));
        ArrayNode page1 = fake.json.createArrayNode().add(fake.timeEntry(1, "00:45")).add(fake.timeEntry(2, "01:05"));
        ArrayNode page2 = fake.json.createArrayNode().add(fake.timeEntry(3, "00:10"));
        String next = fake.url() + "/api/v2/tickets/201/time_entries?per_page=100&page=2";
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/201/time_entries")).withQueryParam("page", absent())
                .willReturn(okJson(page1.toString()).withHeader("Link", "<" + next + ">; rel=\"next\"")));
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/201/time_entries")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(page2.toString())));
        app.webhook(RESOLVED);
        app.awaitJobsSettled();
        assertEquals((45 + 65 + 10) * 60L, handleTime());
        assertEquals("freshdesk_time_entries", app.string("SELECT handle_time_source FROM ticket_outcomes"));
        assertEquals(3600L, app.count("SELECT resolution_seconds FROM ticket_outcomes"), "created 10:00, resolved 11:00");
    }

    @Test
    void noTimeEntriesLeavesHandleTimeAbsent() throws Exception {
        start(Map.of());
        fake.stubTicket(fake.ticket(201, 4, "2026-01-05T11:00:00Z", null));
        app.webhook(RESOLVED);
        app.awaitJobsSettled();
        assertNull(handleTime(), "no tracked time is absent, never resolution time");
        assertEquals(3600L, app.count("SELECT resolution_seconds FROM ticket_outcomes"));
    }

    @Test
    void oneAgentReplyIsFcrButACustomerReplyAfterItIsNot() throws Exception {
        start(Map.of("PALAUTE_COOLDOWN", "PT0S"));
        fake.stubTicket(fake.ticket(201, 4, "2026-01-05T11:00:00Z", null));
        fake.stubConversations(201,
                fake.conversation(1, false, true, FreshdeskFake.AGENT, 2, "2026-01-05T10:20:00Z", "<div>private note</div>"),
                fake.conversation(2, false, false, FreshdeskFake.AGENT, 0, "2026-01-05T10:30:00Z", "<div>Restart it</div>"));
        app.webhook(RESOLVED);
        app.awaitJobsSettled();
        assertEquals(1, app.count("SELECT fcr FROM ticket_outcomes WHERE ticket_id = '201'"));
        assertEquals(1, app.count("SELECT replies FROM ticket_outcomes WHERE ticket_id = '201'"));

        fake.stubTicket(fake.ticket(202, 4, "2026-01-05T11:00:00Z", null));
        fake.stubConversations(202,
                fake.conversation(3, false, false, FreshdeskFake.AGENT, 0, "2026-01-05T10:30:00Z", "<div>Restart it</div>"),
                fake.conversation(4, true, false, FreshdeskFake.REQUESTER, 0, "2026-01-05T10:40:00Z", "<div>Did not help</div>"));
        app.webhook("{\"ticket_id\": 202}");
        app.awaitJobsSettled();
        assertEquals(0, app.count("SELECT fcr FROM ticket_outcomes WHERE ticket_id = '202'"));
        assertEquals(FreshdeskHelpdesk.FCR_DEFINITION, app.string("SELECT fcr_definition FROM ticket_outcomes WHERE ticket_id = '202'"));
    }

    @Test
    void finnishContactGetsTheFinnishSurvey() throws Exception {
        start(Map.of());
        fake.stubTicket(fake.ticket(201, 4, "2026-01-05T11:00:00Z", null));
        fake.contact(FreshdeskFake.REQUESTER, "fi");
        app.webhook(RESOLVED);
        app.awaitJobsSettled();
        String body = fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/201/reply"))).get(0).getBodyAsString();
        String html = fake.json.readTree(body).path("body").asText();
        assertTrue(html.contains("Kuinka tyytyväinen olit saamaasi tukeen?"), html);
        assertTrue(html.contains(Harness.PUBLIC_URL + "/r/"), html);
        assertTrue(html.contains("Koskee pyyntöäsi #201: Printer on fire"), html);
        assertEquals("fi", app.string("SELECT locale FROM surveys"));
    }

    @Test
    void surveyNamesTheRequestWithItsTitleEscaped() throws Exception {
        start(Map.of());
        var ticket = fake.ticket(201, 4, "2026-01-05T11:00:00Z", null);
        ticket.put("subject", "<img src=x onerror=alert(1)> Bill & \"VAT\"\nline two");
        fake.stubTicket(ticket);
        app.webhook(RESOLVED);
        app.awaitJobsSettled();
        String body = fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/201/reply"))).get(0).getBodyAsString();
        String html = fake.json.readTree(body).path("body").asText();
        assertTrue(html.contains("About your request #201: &lt;img src=x onerror=alert(1)&gt; Bill &amp; &quot;VAT&quot; "
                + "line two"), html);
        assertFalse(html.contains("<img src=x"), html);
    }

    @Test
    void rateLimited429ThenSucceedsAfterRetryAfter() throws Exception {
        start(Map.of());
        fake.stubTicket(fake.ticket(201, 4, "2026-01-05T11:00:00Z", null));
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/201")).inScenario("limit")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"too_many_requests\",\"message\":\"You have exceeded the limit of requests per minute\"}"))
                .willSetStateTo("after"));
        app.webhook(RESOLVED);
        Harness.await("a retry after the 429", Duration.ofSeconds(10),
                () -> app.count("SELECT COUNT(*) FROM jobs WHERE attempts >= 1 AND last_error LIKE '%429%'") == 1);
        app.awaitJobsSettled();
        assertEquals(1, replies());
        assertEquals(1, app.count("SELECT COUNT(*) FROM surveys WHERE state = 'sent'"));
    }

    @Test
    void unauthorizedParksTheJobAsDeadWithFreshdesksMessage() throws Exception {
        start(Map.of());
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/201")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"invalid_credentials\",\"message\":\"You have to be logged in to perform this action.\"}")));
        app.webhook(RESOLVED);
        app.awaitJobsSettled();
        String error = app.string("SELECT last_error FROM jobs WHERE state = 'dead'");
        assertNotNull(error, "the job is dead");
        assertTrue(error.contains("401") && error.contains("You have to be logged in"), error);
        String metrics = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.base() + "/metrics")).build()).body();
        assertTrue(metrics.contains("palaute_job_dead_total") && metrics.contains("You have to be logged in"), metrics);
        assertEquals(1, fake.requests(getRequestedFor(urlPathEqualTo("/api/v2/tickets/201"))).size(), "no retry");
    }

    @Test
    void statusMovedByTheReplyIsRestored() throws Exception {
        start(Map.of());
        fake.stubTicket(fake.ticket(201, 4, "2026-01-05T11:00:00Z", null));
        // An account rule "agent replies → Pending" moves the ticket once our reply lands.
        fake.server.stubFor(post(urlPathEqualTo("/api/v2/tickets/201/reply")).inScenario("rule")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(fake.conversation(9001, false, false, FreshdeskFake.AGENT, 0, "2026-01-05T12:00:00Z", "<div>s</div>").toString()))
                .willSetStateTo("pending"));
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/201")).inScenario("rule").whenScenarioStateIs("pending")
                .willReturn(okJson(fake.ticket(201, 3, "2026-01-05T11:00:00Z", null).toString())));
        app.webhook(RESOLVED);
        app.awaitJobsSettled();
        var puts = fake.requests(putRequestedFor(urlPathEqualTo("/api/v2/tickets/201")));
        assertEquals(1, puts.size());
        assertEquals(4, fake.json.readTree(puts.get(0).getBodyAsString()).path("status").asInt());
        assertEquals(1, app.count("SELECT COUNT(*) FROM surveys WHERE state = 'sent'"));
    }
}
