package fi.palaute.zendesk;

import java.util.Map;

/** A ticket with the users and groups Zendesk side-loaded with it ({@code include=users,groups}). */
public record ShownTicket(ZendeskTicket ticket, Map<Long, ZendeskUser> users, Map<Long, String> groupNames) {
    public ShownTicket {
        users = Map.copyOf(users);
        groupNames = Map.copyOf(groupNames);
    }

    public ZendeskUser user(Long id) {
        return id == null ? null : users.get(id);
    }
}
