package fi.palaute.common.survey;

import fi.palaute.common.store.Database;
import fi.palaute.common.store.Dialect;
import fi.palaute.common.store.Row;
import fi.palaute.common.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code surveys} table: one row per ticket and resolution cycle, unique on (source, ticket, cycle),
 * which is what makes a second survey job for the same solve a no-op.
 */
public final class SurveyStore {
    /** A survey row's identity and state, enough to tell whether a job already handled its cycle. */
    public record CycleSurvey(long id, SurveyState state) {}

    private static final Row<SentSurvey> SENT = rs -> new SentSurvey(rs.getLong("id"), rs.getString("source"),
            rs.getString("ticket_id"), rs.getString("template_id"), rs.getString("locale"),
            fi.palaute.common.score.Metric.fromId(rs.getString("metric")), instant(rs, "sent_at"),
            instant(rs, "expires_at"), instant(rs, "honeypot_hit_at"), rs.getString("agent"), rs.getString("agent_group"),
            rs.getString("channel"), rs.getInt("answer_count"));

    private final Database db;

    public SurveyStore(Database db) {
        this.db = db;
    }

    public Optional<CycleSurvey> findCycle(String source, String ticketId, String cycleKey) {
        return db.inTransaction(tx -> tx.queryOne(
                "SELECT id, state FROM surveys WHERE source = ? AND ticket_id = ? AND cycle_key = ?",
                rs -> new CycleSurvey(rs.getLong("id"), SurveyState.fromId(rs.getString("state"))),
                source, ticketId, cycleKey));
    }

    /**
     * Inserts the cycle's survey; empty when the cycle already has one.
     *
     * @param experimentId the experiment the requester takes part in, with {@code armId} the arm, or both null
     */
    public Optional<Long> insert(Tx tx, String source, TicketSnapshot t, String cycleKey, SurveyTemplate template,
                                 SurveyState state, String suppressedReason, Instant now, String experimentId,
                                 String armId) {
        return tx.insertReturningId("""
                INSERT INTO surveys (source, ticket_id, cycle_key, ticket_url, requester_id, locale, template_id, metric,
                    state, suppressed_reason, agent, agent_group, channel, created_at, experiment_id, experiment_arm)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                source, t.ticketId(), cycleKey, t.ticketUrl(), t.requester() == null ? null : t.requester().id(),
                template.locale(), template.id(), template.metric().id(), state.id(), suppressedReason, t.agent(),
                t.group(), t.channel(), now, experimentId, armId);
    }

    public Optional<Long> insert(String source, TicketSnapshot t, String cycleKey, SurveyTemplate template,
                                 SurveyState state, String suppressedReason, Instant now, String experimentId,
                                 String armId) {
        return db.inTransaction(tx -> insert(tx, source, t, cycleKey, template, state, suppressedReason, now,
                experimentId, armId));
    }

    /** A sending survey went out: it can be answered until {@code expiresAt}. */
    public void markSent(long surveyId, SurveyTemplate template, Instant sentAt, Instant expiresAt) {
        db.run(tx -> tx.update("""
                UPDATE surveys SET state = ?, sent_at = ?, expires_at = ?, locale = ?, template_id = ?, metric = ?
                WHERE id = ? AND state = ?""",
                SurveyState.SENT.id(), sentAt, expiresAt, template.locale(), template.id(), template.metric().id(),
                surveyId, SurveyState.SENDING.id()));
    }

    public void markSuppressed(long surveyId, String reason) {
        db.run(tx -> tx.update("UPDATE surveys SET state = ?, suppressed_reason = ? WHERE id = ?",
                SurveyState.SUPPRESSED.id(), reason, surveyId));
    }

    /**
     * Surveys sent (or being sent) to this requester since {@code since}, other than this ticket's cycle:
     * the per-requester cooldown.
     */
    public long countRecentForRequester(Tx tx, String source, String requesterId, Instant since, String ticketId,
                                        String cycleKey) {
        return tx.queryLong("""
                SELECT COUNT(*) FROM surveys
                WHERE source = ? AND requester_id = ? AND state IN (?, ?) AND created_at >= ?
                  AND NOT (ticket_id = ? AND cycle_key = ?)""",
                source, requesterId, SurveyState.SENT.id(), SurveyState.SENDING.id(), since, ticketId, cycleKey);
    }

    /** A survey that was sent, for the rating page; empty for unknown, suppressed and unsent ones. */
    public Optional<SentSurvey> findSent(long surveyId) {
        return db.inTransaction(tx -> tx.queryOne("""
                SELECT id, source, ticket_id, template_id, locale, metric, sent_at, expires_at, honeypot_hit_at,
                       agent, agent_group, channel, answer_count
                FROM surveys WHERE id = ? AND state = ?""", SENT, surveyId, SurveyState.SENT.id()));
    }

    /**
     * Makes simultaneous answers to one survey (a double click) take turns on PostgreSQL, so the second
     * replaces the first instead of tripping the one-current-answer index. SQLite's writer lock does this already.
     */
    public void lockForAnswer(Tx tx, long surveyId) {
        if (tx.dialect() == Dialect.POSTGRESQL) {
            tx.queryOne("SELECT id FROM surveys WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), surveyId);
        }
    }

    /** What a survey's answers so far have set in motion: how many, its waiting write-back, its alert. */
    public record AnswerProgress(int answers, Long writeBackJob, boolean alerted) {}

    /**
     * The survey's answer progress, locked for this transaction: answers to one survey take turns (a double
     * click, a script), on PostgreSQL by the row lock, on SQLite by its one writer.
     */
    public AnswerProgress lockAnswerProgress(Tx tx, long surveyId) {
        String lock = tx.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
        return tx.queryOne("SELECT answer_count, writeback_job_id, alerted_at FROM surveys WHERE id = ?" + lock,
                rs -> new AnswerProgress(rs.getInt(1), Tx.nullableLong(rs, "writeback_job_id"), rs.getObject(3) != null),
                surveyId).orElseThrow();
    }

    /** The survey's latest write-back job (the one answers since the last write-back belong to), unlocked. */
    public Optional<Long> latestWriteBackJob(long surveyId) {
        return db.read(tx -> tx.queryOne("SELECT writeback_job_id FROM surveys WHERE id = ?",
                rs -> Tx.nullableLong(rs, "writeback_job_id"), surveyId));
    }

    public void saveAnswerProgress(Tx tx, long surveyId, AnswerProgress progress, Instant now) {
        tx.update("UPDATE surveys SET answer_count = ?, writeback_job_id = ?, alerted_at = COALESCE(alerted_at, ?) "
                + "WHERE id = ?", progress.answers(), progress.writeBackJob(),
                progress.alerted() ? now.toEpochMilli() : null, surveyId);
    }

    public void markHoneypotHit(long surveyId, Instant at) {
        db.run(tx -> tx.update("UPDATE surveys SET honeypot_hit_at = ? WHERE id = ?", at, surveyId));
    }

    /** Survey counts of one source by state and stored reason (null when none), for /metrics. */
    public void countByStateAndReason(String source, CountSink sink) {
        db.read(tx -> tx.query("SELECT state, suppressed_reason, COUNT(*) FROM surveys WHERE source = ? "
                        + "GROUP BY state, suppressed_reason",
                rs -> {
                    sink.accept(SurveyState.fromId(rs.getString(1)), rs.getString(2), rs.getLong(3));
                    return null;
                }, source));
    }

    /** Receives one count of {@link #countByStateAndReason}. */
    @FunctionalInterface
    public interface CountSink {
        void accept(SurveyState state, String reason, long count);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
