package fi.palaute.common.job;

import fi.palaute.common.http.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due jobs of the kinds it has handlers for and runs them on a small thread pool. It polls the
 * database (other processes enqueue too) and can be poked to look at once. Closing it stops claiming
 * and lets running jobs finish.
 */
public final class JobWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    /** How the worker runs; tests shorten the intervals. */
    public record Options(int threads, Duration pollInterval, Duration lease, Backoff backoff) {
        public static Options defaults() {
            return new Options(4, Duration.ofSeconds(1), Duration.ofMinutes(5), Backoff.DEFAULT);
        }

        public Options withThreads(int n) { return new Options(n, pollInterval, lease, backoff); }

        public Options withPollInterval(Duration d) { return new Options(threads, d, lease, backoff); }

        public Options withLease(Duration d) { return new Options(threads, pollInterval, d, backoff); }

        public Options withBackoff(Backoff b) { return new Options(threads, pollInterval, lease, b); }
    }

    private final JobQueue queue;
    private final Map<String, JobHandler> handlers;
    private final Options options;
    private final Metrics metrics;
    private final Clock clock;
    private final RandomGenerator random;
    private final String owner = "worker-" + UUID.randomUUID();
    private final Semaphore slots;
    private final ExecutorService pool;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean running;
    private volatile boolean killed;
    private boolean poked;
    private Thread loop;

    public JobWorker(JobQueue queue, Map<String, JobHandler> handlers, Options options, Metrics metrics, Clock clock) {
        this.queue = queue;
        this.handlers = Map.copyOf(handlers);
        this.options = options;
        this.metrics = metrics;
        this.clock = clock;
        this.random = RandomGenerator.getDefault();
        this.slots = new Semaphore(options.threads());
        this.pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "palaute-job");
            t.setDaemon(true);
            return t;
        });
    }

    public synchronized void start() {
        if (running || handlers.isEmpty()) return;
        running = true;
        loop = new Thread(this::loop, "palaute-job-claimer");
        loop.setDaemon(true);
        loop.start();
    }

    /** Look for due jobs now rather than at the next poll (called after enqueueing). */
    public void poke() {
        lock.lock();
        try {
            poked = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            try {
                int free = slots.availablePermits();
                List<Job> jobs = free == 0 ? List.of()
                        : queue.claim(handlers.keySet(), free, options.lease(), owner);
                for (Job job : jobs) {
                    slots.acquireUninterruptibly();
                    pool.execute(() -> {
                        try {
                            run(job);
                        } finally {
                            slots.release();
                            poke();
                        }
                    });
                }
                if (jobs.isEmpty() || slots.availablePermits() == 0) sleepUntilNextWork();
            } catch (RuntimeException e) {
                log.warn("job claim failed, retrying: {}", e.getMessage());
                sleep(options.pollInterval());
            }
        }
    }

    private void sleepUntilNextWork() {
        Duration wait = options.pollInterval();
        try {
            Optional<Instant> next = slots.availablePermits() == 0 ? Optional.empty() : queue.nextDue(handlers.keySet());
            if (next.isPresent()) {
                Duration untilDue = Duration.between(clock.instant(), next.get());
                if (untilDue.compareTo(wait) < 0) wait = untilDue.isNegative() ? Duration.ZERO : untilDue;
            }
        } catch (RuntimeException e) {
            log.debug("could not read next due time: {}", e.getMessage());
        }
        sleep(wait);
    }

    private void sleep(Duration wait) {
        lock.lock();
        try {
            if (!poked && running && !wait.isZero()) wake.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            poked = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    void run(Job job) {
        JobHandler handler = handlers.get(job.kind());
        long started = System.nanoTime();
        String outcome;
        try {
            handler.handle(job);
            if (killed) return;
            queue.complete(job);
            outcome = "done";
            metrics.observe("palaute_job_latency_seconds", "Time from a job's due time to its completion",
                    Math.max(0, Duration.between(job.dueAt(), clock.instant()).toMillis()) / 1000.0, "kind", job.kind());
            log.info("job done kind={} job={} attempt={}", job.kind(), job.id(), job.attempts());
        } catch (PostponedException e) {
            if (killed) return;
            queue.postpone(job, e.until());
            outcome = "postponed";
            log.info("job postponed kind={} job={} until {}: {}", job.kind(), job.id(), e.until(), e.getMessage());
        } catch (PermanentFailureException e) {
            outcome = "dead";
            // Counted first: whoever sees the dead row (an operator, a test) finds it in /metrics too.
            metrics.increment("palaute_job_dead_total", "Jobs parked as dead, by kind and error", "kind", job.kind(),
                    "error", errorLabel(e.getMessage()));
            queue.bury(job, e.getMessage());
            log.error("job dead kind={} job={} attempt={}: {}", job.kind(), job.id(), job.attempts(), e.getMessage());
        } catch (Exception e) {
            if (killed) return;
            outcome = retryOrBury(job, e);
        }
        metrics.increment("palaute_job_runs_total", "Job runs by kind and outcome", "kind", job.kind(), "outcome", outcome);
        metrics.observe("palaute_job_run_seconds", "Time spent running jobs", (System.nanoTime() - started) / 1e9,
                "kind", job.kind());
    }

    private String retryOrBury(Job job, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (job.isLastAttempt()) {
            metrics.increment("palaute_job_dead_total", "Jobs parked as dead, by kind and error", "kind", job.kind(),
                    "error", errorLabel(message));
            queue.bury(job, "gave up after " + job.attempts() + " attempts: " + message);
            log.error("job dead kind={} job={} after {} attempts: {}", job.kind(), job.id(), job.attempts(), message);
            return "dead";
        }
        Optional<Duration> retryAfter = e instanceof RetryLaterException r ? r.retryAfter() : Optional.empty();
        Duration delay = options.backoff().delay(job.attempts(), retryAfter, random);
        queue.retry(job, clock.instant().plus(delay), message);
        log.warn("job retry kind={} job={} attempt={} in {} ms: {}", job.kind(), job.id(), job.attempts(),
                delay.toMillis(), message);
        return "retry";
    }

    /** Keeps the error label short and low-cardinality: the first words of the message. */
    static String errorLabel(String message) {
        if (message == null) return "unknown";
        String s = message.length() > 80 ? message.substring(0, 80) : message;
        return s.replaceAll("[0-9]{4,}", "N");
    }

    @Override
    public void close() {
        running = false;
        poke();
        if (loop != null) {
            try {
                loop.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops at once without finishing running jobs, as a crash would; their leases expire later. */
    public void kill() {
        killed = true;
        running = false;
        poke();
        pool.shutdownNow();
    }
}
