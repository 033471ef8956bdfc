package fi.palaute.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import fi.palaute.common.survey.Marker;

/** One comment of a ticket ({@code GET /api/v2/tickets/{id}/comments}), with its text in the forms Zendesk returns it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TicketComment(@JsonProperty("id") long id, @JsonProperty("public") boolean isPublic,
                            @JsonProperty("body") String body, @JsonProperty("html_body") String htmlBody,
                            @JsonProperty("plain_body") String plainBody) {

    /** Whether the comment carries the marker a retry looks for, as a whole word ({@link Marker}). */
    public boolean carries(String marker) {
        return Marker.in(body, marker) || Marker.in(htmlBody, marker) || Marker.in(plainBody, marker);
    }
}
