package fi.palaute.zendesk;

import com.fasterxml.jackson.databind.JsonNode;

/** A Zendesk user as the Users API shows it; {@code role} is end-user, agent or admin. */
public record ZendeskUser(long id, String name, String email, String locale, String role) {
    static ZendeskUser from(JsonNode u) {
        return new ZendeskUser(u.path("id").asLong(), Json.text(u, "name"), Json.text(u, "email"),
                Json.text(u, "locale"), Json.text(u, "role"));
    }

    /** Staff rather than a customer: agents and admins get no survey. */
    public boolean isAgent() {
        return "agent".equals(role) || "admin".equals(role);
    }
}
