package fi.palaute.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.http.HttpError;
import fi.palaute.common.http.Request;
import fi.palaute.common.webhook.TicketEvent;
import fi.palaute.common.webhook.WebhookParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads both webhook bodies Zendesk can send. An event subscription
 * ({@code "type": "zen:event-type:ticket.status_changed"}) carries the ticket id in {@code detail.id},
 * the new status in {@code event.current} and its own {@code id} and {@code time}. A trigger body is
 * what {@code setup} writes: {@code ticket_id} (string or number), optionally {@code status} and
 * {@code updated_at}. Malformed input is a 400 naming the field. Another event type, or a status that
 * is not solved or closed, is ignored with the reason.
 */
public final class ZendeskWebhookParser implements WebhookParser {
    static final String STATUS_CHANGED = "zen:event-type:ticket.status_changed";
    private static final String EVENT_PREFIX = "zen:event-type:";
    /** Zendesk's own status names; a localised or unknown value is left to the survey job, which reads the ticket. */
    private static final Set<String> NOT_SOLVED = Set.of("new", "open", "pending", "hold", "on-hold", "deleted");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public TicketEvent parse(Request request) {
        WebhookEvent e = parse(request.body(), request.header(WebhookSignature.TIMESTAMP_HEADER).orElse(null));
        if (!e.statusChange()) {
            return TicketEvent.ignored(e.ticketId(), "event type " + e.type() + " is not a ticket status change");
        }
        if (e.status().isPresent() && NOT_SOLVED.contains(e.status().get())) {
            return TicketEvent.ignored(e.ticketId(), "ticket status is " + e.status().get() + ", not solved or closed");
        }
        return TicketEvent.solved(e.ticketId(), e.eventKey(), e.status().orElse("solved"), e.occurredAt());
    }

    public WebhookEvent parse(byte[] body, String signatureTimestamp) {
        if (body.length == 0) throw bad("empty_body", "the body is empty; expected a JSON object with ticket_id");
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw bad("invalid_json", "the body is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw bad("invalid_json", "the body could not be read as JSON");
        }
        if (root == null || !root.isObject()) throw bad("invalid_json", "the body must be a JSON object");
        JsonNode type = root.get("type");
        if (type != null && type.isTextual() && type.asText().startsWith(EVENT_PREFIX)) {
            return eventSubscription(root, type.asText(), body, signatureTimestamp);
        }
        if (root.has("ticket_id")) return trigger(root, body, signatureTimestamp);
        throw bad("missing_field", "ticket_id is required (trigger body), or type and detail.id (event subscription)");
    }

    private WebhookEvent eventSubscription(JsonNode root, String type, byte[] body, String signatureTimestamp) {
        String ticketId = ticketId(root.path("detail").get("id"), "detail.id");
        Optional<Instant> time = text(root.get("time")).flatMap(ZendeskWebhookParser::instant);
        if (!type.equals(STATUS_CHANGED)) {
            return new WebhookEvent(ticketId, Optional.empty(), fingerprint(body, signatureTimestamp), time, type, false);
        }
        String status = text(root.path("event").get("current"))
                .orElseThrow(() -> bad("missing_field", "event.current (the new status) is required for " + STATUS_CHANGED));
        // The event id is the same on every delivery of the event; its time is the fallback.
        String key = text(root.get("id")).map(id -> "event:" + id)
                .or(() -> text(root.get("time")).map(t -> "time:" + t))
                .orElseGet(() -> fingerprint(body, signatureTimestamp));
        return new WebhookEvent(ticketId, Optional.of(status.toLowerCase(Locale.ROOT)), key, time, type, true);
    }

    private WebhookEvent trigger(JsonNode root, byte[] body, String signatureTimestamp) {
        String ticketId = ticketId(root.get("ticket_id"), "ticket_id");
        Optional<String> status = text(root.get("status")).map(s -> s.toLowerCase(Locale.ROOT));
        Optional<String> updated = text(root.get("updated_at"));
        // The ticket's update time names this solve; without it the survey job's cycle check collapses repeats.
        String key = updated.map(u -> "updated:" + u).orElseGet(() -> fingerprint(body, signatureTimestamp));
        return new WebhookEvent(ticketId, status, key, updated.flatMap(ZendeskWebhookParser::instant), "trigger", true);
    }

    private static String ticketId(JsonNode node, String field) {
        if (node == null || node.isNull()) throw bad("missing_field", field + " is required");
        String raw = node.isNumber() ? node.asText() : node.isTextual() ? node.asText().trim() : null;
        if (raw == null || !raw.matches("[1-9][0-9]{0,18}")) {
            throw bad("invalid_field", field + " must be a Zendesk ticket number (string or number)"
                    + (raw != null && raw.contains("{{") ? "; the placeholder was not filled in" : ""));
        }
        return raw;
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) return Optional.empty();
        String s = node.asText().trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** ISO times as Zendesk writes them, including {@code 2013-12-12T05:35Z} without seconds. */
    static Optional<Instant> instant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String fingerprint(byte[] body, String signatureTimestamp) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(String.valueOf(signatureTimestamp).getBytes(StandardCharsets.UTF_8));
            d.update(body);
            return "delivery:" + HexFormat.of().formatHex(d.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpError bad(String error, String detail) {
        return new HttpError(400, error, detail);
    }
}
