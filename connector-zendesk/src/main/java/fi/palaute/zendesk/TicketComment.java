package fi.palaute.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One comment of a ticket ({@code GET /api/v2/tickets/{id}/comments}), with its text in the forms Zendesk returns it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TicketComment(@JsonProperty("id") long id, @JsonProperty("public") boolean isPublic,
                            @JsonProperty("body") String body, @JsonProperty("html_body") String htmlBody,
                            @JsonProperty("plain_body") String plainBody) {

    public boolean contains(String text) {
        return (body != null && body.contains(text)) || (htmlBody != null && htmlBody.contains(text))
                || (plainBody != null && plainBody.contains(text));
    }
}
