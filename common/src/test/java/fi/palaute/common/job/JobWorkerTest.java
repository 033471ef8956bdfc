package fi.palaute.common.job;

import fi.palaute.common.job.JobState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.http.Metrics;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.Eventually;
import fi.palaute.common.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobWorkerTest {
    private static final JobWorker.Options FAST = JobWorker.Options.defaults()
            .withPollInterval(Duration.ofMillis(20))
            .withLease(Duration.ofMillis(500))
            .withBackoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), 0.2));

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static long countState(Database db, String state) {
        return db.inTransaction(tx -> tx.queryLong("SELECT COUNT(*) FROM jobs WHERE state = ?", state));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void killedWorkerLosesNoJobAndNoneCompletesTwice(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            JobQueue queue = new JobQueue(db, Clock.systemUTC());
            int n = 60;
            db.run(tx -> {
                for (int i = 0; i < n; i++) queue.enqueue(tx, JobRequest.of("test.work", "{}", Instant.EPOCH));
            });
            CountDownLatch stuck = new CountDownLatch(1);
            AtomicInteger started = new AtomicInteger();
            // The first worker finishes some jobs, then hangs on the rest and is killed mid-run.
            JobHandler hanging = job -> {
                if (started.incrementAndGet() > 20) stuck.await();
            };
            JobWorker first = new JobWorker(queue, Map.of("test.work", hanging), FAST, new Metrics(), Clock.systemUTC());
            first.start();
            Eventually.await("first worker busy with hung jobs", () -> started.get() > 20 && countState(db, "running") > 0);
            first.kill();
            stuck.countDown();
            java.util.Set<Long> doneBeforeRestart = new java.util.HashSet<>(db.inTransaction(tx -> tx.query(
                    "SELECT id FROM jobs WHERE state = 'done'", rs -> rs.getLong(1))));
            assertTrue(doneBeforeRestart.size() >= 1 && doneBeforeRestart.size() < n);

            Map<Long, AtomicInteger> runsAfterRestart = new ConcurrentHashMap<>();
            JobHandler normal = job -> runsAfterRestart.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
            try (JobWorker second = new JobWorker(queue, Map.of("test.work", normal), FAST, new Metrics(), Clock.systemUTC())) {
                second.start();
                Eventually.await("all jobs done", () -> countState(db, "done") == n);
            }
            assertEquals(0, countState(db, "pending") + countState(db, "running") + countState(db, "dead"));
            // Nothing finished before the crash runs again; everything else runs exactly once after it.
            for (long id : doneBeforeRestart) assertTrue(!runsAfterRestart.containsKey(id), "job " + id + " ran twice");
            assertEquals(n - doneBeforeRestart.size(), runsAfterRestart.size());
            assertTrue(runsAfterRestart.values().stream().allMatch(c -> c.get() == 1));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void transientFailuresRetryUntilSuccess(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            JobQueue queue = new JobQueue(db, Clock.systemUTC());
            long id = queue.enqueue(JobRequest.of("test.work", "{}", Instant.EPOCH)).orElseThrow();
            AtomicInteger calls = new AtomicInteger();
            JobHandler flaky = job -> {
                if (calls.incrementAndGet() <= 3) throw new RetryLaterException("500 from vendor", null);
            };
            Metrics metrics = new Metrics();
            try (JobWorker w = new JobWorker(queue, Map.of("test.work", flaky), FAST, metrics, Clock.systemUTC())) {
                w.start();
                Eventually.await("job done", () -> JobState.DONE == queue.status(id).orElseThrow().state());
            }
            assertEquals(4, calls.get());
            assertEquals(4, queue.status(id).orElseThrow().attempts());
            assertEquals(3, metrics.counter("palaute_job_runs_total", "kind", "test.work", "outcome", "retry"));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void permanentFailureParksTheJobAsDeadWithItsError(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            JobQueue queue = new JobQueue(db, Clock.systemUTC());
            long id = queue.enqueue(JobRequest.of("test.work", "{}", Instant.EPOCH)).orElseThrow();
            AtomicInteger calls = new AtomicInteger();
            JobHandler refused = job -> {
                calls.incrementAndGet();
                throw new PermanentFailureException("401 Couldn't authenticate you");
            };
            Metrics metrics = new Metrics();
            try (JobWorker w = new JobWorker(queue, Map.of("test.work", refused), FAST, metrics, Clock.systemUTC())) {
                w.start();
                Eventually.await("job dead", () -> JobState.DEAD == queue.status(id).orElseThrow().state());
            }
            assertEquals(1, calls.get());
            assertEquals("401 Couldn't authenticate you", queue.status(id).orElseThrow().lastError());
            assertTrue(metrics.scrape().contains("palaute_job_dead_total{error=\"401 Couldn't authenticate you\",kind=\"test.work\"} 1")
                    || metrics.scrape().contains("palaute_job_dead_total{kind=\"test.work\",error=\"401 Couldn't authenticate you\"} 1"),
                    metrics.scrape());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void jobThatKeepsFailingEndsDeadAfterMaxAttempts(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            JobQueue queue = new JobQueue(db, Clock.systemUTC());
            long id = queue.enqueue(JobRequest.of("test.work", "{}", Instant.EPOCH).withMaxAttempts(3)).orElseThrow();
            JobHandler broken = job -> {
                throw new java.io.IOException("connection reset");
            };
            try (JobWorker w = new JobWorker(queue, Map.of("test.work", broken), FAST, new Metrics(), Clock.systemUTC())) {
                w.start();
                Eventually.await("job dead", () -> JobState.DEAD == queue.status(id).orElseThrow().state());
            }
            var status = queue.status(id).orElseThrow();
            assertEquals(3, status.attempts());
            assertTrue(status.lastError().contains("connection reset"), status.lastError());
        }
    }
}
