package fi.palaute.common.followup;

import fi.palaute.common.score.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One follow-up with the answer it is about (the survey's latest answer) and the Slack alert that carries
 * its buttons. Nullable members are null until the event they record has happened.
 */
public record FollowUp(long id, long surveyId, long answerId, String source, String ticketId, String ticketUrl,
                       Metric metric, int score, String comment, String agent, String group, FollowUpState state,
                       Actor owner, Instant createdAt, Instant claimedAt, Instant closedAt, CloseReason closeReason,
                       Actor closedBy, String outcome, Boolean customerReached, String alertChannel, String alertTs,
                       Instant remindedAt) {

    public Optional<Actor> ownerIfAny() {
        return Optional.ofNullable(owner);
    }

    public boolean hasAlert() {
        return alertChannel != null && alertTs != null;
    }

    /** When someone first took it up: the claim, or a close by a person without a claim. */
    public Optional<Instant> takenUpAt() {
        if (claimedAt != null) return Optional.of(claimedAt);
        if (closedAt != null && closeReason != null && closeReason.byPerson()) return Optional.of(closedAt);
        return Optional.empty();
    }

    /** Still waiting for someone after the SLA. */
    public boolean isOverdue(Duration sla, Instant now) {
        return state == FollowUpState.OPEN && !createdAt.plus(sla).isAfter(now);
    }

    /** One entry of {@code GET /api/followups} (DESIGN.md, "Admin API shapes"). */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("source", source);
        out.put("ticket_id", ticketId);
        out.put("ticket_url", ticketUrl);
        out.put("metric", metric.id());
        out.put("score", score);
        out.put("comment", comment);
        out.put("agent", agent);
        out.put("state", state.id());
        out.put("owner", owner == null ? null : owner.name());
        out.put("created_at", iso(createdAt));
        out.put("claimed_at", iso(claimedAt));
        out.put("closed_at", iso(closedAt));
        out.put("outcome", outcome);
        return out;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
