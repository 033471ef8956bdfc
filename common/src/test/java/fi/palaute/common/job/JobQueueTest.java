package fi.palaute.common.job;

import fi.palaute.common.job.JobState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.store.Database;
import fi.palaute.common.store.MutableClock;
import fi.palaute.common.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobQueueTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final List<String> KINDS = List.of("test.work");

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void jobEnqueuedInARolledBackTransactionNeverExists(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            JobQueue queue = new JobQueue(db, new MutableClock(T0));
            assertThrows(IllegalStateException.class, () -> db.run(tx -> {
                queue.enqueue(tx, JobRequest.of("test.work", "{}", T0));
                throw new IllegalStateException("caller failed after enqueueing");
            }));
            assertTrue(queue.claim(KINDS, 10, Duration.ofMinutes(1), "w").isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sameDedupeKeyEnqueuesOnce(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            JobQueue queue = new JobQueue(db, new MutableClock(T0));
            JobRequest r = JobRequest.of("test.work", "{}", T0).withDedupeKey("survey:zendesk:1:a");
            assertTrue(queue.enqueue(r).isPresent());
            assertFalse(queue.enqueue(r).isPresent());
            assertEquals(1, queue.claim(KINDS, 10, Duration.ofMinutes(1), "w").size());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void jobIsNotClaimedBeforeItIsDue(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            MutableClock clock = new MutableClock(T0);
            JobQueue queue = new JobQueue(db, clock);
            queue.enqueue(JobRequest.of("test.work", "{}", T0.plus(Duration.ofMinutes(5))));
            assertTrue(queue.claim(KINDS, 10, Duration.ofMinutes(1), "w").isEmpty());
            clock.advance(Duration.ofMinutes(5));
            assertEquals(1, queue.claim(KINDS, 10, Duration.ofMinutes(1), "w").size());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void workerOnlyClaimsKindsItHandles(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            JobQueue queue = new JobQueue(db, new MutableClock(T0));
            queue.enqueue(JobRequest.of("slack.alert", "{}", T0));
            assertTrue(queue.claim(KINDS, 10, Duration.ofMinutes(1), "w").isEmpty());
            assertEquals(1, queue.claim(List.of("slack.alert"), 10, Duration.ofMinutes(1), "w").size());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void jobOfACrashedWorkerIsClaimedAgainAfterItsLease(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            MutableClock clock = new MutableClock(T0);
            JobQueue queue = new JobQueue(db, clock);
            queue.enqueue(JobRequest.of("test.work", "{}", T0));
            Job first = queue.claim(KINDS, 1, Duration.ofMinutes(1), "crashed").get(0);
            assertTrue(queue.claim(KINDS, 1, Duration.ofMinutes(1), "other").isEmpty());
            clock.advance(Duration.ofSeconds(61));
            Job second = queue.claim(KINDS, 1, Duration.ofMinutes(1), "other").get(0);
            assertEquals(first.id(), second.id());
            assertEquals(2, second.attempts());
            // The crashed worker, come back to life, cannot complete what is no longer its lease.
            assertFalse(queue.complete(first));
            assertTrue(queue.complete(second));
            assertEquals(JobState.DONE, queue.status(first.id()).orElseThrow().state());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void retriedJobWaitsAndBuriedJobKeepsItsError(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            MutableClock clock = new MutableClock(T0);
            JobQueue queue = new JobQueue(db, clock);
            long id = queue.enqueue(JobRequest.of("test.work", "{}", T0)).orElseThrow();
            Job job = queue.claim(KINDS, 1, Duration.ofMinutes(1), "w").get(0);
            queue.retry(job, T0.plusSeconds(30), "503 from vendor");
            assertTrue(queue.claim(KINDS, 1, Duration.ofMinutes(1), "w").isEmpty());
            clock.advance(Duration.ofSeconds(30));
            Job again = queue.claim(KINDS, 1, Duration.ofMinutes(1), "w").get(0);
            queue.bury(again, "401: Couldn't authenticate you");
            var status = queue.status(id).orElseThrow();
            assertEquals(JobState.DEAD, status.state());
            assertEquals("401: Couldn't authenticate you", status.lastError());
            assertEquals(2, status.attempts());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void concurrentClaimersNeverGetTheSameJob(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            JobQueue queue = new JobQueue(db, java.time.Clock.systemUTC());
            int n = 200;
            db.run(tx -> {
                for (int i = 0; i < n; i++) queue.enqueue(tx, JobRequest.of("test.work", "{\"i\":" + i + "}", Instant.EPOCH));
            });
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String owner = "w" + w;
                futures.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    while (true) {
                        List<Job> jobs = queue.claim(KINDS, 7, Duration.ofMinutes(5), owner);
                        if (jobs.isEmpty()) return mine;
                        for (Job j : jobs) {
                            mine.add(j.id());
                            queue.complete(j);
                        }
                    }
                }));
            }
            List<Long> all = Collections.synchronizedList(new ArrayList<>());
            for (var f : futures) all.addAll(f.get());
            pool.shutdown();
            Set<Long> unique = new HashSet<>(all);
            assertEquals(n, all.size(), "every job claimed exactly once");
            assertEquals(n, unique.size());
        }
    }
}
