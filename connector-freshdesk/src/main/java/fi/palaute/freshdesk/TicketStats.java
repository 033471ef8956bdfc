package fi.palaute.freshdesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** The {@code stats} a ticket carries with {@code include=stats}; times are null until they happen. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TicketStats(String agentRespondedAt, String requesterRespondedAt, String firstRespondedAt,
                          String statusUpdatedAt, String reopenedAt, String resolvedAt, String closedAt) {
    public Instant resolved() { return FreshdeskTime.parse(resolvedAt); }

    public Instant closed() { return FreshdeskTime.parse(closedAt); }

    public Instant reopened() { return FreshdeskTime.parse(reopenedAt); }
}
