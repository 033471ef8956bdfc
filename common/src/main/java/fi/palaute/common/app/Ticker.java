package fi.palaute.common.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task now and then every interval, on a daemon thread of its own, for the periodic work every
 * instance does (digest and reminder scheduling, retention). A run that fails is logged and the task
 * tried again at the next tick: the work is idempotent, and a stopped timer would stop it for good.
 */
public final class Ticker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Ticker.class);

    private final String threadName;
    private final String what;
    private final Runnable task;
    private ScheduledExecutorService timer;

    /**
     * @param what names the work in the log line a failed run leaves, e.g. {@code "digest scheduling"}
     */
    public Ticker(String threadName, String what, Runnable task) {
        this.threadName = threadName;
        this.what = what;
        this.task = task;
    }

    /** Runs the task now and then every {@code interval}; a second start does nothing. */
    public synchronized Ticker start(Duration interval) {
        if (timer != null) return this;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void runQuietly() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("{} failed, trying again at the next run: {}", what, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) timer.shutdownNow();
    }
}
