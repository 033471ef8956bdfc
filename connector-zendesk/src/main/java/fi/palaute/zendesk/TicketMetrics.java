package fi.palaute.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A ticket's metric set ({@code GET /api/v2/tickets/{id}/metrics}): {@code replies} counts public agent
 * replies, {@code reopens} the reopens, {@code solved_at} the latest solve (null until Zendesk has
 * computed it) and {@code full_resolution_time_in_minutes.calendar} the time to the latest solve.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TicketMetrics(@JsonProperty("replies") Integer replies, @JsonProperty("reopens") Integer reopens,
                            @JsonProperty("solved_at") String solvedAtText,
                            @JsonProperty("full_resolution_time_in_minutes") Minutes fullResolutionTime) {

    /** Zendesk's pair of durations in minutes: calendar time and business hours. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Minutes(@JsonProperty("calendar") Long calendar, @JsonProperty("business") Long business) {}

    /** The latest solve; null until Zendesk has computed it (or when it is not a time). */
    public Instant solvedAt() {
        return solvedAtText == null ? null : ZendeskWebhookParser.instant(solvedAtText).orElse(null);
    }

    public Long fullResolutionMinutes() {
        return fullResolutionTime == null ? null : fullResolutionTime.calendar();
    }
}
