package fi.palaute.common.followup;

import fi.palaute.common.score.Metric;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.Row;
import fi.palaute.common.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code followups} table. State changes are compare-and-set updates ({@code … WHERE state = 'open'}),
 * so two people clicking "I'll follow up" at once, on any number of instances, give one owner.
 */
public final class FollowUpStore {
    /** The newest this many follow-ups are listed; a support team works through far fewer at a time. */
    public static final int LIST_LIMIT = 1000;

    private static final String SELECT = """
            SELECT f.id, f.survey_id, f.answer_id, f.source, f.ticket_id, f.state, f.owner_id, f.owner_name,
                   f.created_at, f.claimed_at, f.closed_at, f.close_reason, f.closed_by_id, f.closed_by_name,
                   f.outcome, f.customer_reached, f.alert_channel, f.alert_ts, f.reminded_at,
                   a.metric, a.score, a.comment, a.agent, a.agent_group, s.ticket_url
            FROM followups f JOIN answers a ON a.id = f.answer_id JOIN surveys s ON s.id = f.survey_id""";

    private static final Row<FollowUp> ROW = rs -> new FollowUp(rs.getLong("id"), rs.getLong("survey_id"),
            rs.getLong("answer_id"), rs.getString("source"), rs.getString("ticket_id"), rs.getString("ticket_url"),
            Metric.fromId(rs.getString("metric")), rs.getInt("score"), rs.getString("comment"), rs.getString("agent"),
            rs.getString("agent_group"), FollowUpState.fromId(rs.getString("state")),
            actor(rs, "owner_id", "owner_name"), instant(rs, "created_at"), instant(rs, "claimed_at"),
            instant(rs, "closed_at"),
            rs.getString("close_reason") == null ? null : CloseReason.fromId(rs.getString("close_reason")),
            actor(rs, "closed_by_id", "closed_by_name"), rs.getString("outcome"), reached(rs),
            rs.getString("alert_channel"), rs.getString("alert_ts"), instant(rs, "reminded_at"));

    private final Database db;

    public FollowUpStore(Database db) {
        this.db = db;
    }

    public Optional<FollowUp> find(long id) {
        return db.inTransaction(tx -> find(tx, id));
    }

    public Optional<FollowUp> find(Tx tx, long id) {
        return tx.queryOne(SELECT + " WHERE f.id = ?", ROW, id);
    }

    public Optional<FollowUp> findBySurvey(Tx tx, long surveyId) {
        return tx.queryOne(SELECT + " WHERE f.survey_id = ?", ROW, surveyId);
    }

    /** Opens a follow-up for a survey's low answer; empty when the survey already has one. */
    public Optional<Long> open(Tx tx, long surveyId, long answerId, String source, String ticketId, Instant now) {
        return tx.insertReturningId("""
                INSERT INTO followups (survey_id, answer_id, source, ticket_id, state, created_at)
                VALUES (?, ?, ?, ?, 'open', ?)
                ON CONFLICT (survey_id) DO NOTHING""", surveyId, answerId, source, ticketId, now);
    }

    /**
     * The follow-up of this answer's survey, opened now if the answer was recorded without one (by a
     * connector older than the follow-ups table): the alert always has a follow-up to carry.
     */
    public FollowUp ensureFor(long answerId) {
        return db.inTransaction(tx -> {
            tx.update("""
                    INSERT INTO followups (survey_id, answer_id, source, ticket_id, state, created_at)
                    SELECT survey_id, id, source, ticket_id, 'open', answered_at FROM answers WHERE id = ?
                    ON CONFLICT (survey_id) DO NOTHING""", answerId);
            return tx.queryOne(SELECT + " WHERE f.survey_id = (SELECT survey_id FROM answers WHERE id = ?)", ROW, answerId)
                    .orElseThrow(() -> new IllegalArgumentException("answer " + answerId + " does not exist"));
        });
    }

    /** Points the follow-up at the survey's newer answer. */
    public void followAnswer(Tx tx, long id, long answerId) {
        tx.update("UPDATE followups SET answer_id = ? WHERE id = ?", answerId, id);
    }

    /** Reopens a follow-up its customer's changed answer had closed, now that the answer is low again. */
    public boolean reopen(Tx tx, long id, long answerId) {
        return tx.update("""
                UPDATE followups SET answer_id = ?, state = CASE WHEN owner_id IS NULL THEN 'open' ELSE 'claimed' END,
                    closed_at = NULL, close_reason = NULL, closed_by_id = NULL, closed_by_name = NULL, outcome = NULL,
                    customer_reached = NULL
                WHERE id = ? AND state = 'closed' AND close_reason = 'answer_changed'""", answerId, id) == 1;
    }

    /** The first claim wins: true when this one did. */
    public boolean claim(long id, Actor who, Instant now) {
        return db.inTransaction(tx -> tx.update("""
                UPDATE followups SET state = 'claimed', owner_id = ?, owner_name = ?, claimed_at = ?
                WHERE id = ? AND state = 'open'""", who.id(), who.name(), now, id) == 1);
    }

    /** Closes a follow-up that is not closed yet: true when this call closed it. */
    public boolean close(long id, CloseReason reason, Actor who, String outcome, Boolean customerReached, Instant now) {
        return db.inTransaction(tx -> close(tx, id, reason, who, outcome, customerReached, now));
    }

    public boolean close(Tx tx, long id, CloseReason reason, Actor who, String outcome, Boolean customerReached,
                         Instant now) {
        return tx.update("""
                UPDATE followups SET state = 'closed', closed_at = ?, close_reason = ?, closed_by_id = ?,
                    closed_by_name = ?, outcome = ?, customer_reached = ?
                WHERE id = ? AND state <> 'closed'""",
                now, reason.id(), who == null ? null : who.id(), who == null ? null : who.name(), outcome,
                customerReached, id) == 1;
    }

    /** Records where the alert for this follow-up was posted, so later changes update that message. */
    public void attachAlert(long id, String channel, String ts) {
        db.run(tx -> tx.update("UPDATE followups SET alert_channel = ?, alert_ts = ? WHERE id = ?", channel, ts, id));
    }

    /** Notes that the SLA reminder went out; false when one already had. */
    public boolean markReminded(long id, Instant now) {
        return db.inTransaction(tx -> tx.update(
                "UPDATE followups SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL", now, id) == 1);
    }

    /** Open follow-ups with an alert, past the SLA and not yet reminded: each is due one reminder. */
    public List<Long> dueForReminder(Duration sla, Instant now) {
        return db.inTransaction(tx -> tx.query("""
                SELECT id FROM followups
                WHERE state = 'open' AND created_at <= ? AND reminded_at IS NULL AND alert_ts IS NOT NULL
                ORDER BY created_at LIMIT 100""", rs -> rs.getLong(1), now.minus(sla)));
    }

    /** The newest follow-ups, optionally in one state. */
    public List<FollowUp> list(Optional<FollowUpState> state) {
        return db.read(tx -> state.isPresent()
                ? tx.query(SELECT + " WHERE f.state = ? ORDER BY f.created_at DESC, f.id DESC LIMIT ?", ROW,
                        state.get().id(), LIST_LIMIT)
                : tx.query(SELECT + " ORDER BY f.created_at DESC, f.id DESC LIMIT ?", ROW, LIST_LIMIT));
    }

    /**
     * Follow-ups not closed yet, newest first: of one agent's tickets or owned by one Slack user when
     * {@code agent} or {@code ownerId} is given (either matches), else everyone's.
     */
    public List<FollowUp> unfinished(Optional<String> agent, Optional<String> ownerId, int limit) {
        String where = " WHERE f.state <> 'closed'";
        if (agent.isEmpty() && ownerId.isEmpty()) {
            return db.read(tx -> tx.query(SELECT + where + " ORDER BY f.created_at DESC, f.id DESC LIMIT ?", ROW, limit));
        }
        return db.read(tx -> tx.query(SELECT + where + " AND (a.agent = ? OR f.owner_id = ?) ORDER BY f.created_at DESC, "
                + "f.id DESC LIMIT ?", ROW, agent.orElse(null), ownerId.orElse(null), limit));
    }

    /** Follow-ups created in [from, to), optionally of one agent, oldest first. */
    public List<FollowUp> created(Instant from, Instant to, Optional<String> agent) {
        return db.read(tx -> agent.isPresent()
                ? tx.query(SELECT + " WHERE f.created_at >= ? AND f.created_at < ? AND a.agent = ? ORDER BY f.created_at, f.id",
                        ROW, from, to, agent.get())
                : tx.query(SELECT + " WHERE f.created_at >= ? AND f.created_at < ? ORDER BY f.created_at, f.id",
                        ROW, from, to));
    }

    public FollowUpSummary summary(Instant from, Instant to, Duration sla, Instant now) {
        return FollowUpSummary.of(created(from, to, Optional.empty()), sla, now);
    }

    private static Actor actor(ResultSet rs, String idColumn, String nameColumn) throws SQLException {
        String id = rs.getString(idColumn);
        return id == null ? null : new Actor(id, rs.getString(nameColumn));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Long millis = Tx.nullableLong(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Boolean reached(ResultSet rs) throws SQLException {
        Integer v = Tx.nullableInt(rs, "customer_reached");
        return v == null ? null : v != 0;
    }
}
