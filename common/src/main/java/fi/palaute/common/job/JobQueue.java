package fi.palaute.common.job;

import fi.palaute.common.store.Database;
import fi.palaute.common.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable job queue. Jobs are rows: enqueued inside the caller's transaction, claimed under a
 * lease (so a crashed worker's jobs come back), retried with backoff, and parked as dead with the last
 * error when they cannot succeed.
 */
public final class JobQueue {
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Database db;
    private final Clock clock;

    public JobQueue(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Enqueues in the caller's transaction. Returns the job id, or empty when the dedupe key was taken. */
    public Optional<Long> enqueue(Tx tx, JobRequest request) {
        long now = clock.millis();
        return tx.insertReturningId("""
                INSERT INTO jobs (kind, payload, state, dedupe_key, due_at, attempts, max_attempts, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                request.kind(), request.payload(), JobState.PENDING.id(), request.dedupeKey(), request.dueAt().toEpochMilli(),
                request.maxAttempts(), now, now);
    }

    public Optional<Long> enqueue(JobRequest request) {
        return db.inTransaction(tx -> enqueue(tx, request));
    }

    /**
     * Claims up to {@code limit} due jobs of the given kinds, and jobs of those kinds whose lease ran out
     * (their worker died). Each claim counts as an attempt.
     */
    public List<Job> claim(Collection<String> kinds, int limit, Duration lease, String owner) {
        if (kinds.isEmpty()) return List.of();
        long now = clock.millis();
        String kindList = String.join(",", kinds.stream().map(k -> "?").toList());
        List<Object> params = new ArrayList<>();
        params.add(JobState.RUNNING.id());
        params.add(owner);
        params.add(now + lease.toMillis());
        params.add(now);
        params.addAll(kinds);
        params.add(JobState.PENDING.id());
        params.add(now);
        params.add(JobState.RUNNING.id());
        params.add(now);
        params.add(limit);
        return db.inTransaction(tx -> tx.query("""
                UPDATE jobs SET state = ?, lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?
                WHERE id IN (
                    SELECT id FROM jobs
                    WHERE kind IN (%s)
                      AND ((state = ? AND due_at <= ?) OR (state = ? AND lease_until < ?))
                    ORDER BY due_at
                    LIMIT ?%s)
                RETURNING id, kind, payload, attempts, max_attempts, due_at, created_at, lease_owner"""
                        .formatted(kindList, tx.dialect().skipLocked()),
                rs -> new Job(rs.getLong("id"), rs.getString("kind"), rs.getString("payload"), rs.getInt("attempts"),
                        rs.getInt("max_attempts"), Instant.ofEpochMilli(rs.getLong("due_at")),
                        Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("lease_owner")),
                params.toArray()));
    }

    /**
     * Marks the job done. Only the current lease holder may: a worker whose lease expired and whose job
     * was re-claimed elsewhere must not overwrite the newer attempt.
     */
    public boolean complete(Job job) {
        long now = clock.millis();
        return db.inTransaction(tx -> tx.update("""
                UPDATE jobs SET state = ?, finished_at = ?, updated_at = ?, lease_until = NULL, last_error = NULL
                WHERE id = ? AND state = ? AND attempts = ? AND lease_owner = ?""",
                JobState.DONE.id(), now, now, job.id(), JobState.RUNNING.id(), job.attempts(), job.leaseOwner()) == 1);
    }

    public boolean retry(Job job, Instant dueAt, String error) {
        long now = clock.millis();
        return db.inTransaction(tx -> tx.update("""
                UPDATE jobs SET state = ?, due_at = ?, last_error = ?, updated_at = ?, lease_until = NULL
                WHERE id = ? AND state = ? AND attempts = ? AND lease_owner = ?""",
                JobState.PENDING.id(), dueAt, truncate(error), now, job.id(), JobState.RUNNING.id(), job.attempts(), job.leaseOwner()) == 1);
    }

    /** Puts the job back to pending until {@code dueAt}, giving back the attempt its claim counted. */
    public boolean postpone(Job job, Instant dueAt) {
        long now = clock.millis();
        return db.inTransaction(tx -> tx.update("""
                UPDATE jobs SET state = 'pending', due_at = ?, attempts = attempts - 1, updated_at = ?, lease_until = NULL
                WHERE id = ? AND state = 'running' AND attempts = ? AND lease_owner = ?""",
                dueAt.toEpochMilli(), now, job.id(), job.attempts(), job.leaseOwner()) == 1);
    }

    public boolean bury(Job job, String error) {
        long now = clock.millis();
        return db.inTransaction(tx -> tx.update("""
                UPDATE jobs SET state = ?, last_error = ?, finished_at = ?, updated_at = ?, lease_until = NULL
                WHERE id = ? AND state = ? AND attempts = ? AND lease_owner = ?""",
                JobState.DEAD.id(), truncate(error), now, now, job.id(), JobState.RUNNING.id(), job.attempts(), job.leaseOwner()) == 1);
    }

    static final String STATE_COUNTS = "SELECT kind, state, COUNT(*) FROM jobs WHERE state IN ('pending', 'running', "
            + "'dead') GROUP BY kind, state ORDER BY kind, state";

    /** Job counts by kind for the pending, running and dead states, for /metrics. */
    public Map<String, Map<JobState, Long>> countsByKindAndState() {
        Map<String, Map<JobState, Long>> out = new LinkedHashMap<>();
        // Only the states that stay small (waiting, running, dead: work in hand and work for a person),
        // counted from the jobs_ready index, so a scrape costs the same beside ten or ten million done jobs.
        // Done jobs are counted as they finish (palaute_job_runs_total) and deleted after the retention.
        db.read(tx -> tx.query(STATE_COUNTS,
                rs -> out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(JobState.fromId(rs.getString(2)), rs.getLong(3))));
        return out;
    }

    private static final String STATUS_COLUMNS = "SELECT id, kind, state, attempts, last_error, due_at FROM jobs";
    private static final fi.palaute.common.store.Row<JobStatus> STATUS = rs -> new JobStatus(rs.getLong("id"),
            rs.getString("kind"), JobState.fromId(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
            Instant.ofEpochMilli(rs.getLong("due_at")));

    /** Snapshot of one job, for tests and the operator. */
    public Optional<JobStatus> status(long id) {
        return db.inTransaction(tx -> tx.queryOne(STATUS_COLUMNS + " WHERE id = ?", STATUS, id));
    }

    public List<JobStatus> statuses(String kind) {
        return db.inTransaction(tx -> tx.query(STATUS_COLUMNS + " WHERE kind = ? ORDER BY id", STATUS, kind));
    }

    public List<JobStatus> statuses(JobKind<?> kind) {
        return statuses(kind.name());
    }

    /** Earliest due time of a pending job of these kinds, so an idle worker knows how long to sleep. */
    public Optional<Instant> nextDue(Collection<String> kinds) {
        if (kinds.isEmpty()) return Optional.empty();
        String kindList = String.join(",", kinds.stream().map(k -> "?").toList());
        return db.inTransaction(tx -> tx.queryOne(
                "SELECT MIN(due_at) FROM jobs WHERE state = ? AND kind IN (" + kindList + ")",
                rs -> {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
                }, prepend(JobState.PENDING.id(), kinds)));
    }

    private static Object[] prepend(Object first, Collection<String> rest) {
        List<Object> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all.toArray();
    }

    /** Moves a job that still waits to {@code dueAt}; false when it has started or finished already. */
    public boolean postponePending(Tx tx, long jobId, Instant dueAt, Instant now) {
        return tx.update("UPDATE jobs SET due_at = ?, updated_at = ? WHERE id = ? AND state = ?",
                dueAt.toEpochMilli(), now.toEpochMilli(), jobId, JobState.PENDING.id()) == 1;
    }

    /** Gives the waiting job with this dedupe key a new payload; false when none waits. */
    public boolean replacePendingPayload(Tx tx, String dedupeKey, String payload, Instant now) {
        return tx.update("UPDATE jobs SET payload = ?, updated_at = ? WHERE dedupe_key = ? AND state = ?",
                payload, now.toEpochMilli(), dedupeKey, JobState.PENDING.id()) == 1;
    }

    /**
     * Deletes up to {@code limit} finished (done or dead) jobs that finished before {@code before};
     * returns how many. Small batches keep each transaction short beside webhook intake.
     */
    public int deleteFinishedBefore(Instant before, int limit) {
        return db.inTransaction(tx -> tx.update("""
                DELETE FROM jobs WHERE id IN (
                    SELECT id FROM jobs WHERE finished_at IS NOT NULL AND finished_at < ? ORDER BY finished_at LIMIT ?)""",
                before.toEpochMilli(), limit));
    }

    private static String truncate(String error) {
        if (error == null) return null;
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH) + "…";
    }

    /** A read-only view of a job row. */
    public record JobStatus(long id, String kind, JobState state, int attempts, String lastError, Instant dueAt) {}
}
