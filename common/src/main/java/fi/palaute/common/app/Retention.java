package fi.palaute.common.app;

import fi.palaute.common.http.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is only kept for a while (PALAUTE_RETENTION, default 30 days): finished jobs and old
 * webhook events. Surveys, answers and outcomes are kept. Rows go in small batches, each its own short
 * transaction, so a first run over years of history does not hold the writer against webhook intake;
 * every instance may run it (a batch another instance already deleted deletes nothing).
 */
public final class Retention implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 500;
    /** A run stops after this many batches and goes on at the next one, so it never runs for long. */
    static final int MAX_BATCHES_PER_RUN = 200;

    /** One kind of row to delete: up to {@code limit} rows older than {@code before}, returning how many went. */
    public interface Purge {
        String table();

        int deleteBefore(Instant before, int limit);

        static Purge of(String table, java.util.function.BiFunction<Instant, Integer, Integer> delete) {
            return new Purge() {
                @Override
                public String table() { return table; }

                @Override
                public int deleteBefore(Instant before, int limit) { return delete.apply(before, limit); }
            };
        }
    }

    private final Duration keep;
    private final Clock clock;
    private final List<Purge> purges;
    private final Metrics metrics;
    private final int batch;
    private Ticker timer;

    public Retention(Duration keep, Clock clock, List<Purge> purges, Metrics metrics) {
        this(keep, clock, purges, metrics, BATCH);
    }

    Retention(Duration keep, Clock clock, List<Purge> purges, Metrics metrics, int batch) {
        if (keep.isNegative() || keep.isZero()) throw new IllegalArgumentException("the retention must be positive");
        this.keep = keep;
        this.clock = clock;
        this.purges = List.copyOf(purges);
        this.metrics = metrics;
        this.batch = batch;
    }

    /** Runs now and then every {@code every}, on a thread of its own. */
    public synchronized Retention start(Duration every) {
        if (timer == null) timer = new Ticker("palaute-retention", "retention run", this::runOnce).start(every);
        return this;
    }

    /** One run: deletes, batch by batch, what is older than the retention. Returns the rows deleted. */
    public long runOnce() {
        Instant before = clock.instant().minus(keep);
        long total = 0;
        for (Purge purge : purges) {
            long deleted = 0;
            for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
                int n = purge.deleteBefore(before, batch);
                deleted += n;
                if (n < batch) break;
            }
            if (deleted > 0) {
                metrics.add("palaute_retention_deleted_total", "Rows deleted after PALAUTE_RETENTION, by table", deleted,
                        "table", purge.table());
                log.info("retention: deleted {} {} rows older than {}", deleted, purge.table(), before);
            }
            total += deleted;
        }
        return total;
    }

    @Override
    public synchronized void close() {
        if (timer != null) timer.close();
    }
}
