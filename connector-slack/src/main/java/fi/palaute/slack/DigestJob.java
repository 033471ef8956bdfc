package fi.palaute.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobHandler;
import fi.palaute.common.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one scheduled digest and records it in {@code digests}. The job's dedupe key makes the enqueue
 * exactly-once; the {@code digests} row (unique per channel, period and start) is checked first so a job
 * re-run after a crash between "posted" and "done" does not post twice when the row was written.
 */
public final class DigestJob implements JobHandler {
    public static final String KIND = "slack.digest";
    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final Database db;
    private final DigestReportQuery reports;
    private final DigestComposer composer;
    private final SlackClient slack;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public DigestJob(Database db, DigestReportQuery reports, DigestComposer composer, SlackClient slack, Clock clock) {
        this.db = db;
        this.reports = reports;
        this.composer = composer;
        this.slack = slack;
        this.clock = clock;
    }

    /** What a scheduled digest job carries: the channel and the period. */
    public record Payload(String channel, DigestPeriod period) {
        public String toJson() {
            return JsonNodeFactory.instance.objectNode().put("channel", channel).put("period", period.kind().id())
                    .put("start", period.start().toEpochMilli()).put("end", period.end().toEpochMilli())
                    .put("zone", period.zone().getId()).toString();
        }

        /** {@code digest:<channel>:<period>:<start>}: one job per channel and period, whichever instance enqueues it. */
        public String dedupeKey() {
            return "digest:" + channel + ":" + period.kind().id() + ":" + period.start();
        }

        static Payload parse(JsonNode n) {
            return new Payload(n.path("channel").asText(), new DigestPeriod(PeriodKind.parse(n.path("period").asText()),
                    Instant.ofEpochMilli(n.path("start").asLong()), Instant.ofEpochMilli(n.path("end").asLong()),
                    ZoneId.of(n.path("zone").asText("UTC"))));
        }
    }

    @Override
    public void handle(Job job) throws Exception {
        Payload p = Payload.parse(json.readTree(job.payload()));
        if (alreadyPosted(p)) {
            log.info("digest {} {} for {} was already posted", p.period().kind().id(), p.period().label(), p.channel());
            return;
        }
        SlackMessage message = composer.compose(reports.load(p.period()));
        PostedMessage posted = slack.postMessage(new PostMessage(p.channel(), message));
        db.run(tx -> tx.update("""
                INSERT INTO digests (channel, period, period_start, period_end, posted_at, message_ts)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                p.channel(), p.period().kind().id(), p.period().start().toEpochMilli(), p.period().end().toEpochMilli(),
                clock.millis(), posted.ts()));
        log.info("digest {} {} posted to {} ts={}", p.period().kind().id(), p.period().label(), posted.channel(), posted.ts());
    }

    private boolean alreadyPosted(Payload p) {
        return db.read(tx -> tx.queryLong(
                "SELECT COUNT(*) FROM digests WHERE channel = ? AND period = ? AND period_start = ?",
                p.channel(), p.period().kind().id(), p.period().start().toEpochMilli()) > 0);
    }
}
