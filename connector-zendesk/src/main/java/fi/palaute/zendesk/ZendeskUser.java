package fi.palaute.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Zendesk user as the Users API shows it; {@code role} is end-user, agent or admin. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ZendeskUser(@JsonProperty("id") long id, @JsonProperty("name") String name,
                          @JsonProperty("email") String email, @JsonProperty("locale") String locale,
                          @JsonProperty("role") String role) {

    /** Staff rather than a customer: agents and admins get no survey. */
    public boolean isAgent() {
        return "agent".equals(role) || "admin".equals(role);
    }
}
