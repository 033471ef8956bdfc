package fi.palaute.common.survey;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as the helpdesk shows it when the survey job runs. {@code solvedAt} identifies the
 * resolution cycle: a reopen and a new solve give a new time, hence a new survey.
 */
public record TicketSnapshot(String ticketId, String status, boolean solved, boolean closed, Instant solvedAt,
                             List<String> tags, Requester requester, String agent, String group, String channel,
                             String ticketUrl) {
    public TicketSnapshot {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
