package fi.palaute.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A ticket's metric set ({@code GET /api/v2/tickets/{id}/metrics}): {@code replies} counts public agent
 * replies, {@code reopens} the reopens, {@code solved_at} the latest solve (null until Zendesk has
 * computed it) and {@code full_resolution_time_in_minutes.calendar} the time to the latest solve.
 */
public record TicketMetrics(Integer replies, Integer reopens, Instant solvedAt, Long fullResolutionMinutes) {
    static TicketMetrics from(JsonNode m) {
        String solved = Json.text(m, "solved_at");
        return new TicketMetrics(Json.integer(m, "replies"), Json.integer(m, "reopens"),
                solved == null ? null : ZendeskWebhookParser.instant(solved).orElse(null),
                Json.number(m.path("full_resolution_time_in_minutes"), "calendar"));
    }
}
