package fi.palaute.zendesk;

import com.fasterxml.jackson.databind.JsonNode;

/** A trigger as the Triggers API lists it. */
public record ZendeskTrigger(long id, String title, boolean active) {
    static ZendeskTrigger from(JsonNode t) {
        return new ZendeskTrigger(t.path("id").asLong(), Json.text(t, "title"), t.path("active").asBoolean(true));
    }
}
