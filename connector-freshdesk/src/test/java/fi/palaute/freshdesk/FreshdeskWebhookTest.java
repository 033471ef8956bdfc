package fi.palaute.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /webhooks/freshdesk: who may call it, which bodies it reads, what it stores. */
class FreshdeskWebhookTest {
    FreshdeskFake fake;
    Harness app;

    @BeforeEach
    void start() throws Exception {
        fake = new FreshdeskFake();
        fake.stubTicket(fake.ticket(101, 4, "2026-01-05T11:00:00Z", null));
        app = new Harness(fake, Map.of());
    }

    @AfterEach
    void stop() {
        app.close();
        fake.close();
    }

    @Test
    void secretInHeaderIsAcceptedAndSurveySent() {
        HttpResponse<String> r = app.webhook("{\"ticket_id\": 101, \"ticket_status\": \"Resolved\"}");
        assertEquals(202, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"accepted\""), r.body());
        Harness.await("survey reply", java.time.Duration.ofSeconds(10),
                () -> fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/101/reply"))).size() == 1);
    }

    @Test
    void secretAsBasicPasswordIsAccepted() {
        HttpResponse<String> r = app.webhookWithBasic("freshdesk", Harness.SECRET, "{\"ticket_id\": \"101\"}");
        assertEquals(202, r.statusCode(), r.body());
        assertEquals(1, app.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = '101'"));
    }

    @Test
    void wrongOrMissingSecretIs401AndNothingStored() {
        HttpResponse<String> basic = app.webhookWithBasic("freshdesk", "not-the-secret", "{\"ticket_id\": 101}");
        assertEquals(401, basic.statusCode());
        assertTrue(basic.body().contains("FRESHDESK_WEBHOOK_SECRET"), basic.body());
        HttpResponse<String> header = app.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(app.base() + "/webhooks/freshdesk"))
                .header("X-Palaute-Secret", Harness.SECRET + "x")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"ticket_id\": 101}")).build());
        assertEquals(401, header.statusCode());
        HttpResponse<String> none = app.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(app.base() + "/webhooks/freshdesk"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"ticket_id\": 101}")).build());
        assertEquals(401, none.statusCode());
        assertEquals(0, app.count("SELECT COUNT(*) FROM ticket_events"));
        assertEquals(0, app.count("SELECT COUNT(*) FROM jobs"));
    }

    @Test
    void simpleModeBodyWithStringIdIsAccepted() {
        HttpResponse<String> r = app.webhook(
                "{\"freshdesk_webhook\": {\"ticket_id\": \"101\", \"ticket_status\": \"Resolved\", \"ticket_subject\": \"x\"}}");
        assertEquals(202, r.statusCode(), r.body());
        assertEquals("resolved", app.string("SELECT status FROM ticket_events WHERE ticket_id = '101'"));
    }

    @Test
    void malformedJsonIs400AndNothingStored() {
        HttpResponse<String> r = app.webhook("{\"ticket_id\": 101,");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("malformed_body"), r.body());
        HttpResponse<String> missing = app.webhook("{\"ticket_status\": \"Resolved\"}");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("ticket_id"), missing.body());
        HttpResponse<String> badId = app.webhook("{\"freshdesk_webhook\": {\"ticket_id\": \"{{ticket.id}}\"}}");
        assertEquals(400, badId.statusCode());
        assertTrue(badId.body().contains("freshdesk_webhook.ticket_id"), badId.body());
        assertEquals(0, app.count("SELECT COUNT(*) FROM ticket_events"));
        assertEquals(0, app.count("SELECT COUNT(*) FROM jobs"));
    }

    @Test
    void openStatusIsIgnoredWithReason() {
        HttpResponse<String> r = app.webhook("{\"ticket_id\": 101, \"ticket_status\": \"Open\"}");
        assertEquals(202, r.statusCode());
        assertTrue(r.body().contains("\"ignored\"") && r.body().contains("Resolved (4)"), r.body());
        assertEquals(0, app.count("SELECT COUNT(*) FROM ticket_events"));
    }

    @Test
    void duplicateWebhookSendsOneSurvey() {
        String body = "{\"ticket_id\": 101, \"ticket_status\": \"Resolved\"}";
        assertTrue(app.webhook(body).body().contains("accepted"));
        assertTrue(app.webhook(body).body().contains("duplicate"));
        app.awaitJobsSettled();
        // Freshdesk's own redelivery comes 5 minutes after a failure: a new event, the same resolution cycle.
        app.clock.advance(java.time.Duration.ofMinutes(5));
        assertTrue(app.webhook(body).body().contains("accepted"));
        app.awaitJobsSettled();
        assertEquals(1, fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/101/reply"))).size());
        assertEquals(1, app.count("SELECT COUNT(*) FROM surveys WHERE state = 'sent'"));
    }

    private String metrics() {
        return app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.base() + "/metrics")).build()).body();
    }

    /** As on Zendesk: refused and ignored deliveries show in /metrics, through the one webhook pipeline. */
    @Test
    void refusedAndIgnoredWebhooksAreCountedInMetrics() {
        assertEquals(401, app.webhookWithBasic("freshdesk", "not-the-secret", "{\"ticket_id\": 101}").statusCode());
        assertEquals(400, app.webhook("{\"ticket_id\": 101,").statusCode());
        assertEquals(400, app.webhook("{\"ticket_status\": \"Resolved\"}").statusCode());
        assertEquals(202, app.webhook("{\"ticket_id\": 101, \"ticket_status\": \"Open\"}").statusCode());
        assertEquals(202, app.webhook("{\"ticket_id\": 101, \"ticket_status\": \"Resolved\"}").statusCode());
        String m = metrics();
        assertTrue(m.contains("palaute_webhooks_rejected_total{source=\"freshdesk\",reason=\"secret\"} 1"), m);
        assertTrue(m.contains("palaute_webhooks_rejected_total{source=\"freshdesk\",reason=\"malformed_body\"} 1"), m);
        assertTrue(m.contains("palaute_webhooks_rejected_total{source=\"freshdesk\",reason=\"missing_field\"} 1"), m);
        assertTrue(m.contains("palaute_webhooks_total{source=\"freshdesk\",result=\"ignored\"} 1"), m);
        assertTrue(m.contains("palaute_webhooks_total{source=\"freshdesk\",result=\"accepted\"} 1"), m);
    }

    @Test
    void paddedTicketIdsAreOneTicket() {
        assertTrue(app.webhook("{\"ticket_id\": 101, \"ticket_status\": \"Resolved\"}").body().contains("\"accepted\""));
        HttpResponse<String> padded = app.webhook("{\"ticket_id\": \"0101\", \"ticket_status\": \"Resolved\"}");
        assertTrue(padded.body().contains("\"duplicate\"") && padded.body().contains("\"ticket_id\":\"101\""), padded.body());
        assertTrue(app.webhook("{\"freshdesk_webhook\": {\"ticket_id\": \"00101\", \"ticket_status\": \"Resolved\"}}")
                .body().contains("\"duplicate\""));
        app.awaitJobsSettled();
        assertEquals(1, app.count("SELECT COUNT(*) FROM ticket_events"));
        assertEquals(0, app.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id <> '101'"));
        assertEquals(1, fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/101/reply"))).size());
        assertEquals(400, app.webhook("{\"ticket_id\": \"000\"}").statusCode(), "Freshdesk numbers tickets from 1");
    }
}
