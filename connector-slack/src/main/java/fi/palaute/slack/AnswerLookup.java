package fi.palaute.slack;

import fi.palaute.common.score.Metric;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.Row;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads answers with their survey's ticket link, for alerts and the digest's lowest answers. */
public final class AnswerLookup {
    private static final String SELECT = """
            SELECT a.id, a.source, a.ticket_id, a.metric, a.score, a.comment, a.answered_at, a.agent, a.agent_group,
                   a.suspected_bot, a.replaced_at, s.ticket_url
            FROM answers a JOIN surveys s ON s.id = a.survey_id""";
    private static final Row<AnswerView> ROW = rs -> new AnswerView(rs.getLong("id"), rs.getString("source"),
            rs.getString("ticket_id"), Metric.fromId(rs.getString("metric")), rs.getInt("score"),
            rs.getString("comment"), Instant.ofEpochMilli(rs.getLong("answered_at")), rs.getString("agent"),
            rs.getString("agent_group"), rs.getString("ticket_url"), rs.getInt("suspected_bot") != 0,
            rs.getObject("replaced_at") != null);

    private final Database db;

    public AnswerLookup(Database db) {
        this.db = db;
    }

    public Optional<AnswerView> find(long answerId) {
        return db.read(tx -> tx.queryOne(SELECT + " WHERE a.id = ?", ROW, answerId));
    }

    /**
     * The lowest current, human answers in [from, to) below the good band ({@link Metric#belowGoodTo()}: a
     * 5/5 is never a "lowest answer"), lowest first on a common 0–1 scale, earliest first among equals, so
     * the same data always gives the same list.
     */
    public List<AnswerView> lowest(Instant from, Instant to, int limit) {
        String belowGood = java.util.Arrays.stream(Metric.values())
                .map(m -> "(a.metric = '" + m.id() + "' AND a.score <= " + m.belowGoodTo() + ")")
                .collect(java.util.stream.Collectors.joining(" OR "));
        return db.read(tx -> tx.query(SELECT + "\n"
                + " WHERE a.answered_at >= ? AND a.answered_at < ? AND a.replaced_at IS NULL AND a.suspected_bot = 0\n"
                + "   AND (" + belowGood + ")\n" + """
                 ORDER BY CASE a.metric WHEN 'csat' THEN (a.score - 1) / 4.0 WHEN 'ces' THEN (a.score - 1) / 6.0
                          ELSE a.score / 10.0 END, a.answered_at, a.id
                 LIMIT ?""", ROW, from.toEpochMilli(), to.toEpochMilli(), limit));
    }

    /** The newest current, human answers with a comment in [from, to), of one agent's tickets or of everyone's. */
    public List<AnswerView> latestComments(Optional<String> agent, Instant from, Instant to, int limit) {
        String where = """
                 WHERE a.answered_at >= ? AND a.answered_at < ? AND a.replaced_at IS NULL AND a.suspected_bot = 0
                   AND a.comment IS NOT NULL""";
        return db.read(tx -> agent.isPresent()
                ? tx.query(SELECT + "\n" + where + " AND a.agent = ? ORDER BY a.answered_at DESC, a.id DESC LIMIT ?", ROW,
                        from.toEpochMilli(), to.toEpochMilli(), agent.get(), limit)
                : tx.query(SELECT + "\n" + where + " ORDER BY a.answered_at DESC, a.id DESC LIMIT ?", ROW,
                        from.toEpochMilli(), to.toEpochMilli(), limit));
    }
}
