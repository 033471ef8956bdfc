package fi.palaute.freshdesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of {@code GET /api/v2/tickets/{id}/time_entries}; {@code time_spent} is {@code "hh:mm"}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TimeEntry(long id, Long agentId, String timeSpent, boolean timerRunning, boolean billable) {
    /** Seconds in {@code time_spent}; Freshdesk writes hours without an upper bound, e.g. {@code "125:05"}. */
    public long seconds() {
        if (timeSpent == null || timeSpent.isBlank()) return 0;
        String[] parts = timeSpent.trim().split(":");
        if (parts.length != 2 || !parts[0].matches("[0-9]+") || !parts[1].matches("[0-5]?[0-9]")) {
            throw new IllegalArgumentException("time entry " + id + " has time_spent '" + timeSpent + "', not hh:mm");
        }
        return Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60;
    }
}
