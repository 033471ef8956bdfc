package fi.palaute.common.survey;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as the helpdesk shows it when the survey job runs. {@code solvedAt} identifies the
 * resolution cycle: a reopen and a new solve give a new time, hence a new survey. {@code agentEmail} is the
 * assignee's address as the helpdesk has it (null when unknown): Slack's App Home finds an agent's own
 * scores by it. {@code subject} is the ticket's title as the requester wrote it (null when it has none):
 * the survey e-mail names the request by it.
 */
public record TicketSnapshot(String ticketId, String status, boolean solved, boolean closed, Instant solvedAt,
                             List<String> tags, Requester requester, String agent, String group, String channel,
                             String ticketUrl, String agentEmail, String subject) {
    public TicketSnapshot {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A ticket whose subject is not known. */
    public TicketSnapshot(String ticketId, String status, boolean solved, boolean closed, Instant solvedAt,
                          List<String> tags, Requester requester, String agent, String group, String channel,
                          String ticketUrl, String agentEmail) {
        this(ticketId, status, solved, closed, solvedAt, tags, requester, agent, group, channel, ticketUrl, agentEmail,
                null);
    }

    /** A ticket whose assignee's e-mail address is not known. */
    public TicketSnapshot(String ticketId, String status, boolean solved, boolean closed, Instant solvedAt,
                          List<String> tags, Requester requester, String agent, String group, String channel,
                          String ticketUrl) {
        this(ticketId, status, solved, closed, solvedAt, tags, requester, agent, group, channel, ticketUrl, null);
    }
}
