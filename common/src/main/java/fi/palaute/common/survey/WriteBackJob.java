package fi.palaute.common.survey;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobHandler;
import fi.palaute.common.score.Metric;
import fi.palaute.common.store.Database;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an answer back onto its ticket (private note, tag, score field). An answer replaced before
 * its job ran is skipped: the newer answer has a job of its own.
 */
public final class WriteBackJob implements JobHandler {
    private static final Logger log = LoggerFactory.getLogger(WriteBackJob.class);

    private final Database db;
    private final Helpdesk helpdesk;
    private final ObjectMapper json = new ObjectMapper();

    public WriteBackJob(Database db, Helpdesk helpdesk) {
        this.db = db;
        this.helpdesk = helpdesk;
    }

    public static String kind(String source) {
        return source + ".writeback";
    }

    @Override
    public void handle(Job job) throws Exception {
        long answerId = json.readTree(job.payload()).path("answer_id").asLong();
        record Row(AnswerWriteBack answer, boolean replaced) {}
        Optional<Row> row = db.inTransaction(tx -> tx.queryOne("""
                SELECT id, ticket_id, metric, score, comment, suspected_bot, answered_at, replaced_at
                FROM answers WHERE id = ?""",
                rs -> new Row(new AnswerWriteBack(rs.getLong("id"), rs.getString("ticket_id"),
                        Metric.fromId(rs.getString("metric")), rs.getInt("score"), rs.getString("comment"),
                        rs.getInt("suspected_bot") != 0, Instant.ofEpochMilli(rs.getLong("answered_at"))),
                        rs.getObject("replaced_at") != null),
                answerId));
        if (row.isEmpty() || row.get().replaced()) {
            log.info("write-back skipped: answer={} was replaced or removed, job={}", answerId, job.id());
            return;
        }
        // attempts counts this run: above one, an earlier run (maybe killed mid-write) may have landed.
        helpdesk.writeBack(row.get().answer(), job.attempts() > 1);
        log.info("answer written back ticket={} answer={} job={}", row.get().answer().ticketId(), answerId, job.id());
    }
}
