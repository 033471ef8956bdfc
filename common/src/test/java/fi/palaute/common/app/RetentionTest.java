package fi.palaute.common.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.MutableClock;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import fi.palaute.common.survey.SurveyIntake;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** PALAUTE_RETENTION deletes finished jobs and old webhook events, in batches, and keeps everything else. */
class RetentionTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant OLD = NOW.minus(Duration.ofDays(40));
    private static final Instant RECENT = NOW.minus(Duration.ofDays(1));

    private Database db;

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    private void job(String state, Instant finishedAt, Instant dueAt) {
        db.run(tx -> tx.update("""
                INSERT INTO jobs (kind, payload, state, due_at, attempts, max_attempts, created_at, updated_at, finished_at)
                VALUES ('zendesk.survey', '{}', ?, ?, 1, 5, ?, ?, ?)""",
                state, dueAt, dueAt, dueAt, finishedAt));
    }

    private void event(long ticket, Instant receivedAt) {
        db.run(tx -> tx.update("""
                INSERT INTO ticket_events (source, ticket_id, event_key, status, event_at, received_at)
                VALUES ('zendesk', ?, 'solved', 'solved', ?, ?)""", Long.toString(ticket), receivedAt, receivedAt));
    }

    private long count(String sql) {
        return db.inTransaction(tx -> tx.queryLong(sql));
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void finishedJobsAndOldEventsGoSurveysAnswersAndWorkInHandStay(TestDatabases.Kind kind) {
        db = TestDatabases.open(kind);
        MutableClock clock = new MutableClock(NOW);
        for (int i = 0; i < 7; i++) job("done", OLD.plusSeconds(i), OLD);
        job("dead", OLD, OLD);
        job("done", RECENT, RECENT);
        job("dead", RECENT, RECENT);
        job("pending", null, OLD); // due long ago, never run: work in hand
        job("running", null, OLD);
        for (int i = 0; i < 4; i++) event(100 + i, OLD);
        event(200, RECENT);
        SurveyRows rows = new SurveyRows(db);
        long survey = rows.sentSurvey("zendesk", "100", "csat", "en", OLD, "Ann", "Tier 1");
        rows.answer(survey, "zendesk", "100", "csat", 2, "slow", OLD, false, "Ann", "Tier 1");
        rows.outcome("zendesk", "100", OLD, true, 60L, "Ann");

        JobQueue queue = new JobQueue(db, clock);
        SurveyIntake intake = new SurveyIntake(db, queue, Duration.ZERO, clock, () -> { });
        Metrics metrics = new Metrics();
        Retention retention = new Retention(Duration.ofDays(30), clock, List.of(
                Retention.Purge.of("jobs", queue::deleteFinishedBefore),
                Retention.Purge.of("ticket_events", intake::deleteEventsReceivedBefore)), metrics, 3);

        assertEquals(12, retention.runOnce(), "8 finished jobs and 4 events older than 30 days");
        assertEquals(4, count("SELECT COUNT(*) FROM jobs"));
        assertEquals(0, count("SELECT COUNT(*) FROM jobs WHERE finished_at < " + NOW.minus(Duration.ofDays(30)).toEpochMilli()));
        assertEquals(1, count("SELECT COUNT(*) FROM jobs WHERE state = 'pending'"));
        assertEquals(1, count("SELECT COUNT(*) FROM jobs WHERE state = 'running'"));
        assertEquals(1, count("SELECT COUNT(*) FROM ticket_events"));
        assertEquals(1, count("SELECT COUNT(*) FROM surveys"));
        assertEquals(1, count("SELECT COUNT(*) FROM answers"));
        assertEquals(1, count("SELECT COUNT(*) FROM ticket_outcomes"));
        assertEquals(8, metrics.counter("palaute_retention_deleted_total", "table", "jobs"));
        assertEquals(4, metrics.counter("palaute_retention_deleted_total", "table", "ticket_events"));

        assertEquals(0, retention.runOnce(), "a second run finds nothing more");
        clock.advance(Duration.ofDays(30));
        assertEquals(3, retention.runOnce(), "a month on, the then finished jobs and the event go too");
        assertEquals(2, count("SELECT COUNT(*) FROM jobs"));
    }
}
