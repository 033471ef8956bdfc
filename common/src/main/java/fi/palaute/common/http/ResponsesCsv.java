package fi.palaute.common.http;

import fi.palaute.common.store.Database;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The body of GET /api/responses.csv: a header row, then one row per answer in [from, to) in the order
 * they were given, written as they are read from one read-only snapshot. Nothing is collected, so
 * memory stays the same for ten rows or ten million.
 */
final class ResponsesCsv {
    static final String HEADER =
            "source,ticket_id,metric,score,comment,answered_at,agent,group,channel,suspected_bot,bot_reason,replaced\r\n";

    private final Database db;

    ResponsesCsv(Database db) {
        this.db = db;
    }

    void write(Instant from, Instant to, OutputStream out) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        csv.write(HEADER);
        try {
            db.read(tx -> {
                tx.stream("""
                        SELECT source, ticket_id, metric, score, comment, answered_at, agent, agent_group, channel,
                               suspected_bot, bot_reason, replaced_at
                        FROM answers WHERE answered_at >= ? AND answered_at < ? ORDER BY answered_at, id""",
                        rs -> {
                            try {
                                // The columns in HEADER's order; text quoted as CSV needs, times in ISO-8601.
                                csv.write(String.join(",", Csv.field(rs.getString("source")),
                                        Csv.field(rs.getString("ticket_id")), Csv.field(rs.getString("metric")),
                                        Integer.toString(rs.getInt("score")), Csv.field(rs.getString("comment")),
                                        Instant.ofEpochMilli(rs.getLong("answered_at")).toString(),
                                        Csv.field(rs.getString("agent")), Csv.field(rs.getString("agent_group")),
                                        Csv.field(rs.getString("channel")),
                                        Boolean.toString(rs.getInt("suspected_bot") != 0),
                                        Csv.field(rs.getString("bot_reason")),
                                        Boolean.toString(rs.getObject("replaced_at") != null)));
                                csv.write("\r\n");
                            } catch (IOException e) {
                                // The client went away: stop reading, end the snapshot.
                                throw new UncheckedIOException(e);
                            }
                            return null;
                        }, from.toEpochMilli(), to.toEpochMilli());
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }
}
