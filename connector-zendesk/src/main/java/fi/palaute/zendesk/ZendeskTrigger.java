package fi.palaute.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A trigger as the Triggers API lists it; one without {@code active} is active. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ZendeskTrigger(@JsonProperty("id") long id, @JsonProperty("title") String title,
                             @JsonProperty("active") Boolean active) {
    public ZendeskTrigger {
        active = active == null || active;
    }
}
