package fi.palaute.zendesk;

import com.fasterxml.jackson.databind.JsonNode;

/** One comment of a ticket, with its text in the forms Zendesk returns it. */
public record TicketComment(long id, boolean isPublic, String body, String htmlBody, String plainBody) {
    static TicketComment from(JsonNode c) {
        return new TicketComment(c.path("id").asLong(), c.path("public").asBoolean(false), Json.text(c, "body"),
                Json.text(c, "html_body"), Json.text(c, "plain_body"));
    }

    public boolean contains(String text) {
        return (body != null && body.contains(text)) || (htmlBody != null && htmlBody.contains(text))
                || (plainBody != null && plainBody.contains(text));
    }
}
