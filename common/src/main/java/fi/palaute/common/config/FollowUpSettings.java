package fi.palaute.common.config;

import java.time.Duration;

/**
 * PALAUTE_FOLLOWUP_SLA: how long a low-score follow-up may wait for someone to claim it. Past it the
 * alert's thread gets one reminder, and the follow-up counts as past the SLA in summaries and digests.
 * Every service reads it, because every service answers {@code /api/summary}'s {@code followups}.
 */
public record FollowUpSettings(Duration sla) {
    public static FollowUpSettings from(Settings s) {
        Duration sla = s.duration(Setting.PALAUTE_FOLLOWUP_SLA);
        if (sla.isZero()) throw new SettingException(Setting.PALAUTE_FOLLOWUP_SLA.name(), "must be longer than zero, e.g. PT4H");
        return new FollowUpSettings(sla);
    }
}
