package fi.palaute.freshdesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import fi.palaute.common.survey.Marker;
import java.time.Instant;

/**
 * One entry of {@code GET /api/v2/tickets/{id}/conversations}: a reply or a note. {@code incoming}
 * is true for what came from outside (the customer); {@code private} marks private notes;
 * {@code source} is 0 reply, 2 note, others for email, phone, forwards…
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Conversation(long id, String body, String bodyText, boolean incoming,
                           @JsonProperty("private") boolean isPrivate, Long userId, Integer source,
                           String createdAt) {
    public static final int SOURCE_NOTE = 2;

    public Instant created() { return FreshdeskTime.parse(createdAt); }

    /** Whether the conversation carries the marker a retry looks for, as a whole word ({@link Marker}). */
    public boolean carries(String marker) {
        return Marker.in(body, marker) || Marker.in(bodyText, marker);
    }

    public boolean contains(String text) {
        return (body != null && body.contains(text)) || (bodyText != null && bodyText.contains(text));
    }
}
