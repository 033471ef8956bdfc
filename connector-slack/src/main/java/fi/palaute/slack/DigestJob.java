package fi.palaute.slack;

import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobKind;
import fi.palaute.common.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one scheduled digest and records it in {@code digests}. The job's dedupe key makes the enqueue
 * exactly-once; the {@code digests} row (unique per channel, period and start) is checked first so a job
 * re-run after a crash between "posted" and "done" does not post twice when the row was written, and
 * {@link OncePerJobPoster} covers a crash (or a lost answer) before it was.
 */
public final class DigestJob implements JobKind.PayloadHandler<DigestJob.Payload> {
    /** {@code digest:<channel>:<period>:<start>}: one job per channel and period, whichever instance enqueues it. */
    public static final JobKind<Payload> KIND = JobKind.of("slack.digest", Payload.class,
            p -> "digest:" + p.channel() + ":" + p.period() + ":" + Instant.ofEpochMilli(p.start()));
    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final Database db;
    private final DigestReportQuery reports;
    private final DigestComposer composer;
    private final OncePerJobPoster poster;
    private final Clock clock;

    public DigestJob(Database db, DigestReportQuery reports, DigestComposer composer, OncePerJobPoster poster,
                     Clock clock) {
        this.db = db;
        this.reports = reports;
        this.composer = composer;
        this.poster = poster;
        this.clock = clock;
    }

    /** What a scheduled digest job carries: the channel and the period (kind, bounds in epoch ms, time zone). */
    public record Payload(String channel, String period, long start, long end, String zone) {
        public static Payload of(String channel, DigestPeriod p) {
            return new Payload(channel, p.kind().id(), p.start().toEpochMilli(), p.end().toEpochMilli(), p.zone().getId());
        }

        public DigestPeriod digestPeriod() {
            return new DigestPeriod(PeriodKind.parse(period), Instant.ofEpochMilli(start), Instant.ofEpochMilli(end),
                    ZoneId.of(zone == null ? "UTC" : zone));
        }
    }

    @Override
    public void handle(Job job, Payload payload) {
        DigestPeriod period = payload.digestPeriod();
        String channel = payload.channel();
        if (alreadyPosted(channel, period)) {
            log.info("digest {} {} for {} was already posted", period.kind().id(), period.label(), channel);
            return;
        }
        SlackMessage message = composer.compose(reports.load(period));
        OncePerJobPoster.Posted posted = poster.post(KIND.dedupeKey(payload), PostEvent.DIGEST, new PostMessage(channel, message));
        db.run(tx -> tx.update("""
                INSERT INTO digests (channel, period, period_start, period_end, posted_at, message_ts)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                channel, period.kind().id(), period.start(), period.end(), clock.instant(), posted.ts()));
        log.info("digest {} {} posted to {} ts={}", period.kind().id(), period.label(), posted.channel(), posted.ts());
    }

    private boolean alreadyPosted(String channel, DigestPeriod period) {
        return db.read(tx -> tx.queryLong(
                "SELECT COUNT(*) FROM digests WHERE channel = ? AND period = ? AND period_start = ?",
                channel, period.kind().id(), period.start()) > 0);
    }
}
