package fi.palaute.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.job.JobRequest;
import fi.palaute.common.survey.SurveyIntake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The write path, the read path beside it, nested transactions and after-commit work. */
class TransactionsTest {
    private static final String INSERT_EVENT = "INSERT INTO ticket_events (source, ticket_id, event_key, event_at, "
            + "received_at) VALUES ('zendesk', ?, 'k', 1, 1)";

    static java.util.stream.Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void webhookIntakeKeepsItsPaceWhileALongReadIsOpen(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            SurveyIntake intake = new SurveyIntake(db, new JobQueue(db, Clock.systemUTC()), Duration.ZERO,
                    Clock.systemUTC(), () -> { });
            long quiet = slowestOf(intake, "quiet", 40);

            // A report that keeps its snapshot open until every webhook below is in: if reads took the
            // writer lock, intake would wait for it and this test would time out instead.
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch intakeDone = new CountDownLatch(1);
            CompletableFuture<Long> report = CompletableFuture.supplyAsync(() -> db.read(tx -> {
                long before = tx.queryLong("SELECT COUNT(*) FROM ticket_events");
                reading.countDown();
                await(intakeDone);
                return before - tx.queryLong("SELECT COUNT(*) FROM ticket_events");
            }));
            assertTrue(reading.await(20, TimeUnit.SECONDS));
            long busy = slowestOf(intake, "busy", 40);
            intakeDone.countDown();

            assertEquals(0L, report.get(20, TimeUnit.SECONDS), "the report read one snapshot throughout");
            assertEquals(80L, (long) db.read(tx -> tx.queryLong("SELECT COUNT(*) FROM ticket_events")));
            // Generous bound for a shared CI machine; a blocked writer would wait for the whole report.
            assertTrue(busy < Math.max(10 * quiet, 2_000), "slowest webhook " + busy + " ms during the read, "
                    + quiet + " ms without");
        }
    }

    private static long slowestOf(SurveyIntake intake, String prefix, int webhooks) {
        long slowest = 0;
        for (int i = 0; i < webhooks; i++) {
            long start = System.nanoTime();
            assertEquals(SurveyIntake.Result.ACCEPTED,
                    intake.accept("zendesk", prefix + i, "e1", "solved", Optional.of(Instant.now())));
            slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        return slowest;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theReadPathCannotWrite(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            assertThrows(StoreException.class, () -> db.read(tx -> tx.update(INSERT_EVENT, "1")));
            assertThrows(IllegalStateException.class, () -> db.read(tx -> db.inTransaction(inner -> inner.update(INSERT_EVENT, "1"))));
            assertEquals(0L, (long) db.read(tx -> tx.queryLong("SELECT COUNT(*) FROM ticket_events")));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anInnerTransactionJoinsTheOpenOneAndRollsBackWithIt(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            JobQueue queue = new JobQueue(db, Clock.systemUTC());
            // JobQueue.enqueue(JobRequest) opens its own transaction; on SQLite a second one would wait on
            // the file lock the outer transaction holds.
            assertThrows(IllegalStateException.class, () -> db.run(tx -> {
                tx.update(INSERT_EVENT, "1");
                queue.enqueue(JobRequest.of("test.work", "{}", Instant.now()));
                assertEquals(1L, (long) db.read(inner -> inner.queryLong("SELECT COUNT(*) FROM jobs")),
                        "a read inside the transaction sees its writes");
                throw new IllegalStateException("boom");
            }));
            assertEquals(0L, (long) db.read(tx -> tx.queryLong("SELECT COUNT(*) FROM jobs")));
            assertEquals(0L, (long) db.read(tx -> tx.queryLong("SELECT COUNT(*) FROM ticket_events")));

            db.run(tx -> {
                tx.update(INSERT_EVENT, "1");
                queue.enqueue(JobRequest.of("test.work", "{}", Instant.now()));
            });
            assertEquals(1L, (long) db.read(tx -> tx.queryLong("SELECT COUNT(*) FROM jobs")));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void afterCommitWorkRunsOnceTheOutermostTransactionCommitsAndNeverOnRollback(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            List<Long> seenByHook = new ArrayList<>();
            AtomicInteger ran = new AtomicInteger();
            db.run(tx -> {
                tx.update(INSERT_EVENT, "1");
                db.run(inner -> inner.afterCommit(() -> {
                    ran.incrementAndGet();
                    // Another thread's view: the data is committed by the time the hook runs.
                    seenByHook.add(CompletableFuture.supplyAsync(() ->
                            db.read(r -> r.queryLong("SELECT COUNT(*) FROM ticket_events"))).join());
                }));
                assertEquals(0, ran.get(), "not before commit");
            });
            assertEquals(1, ran.get());
            assertEquals(List.of(1L), seenByHook);

            assertThrows(IllegalStateException.class, () -> db.run(tx -> {
                tx.afterCommit(ran::incrementAndGet);
                throw new IllegalStateException("boom");
            }));
            assertEquals(1, ran.get(), "a rolled back transaction runs no after-commit work");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new AssertionError("timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
