package fi.palaute.common.store;

import java.time.Instant;

/** Inserts survey and answer rows directly, for tests of what reads them. */
public final class SurveyRows {
    private final Database db;

    public SurveyRows(Database db) {
        this.db = db;
    }

    /** A survey that was sent at {@code sentAt} and may be answered for 14 days. */
    public long sentSurvey(String source, String ticketId, String metric, String locale, Instant sentAt,
                           String agent, String group) {
        return db.inTransaction(tx -> tx.insertReturningId("""
                INSERT INTO surveys (source, ticket_id, cycle_key, ticket_url, requester_id, locale, template_id, metric,
                    state, agent, agent_group, created_at, sent_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'sent', ?, ?, ?, ?, ?)""",
                source, ticketId, "cycle-" + ticketId, "https://example.test/tickets/" + ticketId, "req-" + ticketId,
                locale, metric, metric, agent, group, sentAt.toEpochMilli(), sentAt.toEpochMilli(),
                sentAt.plus(java.time.Duration.ofDays(14)).toEpochMilli()).orElseThrow());
    }

    public long answer(long surveyId, String source, String ticketId, String metric, int score, String comment,
                       Instant at, boolean bot, String agent, String group) {
        return db.inTransaction(tx -> tx.insertReturningId("""
                INSERT INTO answers (survey_id, source, ticket_id, metric, score, comment, answered_at, suspected_bot,
                    agent, agent_group)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                surveyId, source, ticketId, metric, score, comment, at.toEpochMilli(), bot ? 1 : 0, agent, group)
                .orElseThrow());
    }

    public void outcome(String source, String ticketId, Instant solvedAt, Boolean fcr, Long handleSeconds, String agent) {
        db.run(tx -> tx.update("""
                INSERT INTO ticket_outcomes (source, ticket_id, cycle_key, solved_at, fcr, fcr_definition,
                    handle_time_seconds, handle_time_source, agent, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                source, ticketId, "cycle-" + ticketId, solvedAt.toEpochMilli(), fcr == null ? null : (fcr ? 1 : 0),
                source + " one-touch", handleSeconds, handleSeconds == null ? null : source + " time tracking", agent,
                solvedAt.toEpochMilli()));
    }

    public long count(String sql, Object... params) {
        return db.inTransaction(tx -> tx.queryLong(sql, params));
    }
}
