package fi.palaute.slack;

import com.fasterxml.jackson.annotation.JsonProperty;
import fi.palaute.common.followup.FollowUp;
import fi.palaute.common.followup.FollowUpState;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobKind;
import fi.palaute.common.job.JobRequest;
import fi.palaute.common.job.PermanentFailureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code slack.followup_reminder}: one reminder in the alert's thread when a follow-up is still unclaimed
 * after PALAUTE_FOLLOWUP_SLA. Its dedupe key {@code followup-reminder:<id>} makes the job, and so the post,
 * one however many instances ask for it; a follow-up claimed or closed meanwhile gets none.
 */
public final class ReminderJob implements JobKind.PayloadHandler<ReminderJob.Due> {
    public static final JobKind<Due> KIND = JobKind.of("slack.followup_reminder", Due.class,
            due -> "followup-reminder:" + due.followUpId());
    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    /** The payload: the follow-up whose SLA ran out. */
    public record Due(@JsonProperty("followup_id") long followUpId) {}

    private final FollowUpStore store;
    private final OncePerJobPoster poster;
    private final Duration sla;
    private final Clock clock;

    public ReminderJob(FollowUpStore store, OncePerJobPoster poster, Duration sla, Clock clock) {
        this.store = store;
        this.poster = poster;
        this.sla = sla;
        this.clock = clock;
    }

    public static JobRequest request(long followUpId, Instant now) {
        return KIND.request(new Due(followUpId), now);
    }

    @Override
    public void handle(Job job, Due due) {
        long id = due.followUpId();
        FollowUp f = store.find(id).orElseThrow(() -> new PermanentFailureException("follow-up " + id + " does not exist"));
        if (f.state() != FollowUpState.OPEN || f.remindedAt() != null || !f.hasAlert()) {
            log.info("follow-up {} needs no reminder ({})", id, f.remindedAt() != null ? "already reminded" : f.state().id());
            return;
        }
        String text = ":alarm_clock: Still open after " + Format.duration(sla)
                + ": nobody has said they will follow up on this low score. Who can call the customer?";
        poster.post(KIND.dedupeKey(due), PostEvent.REMINDER, new PostMessage(f.alertChannel(),
                new SlackMessage(text, List.of(new Block.Section(text))), f.alertTs()));
        store.markReminded(id, clock.instant());
        log.info("follow-up {} reminded in thread {} after the SLA {}", id, f.alertTs(), sla);
    }
}
