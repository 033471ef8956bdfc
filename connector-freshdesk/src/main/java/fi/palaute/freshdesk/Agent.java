package fi.palaute.freshdesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An agent from {@code /api/v2/agents}: its own id and the contact (name, email) it is. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Agent(long id, AgentContact contact) {
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgentContact(String name, String email) {}
}
