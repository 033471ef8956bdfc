package fi.palaute.freshdesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A ticket as {@code GET /api/v2/tickets/{id}} returns it; {@code stats}, {@code requester} and
 * {@code conversations} (the first ten) only when asked for with {@code include}. Status: 2 Open,
 * 3 Pending, 4 Resolved, 5 Closed, 6+ custom. Source: 1 Email, 2 Portal, 3 Phone, 7 Chat, 9 Feedback
 * widget, 10 Outbound email. {@code subject} is the ticket's title.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ticket(long id, int status, Integer source, Long requesterId, Long responderId, Long groupId,
                     String createdAt, List<String> tags, TicketStats stats, TicketRequester requester,
                     List<Conversation> conversations, String subject) {
    public static final int OPEN = 2;
    public static final int PENDING = 3;
    public static final int RESOLVED = 4;
    public static final int CLOSED = 5;

    public Ticket {
        tags = tags == null ? List.of() : List.copyOf(tags);
        conversations = conversations == null ? List.of() : List.copyOf(conversations);
    }

    public boolean solved() {
        return status == RESOLVED || status == CLOSED;
    }

    public Instant created() {
        return FreshdeskTime.parse(createdAt);
    }

    public String statusName() {
        return switch (status) {
            case OPEN -> "open";
            case PENDING -> "pending";
            case RESOLVED -> "resolved";
            case CLOSED -> "closed";
            default -> "custom status " + status;
        };
    }

    /** The channel recorded with the survey and outcome: the documented source codes by name, else source_N. */
    public String sourceName() {
        if (source == null) return null;
        return switch (source) {
            case 1 -> "email";
            case 2 -> "portal";
            case 3 -> "phone";
            case 7 -> "chat";
            case 9 -> "feedback_widget";
            case 10 -> "outbound_email";
            default -> "source_" + source;
        };
    }
}
