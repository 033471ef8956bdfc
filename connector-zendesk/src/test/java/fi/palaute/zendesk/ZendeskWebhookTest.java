package fi.palaute.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /webhooks/zendesk as Zendesk (and impostors) call it. */
class ZendeskWebhookTest {
    private FakeZendesk zendesk;
    private RunningConnector app;

    @BeforeEach
    void start() throws Exception {
        zendesk = new FakeZendesk();
        zendesk.ticket(FakeZendesk.Ticket.solved(101), 1, 0, Instant.parse("2026-03-01T10:00:00Z"), 95);
        app = new RunningConnector(zendesk, Map.of());
    }

    @AfterEach
    void stop() {
        app.close();
        zendesk.close();
    }

    private long events() {
        return (Long) app.rows("SELECT COUNT(*) AS n FROM ticket_events").get(0).get("n");
    }

    @Test
    void signedTriggerWebhookIsAcceptedWith202() {
        var r = app.webhook(RunningConnector.triggerBody(101, "2026-03-01T10:00Z"));
        assertEquals(202, r.statusCode());
        assertTrue(r.body().contains("\"accepted\""), r.body());
        assertEquals(1, events());
    }

    @Test
    void forgedUnsignedAndReplayedWebhooksGet401AndRecordNothing() {
        String body = RunningConnector.triggerBody(101, "2026-03-01T10:00Z");
        String now = app.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String forged = new WebhookSignature("not-the-secret", app.clock).sign(now, body.getBytes(StandardCharsets.UTF_8));
        var forgedResponse = app.webhook(body, now, forged);
        assertEquals(401, forgedResponse.statusCode());
        assertTrue(forgedResponse.body().contains("signature does not match"), forgedResponse.body());

        var unsigned = app.webhook(body, null, null);
        assertEquals(401, unsigned.statusCode());
        assertTrue(unsigned.body().contains(WebhookSignature.SIGNATURE_HEADER), unsigned.body());

        // A genuine delivery captured ten minutes ago and sent again.
        String old = app.clock.instant().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String genuineOld = new WebhookSignature(RunningConnector.WEBHOOK_SECRET, app.clock)
                .sign(old, body.getBytes(StandardCharsets.UTF_8));
        var replayed = app.webhook(body, old, genuineOld);
        assertEquals(401, replayed.statusCode());
        assertTrue(replayed.body().contains("5 minutes"), replayed.body());

        assertEquals(0, events());
        assertTrue(app.jobs("zendesk.survey").isEmpty());
    }

    @Test
    void malformedBodyGets400NamingTheField() {
        var r = app.webhook("{\"status\": \"solved\"}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("ticket_id"), r.body());
        var notJson = app.webhook("ticket 101 solved");
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.body().contains("invalid_json"), notJson.body());
        assertEquals(0, events());
    }

    @Test
    void statusOtherThanSolvedIsIgnoredWithTheReason() {
        var r = app.webhook("{\"ticket_id\": 101, \"status\": \"Open\", \"updated_at\": \"2026-03-01T10:00Z\"}");
        assertEquals(202, r.statusCode());
        assertTrue(r.body().contains("\"ignored\"") && r.body().contains("open"), r.body());
        var event = app.webhook(ZendeskWebhookParserBodies.statusChanged("e-9", "101", "PENDING"));
        assertEquals(202, event.statusCode());
        assertTrue(event.body().contains("\"ignored\""), event.body());
        assertEquals(0, events());
    }

    @Test
    void duplicateDeliveryOfEitherBodyIsRecordedOnce() {
        String trigger = RunningConnector.triggerBody(101, "2026-03-01T10:00Z");
        assertTrue(app.webhook(trigger).body().contains("\"accepted\""));
        assertTrue(app.webhook(trigger).body().contains("\"duplicate\""));
        String event = ZendeskWebhookParserBodies.statusChanged("01HQ-event-1", "101", "SOLVED");
        assertTrue(app.webhook(event).body().contains("\"accepted\""));
        assertTrue(app.webhook(event).body().contains("\"duplicate\""));
        assertEquals(2, events());
    }
}
