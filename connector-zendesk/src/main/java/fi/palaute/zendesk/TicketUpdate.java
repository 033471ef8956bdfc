package fi.palaute.zendesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /api/v2/tickets/{id}}: a comment (HTML or plain, public or private), and
 * optionally a status and custom field values.
 */
public record TicketUpdate(String htmlBody, String body, boolean isPublic, String status, Map<Long, Object> customFields) {
    public TicketUpdate {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** A public reply in HTML that leaves the ticket solved. */
    public static TicketUpdate publicReply(String html) {
        // Sent with the comment so the reply cannot leave the ticket in another state.
        return new TicketUpdate(html, null, true, "solved", Map.of());
    }

    /**
     * A public reply in plain text ({@code body}, no {@code html_body}) that leaves the ticket solved: what a
     * messaging or chat conversation shows as it is, where an HTML reply would lose its table.
     */
    public static TicketUpdate publicTextReply(String text) {
        return new TicketUpdate(null, text, true, "solved", Map.of());
    }

    /** A private (internal) note in plain text, with custom field values. */
    public static TicketUpdate privateNote(String text, Map<Long, Object> customFields) {
        return new TicketUpdate(null, text, false, null, customFields);
    }

    Map<String, Object> toJson() {
        Map<String, Object> comment = new LinkedHashMap<>();
        if (htmlBody != null) comment.put("html_body", htmlBody);
        if (body != null) comment.put("body", body);
        comment.put("public", isPublic);
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("comment", comment);
        if (status != null) ticket.put("status", status);
        if (!customFields.isEmpty()) {
            ticket.put("custom_fields", customFields.entrySet().stream()
                    .map(e -> Map.of("id", e.getKey(), "value", e.getValue())).toList());
        }
        return Map.of("ticket", ticket);
    }

    static Map<String, Object> tags(List<String> tags) {
        return Map.of("tags", List.copyOf(tags));
    }
}
