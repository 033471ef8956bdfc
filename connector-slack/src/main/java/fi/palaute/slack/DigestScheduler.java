package fi.palaute.slack;

import fi.palaute.common.job.JobQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the latest scheduled digest has a job. Every instance ticks; the job's dedupe key lets only
 * the first enqueue through, so several instances and restarts give one digest per channel and period.
 * Only the latest run is looked at, so an instance that was down for a week catches up once, with the
 * period the schedule would post now, instead of posting every missed one.
 */
public final class DigestScheduler {
    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final DigestSchedule schedule;
    private final String channel;
    private final JobQueue queue;
    private final Clock clock;
    private final Runnable poke;

    public DigestScheduler(DigestSchedule schedule, String channel, JobQueue queue, Clock clock, Runnable poke) {
        this.schedule = schedule;
        this.channel = channel;
        this.queue = queue;
        this.clock = clock;
        this.poke = poke;
    }

    /** Enqueues the digest of the latest scheduled run unless some instance already did; returns the new job id. */
    public Optional<Long> tick() {
        Instant runAt = schedule.latestRunAtOrBefore(clock.instant());
        DigestPeriod period = schedule.periodForRunAt(runAt);
        Optional<Long> id = queue.enqueue(DigestJob.KIND.request(DigestJob.Payload.of(channel, period), runAt));
        if (id.isPresent()) {
            log.info("digest of {} ({}) for {} enqueued as job {}", period.label(), schedule, channel, id.get());
            poke.run();
        }
        return id;
    }
}
