package fi.palaute.slack;

import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.job.JobQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for follow-ups still open past the SLA and asks for their reminder. Every instance ticks; the
 * reminder job's dedupe key lets one request per follow-up through, as with digests.
 */
public final class ReminderScheduler {
    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);

    private final FollowUpStore store;
    private final JobQueue queue;
    private final Duration sla;
    private final Clock clock;
    private final Runnable poke;

    public ReminderScheduler(FollowUpStore store, JobQueue queue, Duration sla, Clock clock, Runnable poke) {
        this.store = store;
        this.queue = queue;
        this.sla = sla;
        this.clock = clock;
        this.poke = poke;
    }

    /** Enqueues the reminders now due; returns how many this instance enqueued. */
    public int tick() {
        Instant now = clock.instant();
        int enqueued = 0;
        for (long id : store.dueForReminder(sla, now)) {
            if (queue.enqueue(ReminderJob.request(id, now)).isPresent()) enqueued++;
        }
        if (enqueued > 0) {
            log.info("{} follow-up reminders enqueued (unclaimed past {})", enqueued, sla);
            poke.run();
        }
        return enqueued;
    }
}
