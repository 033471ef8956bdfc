package fi.palaute.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.http.HttpError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookParserTest {
    private final ZendeskWebhookParser parser = new ZendeskWebhookParser();

    private WebhookEvent parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), "2026-03-02T10:00:00Z");
    }

    /** Shaped like Zendesk's documented ticket.status_changed event. */
    static String statusChanged(String eventId, String ticketId, String current, String time) {
        return """
                {"account_id": 22129848, "detail": {"actor_id": "8447388090494", "assignee_id": "8447388090494",
                  "brand_id": "8447346621310", "created_at": "2026-03-01T09:12:41Z", "description": "Invoice is wrong",
                  "form_id": "8447325906302", "group_id": "8447320466430", "id": "%s", "organization_id": null,
                  "priority": "LOW", "requester_id": "8447388090494", "status": "%s", "subject": "Invoice",
                  "submitter_id": "8447388090494", "tags": ["billing"], "type": "TASK",
                  "updated_at": "%s", "via": {"channel": "web_service"}},
                 "event": {"current": "%s", "previous": "OPEN"},
                 "id": "%s", "subject": "zen:ticket:%s", "time": "%s",
                 "type": "zen:event-type:ticket.status_changed", "zendesk_event_version": "2022-11-06"}
                """.formatted(ticketId, current, time, current, eventId, ticketId, time);
    }

    @Test
    void readsAnEventSubscriptionBodyKeyedByTheEventId() {
        WebhookEvent e = parse(statusChanged("cbe4028c-7239-495d-b020-f22348516046", "35436", "SOLVED",
                "2026-03-01T10:00:00Z"));
        assertEquals("35436", e.ticketId());
        assertEquals(Optional.of("solved"), e.status());
        assertEquals("event:cbe4028c-7239-495d-b020-f22348516046", e.eventKey());
        assertEquals(Optional.of(Instant.parse("2026-03-01T10:00:00Z")), e.occurredAt());
        assertTrue(e.statusChange());
    }

    @Test
    void marksOtherEventTypesAsNotAStatusChange() {
        String body = statusChanged("e1", "35436", "SOLVED", "2026-03-01T10:00:00Z")
                .replace("ticket.status_changed", "ticket.priority_changed");
        assertFalse(parse(body).statusChange());
    }

    @Test
    void readsATriggerBodyWithStringOrNumberTicketIdKeyedByUpdatedAt() {
        WebhookEvent s = parse("{\"ticket_id\": \"101\", \"status\": \"Solved\", \"updated_at\": \"2026-03-01T10:00Z\"}");
        assertEquals("101", s.ticketId());
        assertEquals(Optional.of("solved"), s.status());
        assertEquals("updated:2026-03-01T10:00Z", s.eventKey());
        assertEquals(Optional.of(Instant.parse("2026-03-01T10:00:00Z")), s.occurredAt());
        assertEquals("101", parse("{\"ticket_id\": 101}").ticketId());
    }

    @Test
    void aTriggerBodyWithoutUpdatedAtIsKeyedByTheDelivery() {
        WebhookEvent e = parse("{\"ticket_id\": 101}");
        assertTrue(e.eventKey().startsWith("delivery:"));
        assertEquals(Optional.empty(), e.status());
        assertNotEquals(e.eventKey(), parser.parse("{\"ticket_id\": 101}".getBytes(StandardCharsets.UTF_8),
                "2026-03-02T10:00:09Z").eventKey());
    }

    @Test
    void malformedBodiesAre400sNamingTheProblem() {
        assertEquals("invalid_json", assertThrows(HttpError.class, () -> parse("{\"ticket_id\": ")).error());
        assertEquals("empty_body", assertThrows(HttpError.class, () -> parse("")).error());
        HttpError missing = assertThrows(HttpError.class, () -> parse("{\"status\": \"solved\"}"));
        assertEquals(400, missing.status());
        assertTrue(missing.getMessage().contains("ticket_id"));
        HttpError placeholder = assertThrows(HttpError.class, () -> parse("{\"ticket_id\": \"{{ticket.id}}\"}"));
        assertTrue(placeholder.getMessage().contains("placeholder"));
        HttpError noDetail = assertThrows(HttpError.class,
                () -> parse("{\"type\": \"zen:event-type:ticket.status_changed\", \"event\": {\"current\": \"SOLVED\"}}"));
        assertTrue(noDetail.getMessage().contains("detail.id"));
        HttpError noCurrent = assertThrows(HttpError.class,
                () -> parse("{\"type\": \"zen:event-type:ticket.status_changed\", \"detail\": {\"id\": \"5\"}}"));
        assertTrue(noCurrent.getMessage().contains("event.current"));
    }
}
