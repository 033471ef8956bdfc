package fi.palaute.common.survey;

import fi.palaute.common.score.Metric;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.Row;
import fi.palaute.common.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code answers} table. A survey has at most one current answer: recording a new one marks the
 * previous one replaced in the same transaction. The row is mapped to {@link Answer} here and nowhere else.
 */
public final class AnswerStore {
    private static final String SELECT = """
            SELECT a.id, a.survey_id, a.source, a.ticket_id, a.metric, a.score, a.comment, a.answered_at,
                   a.suspected_bot, a.bot_reason, a.agent, a.agent_group, a.channel, a.replaced_at, s.ticket_url
            FROM answers a LEFT JOIN surveys s ON s.id = a.survey_id""";
    private static final Row<Answer> ROW = rs -> new Answer(rs.getLong("id"), rs.getLong("survey_id"),
            rs.getString("source"), rs.getString("ticket_id"), Metric.fromId(rs.getString("metric")), rs.getInt("score"),
            rs.getString("comment"), Instant.ofEpochMilli(rs.getLong("answered_at")), rs.getInt("suspected_bot") != 0,
            rs.getString("bot_reason"), rs.getString("agent"), rs.getString("agent_group"), rs.getString("channel"),
            rs.getObject("replaced_at") != null, rs.getString("ticket_url"));

    /** An answer about to be recorded. {@code comment}, {@code botReason} and {@code userAgent} may be null. */
    public record NewAnswer(SentSurvey survey, int score, String comment, String botReason, String userAgent,
                            Instant answeredAt, String nonce) {
        public boolean suspectedBot() {
            return botReason != null;
        }
    }

    private final Database db;

    public AnswerStore(Database db) {
        this.db = db;
    }

    public Optional<Answer> find(long answerId) {
        return db.read(tx -> tx.queryOne(SELECT + " WHERE a.id = ?", ROW, answerId));
    }

    /** Records the survey's current answer, replacing the one before it; returns the new answer's id. */
    public long recordReplacing(Tx tx, NewAnswer a) {
        SentSurvey s = a.survey();
        tx.update("UPDATE answers SET replaced_at = ? WHERE survey_id = ? AND replaced_at IS NULL", a.answeredAt(), s.id());
        return tx.insertReturningId("""
                INSERT INTO answers (survey_id, source, ticket_id, metric, score, comment, answered_at, suspected_bot,
                    bot_reason, user_agent, agent, agent_group, channel, nonce)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                s.id(), s.source(), s.ticketId(), s.metric().id(), a.score(), a.comment(), a.answeredAt(),
                a.suspectedBot(), a.botReason(), a.userAgent(), s.agent(), s.group(), s.channel(), a.nonce())
                .orElseThrow();
    }

    /** Whether the form with this nonce has already recorded an answer to the survey (a reload, back, a double click). */
    public boolean nonceSpent(Tx tx, long surveyId, String nonce) {
        return tx.queryLong("SELECT COUNT(*) FROM answers WHERE survey_id = ? AND nonce = ?", surveyId, nonce) > 0;
    }

    /** The survey's current answer, if any. */
    public Optional<Answer> current(long surveyId) {
        return db.read(tx -> tx.queryOne(SELECT + " WHERE a.survey_id = ? AND a.replaced_at IS NULL", ROW, surveyId));
    }

    /** The current answer of the survey the given answer belongs to. */
    public Optional<Answer> currentOfSurveyOf(long answerId) {
        return db.read(tx -> tx.queryOne(SELECT + " WHERE a.survey_id = (SELECT survey_id FROM answers WHERE id = ?) "
                + "AND a.replaced_at IS NULL", ROW, answerId));
    }

    /**
     * The lowest current, human answers in [from, to) below the good band ({@link Metric#belowGoodTo()}: a
     * 5/5 is never a "lowest answer"), lowest first on a common 0–1 scale, earliest first among equals, so
     * the same data always gives the same list.
     */
    public List<Answer> lowest(Instant from, Instant to, int limit) {
        String belowGood = java.util.Arrays.stream(Metric.values())
                .map(m -> "(a.metric = '" + m.id() + "' AND a.score <= " + m.belowGoodTo() + ")")
                .collect(java.util.stream.Collectors.joining(" OR "));
        return db.read(tx -> tx.query(SELECT + "\n"
                + " WHERE a.answered_at >= ? AND a.answered_at < ? AND a.replaced_at IS NULL AND a.suspected_bot = 0\n"
                + "   AND (" + belowGood + ")\n" + """
                 ORDER BY CASE a.metric WHEN 'csat' THEN (a.score - 1) / 4.0 WHEN 'ces' THEN (a.score - 1) / 6.0
                          ELSE a.score / 10.0 END, a.answered_at, a.id
                 LIMIT ?""", ROW, from, to, limit));
    }

    /** The newest current, human answers with a comment in [from, to), of one agent's tickets or of everyone's. */
    public List<Answer> latestComments(Optional<String> agent, Instant from, Instant to, int limit) {
        String where = """
                 WHERE a.answered_at >= ? AND a.answered_at < ? AND a.replaced_at IS NULL AND a.suspected_bot = 0
                   AND a.comment IS NOT NULL""";
        return db.read(tx -> agent.isPresent()
                ? tx.query(SELECT + "\n" + where + " AND a.agent = ? ORDER BY a.answered_at DESC, a.id DESC LIMIT ?", ROW,
                        from, to, agent.get(), limit)
                : tx.query(SELECT + "\n" + where + " ORDER BY a.answered_at DESC, a.id DESC LIMIT ?", ROW,
                        from, to, limit));
    }
}
