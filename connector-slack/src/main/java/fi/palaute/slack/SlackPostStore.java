package fi.palaute.slack;

import fi.palaute.common.store.Database;
import fi.palaute.common.store.Row;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code slack_posts} table: one row per job that posts, written before each attempt is sent and after
 * its outcome is known, each in a transaction of its own so the row says what a crash left.
 */
public final class SlackPostStore {
    private static final Row<SlackPost> ROW = rs -> new SlackPost(rs.getString("job_key"), rs.getString("event_type"),
            rs.getString("channel"), rs.getString("thread_ts"), SlackPostState.fromId(rs.getString("state")),
            Instant.ofEpochMilli(rs.getLong("first_attempt_at")), rs.getInt("attempts"), rs.getString("message_ts"));

    private final Database db;

    public SlackPostStore(Database db) {
        this.db = db;
    }

    public Optional<SlackPost> find(String jobKey) {
        return db.read(tx -> tx.queryOne("""
                SELECT job_key, event_type, channel, thread_ts, state, first_attempt_at, attempts, message_ts
                FROM slack_posts WHERE job_key = ?""", ROW, jobKey));
    }

    /** An attempt is about to be sent: the row says {@code sending}; the first attempt's time is kept. */
    public void beginAttempt(String jobKey, String eventType, String channel, String threadTs, Instant now) {
        db.run(tx -> tx.update("""
                INSERT INTO slack_posts (job_key, event_type, channel, thread_ts, state, first_attempt_at, attempts,
                                         updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?)
                ON CONFLICT (job_key) DO UPDATE SET state = excluded.state, attempts = slack_posts.attempts + 1,
                                                    updated_at = excluded.updated_at""",
                jobKey, eventType, channel, threadTs, SlackPostState.SENDING.id(), now, now));
    }

    public void markPosted(String jobKey, String messageTs, Instant now) {
        db.run(tx -> tx.update("UPDATE slack_posts SET state = ?, message_ts = ?, updated_at = ? WHERE job_key = ?",
                SlackPostState.POSTED.id(), messageTs, now, jobKey));
    }

    /**
     * Retention (PALAUTE_RETENTION): deletes up to {@code limit} records last changed before {@code before}. By
     * then their jobs are long finished (and deleted too), so no retry will ask for them.
     */
    public int deleteBefore(Instant before, int limit) {
        return db.inTransaction(tx -> tx.update("""
                DELETE FROM slack_posts WHERE job_key IN (
                    SELECT job_key FROM slack_posts WHERE updated_at < ? ORDER BY updated_at LIMIT ?)""", before, limit));
    }

    public void markNotPosted(String jobKey, Instant now) {
        db.run(tx -> tx.update("UPDATE slack_posts SET state = ?, updated_at = ? WHERE job_key = ?",
                SlackPostState.NOT_POSTED.id(), now, jobKey));
    }
}
