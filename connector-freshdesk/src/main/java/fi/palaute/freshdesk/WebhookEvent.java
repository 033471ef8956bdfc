package fi.palaute.freshdesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.http.HttpError;
import java.util.Locale;
import java.util.Optional;

/**
 * What a Freshdesk automation rule's webhook says: the ticket id and, if the admin included it, the
 * status. The rule's JSON is typed by the admin, so both the "advanced" body
 * ({@code {"ticket_id": {{ticket.id}}, "ticket_status": "{{ticket.status}}"}}) and the "simple" one
 * (fields inside {@code freshdesk_webhook}, values often strings) are read. Everything else about the
 * ticket is read from the API when the survey job runs.
 */
public record WebhookEvent(String ticketId, Optional<String> status) {

    /** How the status in the body decides what to do. */
    public enum Disposition { RESOLVED, CLOSED, UNKNOWN, NOT_SOLVED }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static WebhookEvent parse(byte[] body) {
        if (body.length == 0) throw new HttpError(400, "malformed_body", "the body is empty; send a JSON object with ticket_id");
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // A limit breach (nesting deeper than 1,000, an over-long number) has no location.
            String where = e.getLocation() == null ? "nested too deeply or a value too long"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new HttpError(400, "malformed_body", "the body is not valid JSON (" + where + ")");
        } catch (java.io.IOException e) {
            throw new HttpError(400, "malformed_body", "the body could not be read as JSON");
        }
        if (root == null || !root.isObject()) {
            throw new HttpError(400, "malformed_body", "the body must be a JSON object with ticket_id");
        }
        JsonNode simple = root.path("freshdesk_webhook");
        JsonNode fields = simple.isObject() && !root.has("ticket_id") ? simple : root;
        String where = fields == root ? "" : "freshdesk_webhook.";
        JsonNode id = fields.path("ticket_id");
        if (id.isMissingNode() || id.isNull()) {
            throw new HttpError(400, "missing_field", "ticket_id is required, at the top level or inside freshdesk_webhook");
        }
        String raw = id.isIntegralNumber() ? id.asText() : id.isTextual() ? id.asText().trim() : "";
        String ticketId = canonicalTicketId(raw);
        if (ticketId == null) {
            throw new HttpError(400, "invalid_field", where + "ticket_id must be a ticket number such as 123 or \"123\"");
        }
        JsonNode status = fields.has("ticket_status") ? fields.path("ticket_status") : fields.path("status");
        Optional<String> statusText = status.isValueNode() && !status.isNull() && !status.asText().isBlank()
                ? Optional.of(status.asText().trim()) : Optional.empty();
        return new WebhookEvent(ticketId, statusText);
    }

    /**
     * The ticket number as Freshdesk's API writes it, or null when it is none: {@code 42}, {@code 042} and
     * {@code 0042} are one ticket (an admin's template or a spreadsheet may pad it), so the leading zeros go
     * before the id keys events, jobs and surveys. Freshdesk numbers tickets from 1.
     */
    static String canonicalTicketId(String raw) {
        if (!raw.matches("[0-9]{1,19}")) return null;
        String digits = raw.replaceFirst("^0+", "");
        return digits.isEmpty() ? null : digits;
    }

    /**
     * Freshdesk's status numbers are 2 Open, 3 Pending, 4 Resolved, 5 Closed (6 and up are custom);
     * {@code {{ticket.status}}} renders the name. A name we do not know (a custom status, or the
     * account's language) is left to the survey job, which reads the real status: dropping it here
     * could lose a survey, while letting it through costs one API call.
     */
    public Disposition disposition() {
        if (status.isEmpty()) return Disposition.UNKNOWN;
        String s = status.get().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "4", "resolved" -> Disposition.RESOLVED;
            case "5", "closed" -> Disposition.CLOSED;
            case "2", "3", "open", "pending" -> Disposition.NOT_SOLVED;
            default -> s.matches("[0-9]+") ? Disposition.NOT_SOLVED : Disposition.UNKNOWN;
        };
    }
}
