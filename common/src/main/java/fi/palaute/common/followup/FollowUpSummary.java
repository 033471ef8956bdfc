package fi.palaute.common.followup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The follow-ups created in a period: how many, how many were claimed and closed, how fast, and how many
 * were taken up within the SLA. "Taken up" is a claim, or a close by a person without a claim.
 *
 * @param followedUp follow-ups a person took up (claimed, or closed as done or no action)
 * @param pastSla    follow-ups taken up after the SLA, or still waiting past it
 */
public record FollowUpSummary(long n, long claimed, long closed, long followedUp, Double medianMinutesToClaim,
                              Double medianMinutesToClose, long withinSla, long pastSla) {

    public static FollowUpSummary of(List<FollowUp> followUps, Duration sla, Instant now) {
        List<Double> toClaim = new ArrayList<>();
        List<Double> toClose = new ArrayList<>();
        long claimed = 0, closed = 0, followedUp = 0, within = 0, past = 0;
        for (FollowUp f : followUps) {
            if (f.claimedAt() != null) {
                claimed++;
                toClaim.add(minutes(f.createdAt(), f.claimedAt()));
            }
            if (f.state() == FollowUpState.CLOSED) {
                closed++;
                toClose.add(minutes(f.createdAt(), f.closedAt()));
            }
            Instant deadline = f.createdAt().plus(sla);
            Instant takenUp = f.takenUpAt().orElse(null);
            if (takenUp != null) followedUp++;
            if (takenUp != null && !takenUp.isAfter(deadline)) within++;
            else if (takenUp != null || (f.state() != FollowUpState.CLOSED && !deadline.isAfter(now))) past++;
        }
        return new FollowUpSummary(followUps.size(), claimed, closed, followedUp, median(toClaim), median(toClose),
                within, past);
    }

    private static double minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) return null;
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Math.round(m * 10) / 10.0;
    }

    /** The {@code followups} object of {@code GET /api/summary} (DESIGN.md). */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", n);
        out.put("claimed", claimed);
        out.put("closed", closed);
        out.put("median_minutes_to_claim", medianMinutesToClaim);
        out.put("median_minutes_to_close", medianMinutesToClose);
        out.put("within_sla", withinSla);
        return out;
    }
}
