package fi.palaute.zendesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ticket} of an update: a comment (HTML or plain, public or private), and optionally a status,
 * custom field values and tags to add and remove. {@code additional_tags} and {@code remove_tags} are
 * honoured by the bulk form of Update Many Tickets only ({@code PUT /api/v2/tickets/update_many?ids=…});
 * on {@code PUT /api/v2/tickets/{id}} a tag list would replace the ticket's tags.
 */
public record TicketUpdate(String htmlBody, String body, boolean isPublic, String status, Map<Long, Object> customFields,
                           List<String> additionalTags, List<String> removeTags) {
    public TicketUpdate {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
        additionalTags = additionalTags == null ? List.of() : List.copyOf(additionalTags);
        removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
    }

    public TicketUpdate(String htmlBody, String body, boolean isPublic, String status, Map<Long, Object> customFields) {
        this(htmlBody, body, isPublic, status, customFields, List.of(), List.of());
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

    /** The same update also adding and removing tags (bulk Update Many only). */
    public TicketUpdate withTags(List<String> add, List<String> remove) {
        return new TicketUpdate(htmlBody, body, isPublic, status, customFields, add, remove);
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
        if (!additionalTags.isEmpty()) ticket.put("additional_tags", additionalTags);
        if (!removeTags.isEmpty()) ticket.put("remove_tags", removeTags);
        return Map.of("ticket", ticket);
    }
}
