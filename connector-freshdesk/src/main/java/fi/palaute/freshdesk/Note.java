package fi.palaute.freshdesk;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /api/v2/tickets/{id}/notes}; {@code private: true} keeps it from the customer. */
public record Note(String body, @JsonProperty("private") boolean isPrivate) {
    public static Note privateNote(String html) {
        return new Note(html, true);
    }
}
