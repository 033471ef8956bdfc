package fi.palaute.common.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: work items that arrive together (webhooks from a burst) run in one transaction on one
 * writer thread, and each caller returns only once that transaction has committed, so "committed
 * before 2xx" holds per item as it did with a transaction each. One commit (one fsync on SQLite, one
 * WAL flush on PostgreSQL) then serves many webhooks.
 *
 * <p>The delay is bounded without a timer: the writer takes whatever is queued when it is free, up to
 * {@link #MAX_BATCH} items, so an item waits at most for the commit in progress and its own. The queue
 * is bounded too ({@link #QUEUE_CAPACITY}); when it is full a caller waits for room, which slows the
 * senders instead of growing memory. An item that fails (a constraint, a bug) is rolled back alone and
 * its caller gets the exception while the others commit (see {@link #commit}).
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    static final int MAX_BATCH = 64;
    static final int QUEUE_CAPACITY = 1024;

    private record Item<T>(Database.Work<T> work, CompletableFuture<T> done) {
        @SuppressWarnings("unchecked")
        void complete(Object result) {
            done.complete((T) result);
        }
    }

    private final Database db;
    private final BlockingQueue<Item<?>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private volatile boolean closed;

    GroupCommit(Database db) {
        this.db = db;
        this.writer = new Thread(this::drain, "palaute-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    <T> T submit(Database.Work<T> work) {
        if (closed) throw new StoreException("the database is closed", null);
        CompletableFuture<T> done = new CompletableFuture<>();
        try {
            queue.put(new Item<>(work, done));
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted waiting for the commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new StoreException("group commit failed: " + e.getCause(), e.getCause());
        }
    }

    private void drain() {
        List<Item<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Item<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("group commit writer failed: {}", e.toString(), e);
                for (Item<?> item : batch) item.done().completeExceptionally(e);
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Runs the batch as plain statements first: an item rarely fails, and a savepoint around each would
     * double the statements the one writer runs. When one does fail, nothing of that attempt is kept,
     * and the batch runs again with a savepoint per item, so only the failing one is rolled back.
     */
    private void commit(List<Item<?>> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] failures = new Throwable[batch.size()];
        try {
            try {
                db.inTransaction(tx -> {
                    for (int i = 0; i < batch.size(); i++) results[i] = batch.get(i).work().run(tx);
                    return null;
                });
            } catch (RuntimeException itemOrCommit) {
                Arrays.fill(results, null);
                db.inTransaction(tx -> {
                    runEachInItsSavepoint(tx, batch, results, failures);
                    return null;
                });
            }
        } catch (RuntimeException e) {
            // Nothing of the batch is durable: every caller hears so.
            for (Item<?> item : batch) item.done().completeExceptionally(e);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (failures[i] != null) batch.get(i).done().completeExceptionally(failures[i]);
            else batch.get(i).complete(results[i]);
        }
    }

    private static void runEachInItsSavepoint(Tx tx, List<Item<?>> batch, Object[] results, Throwable[] failures) {
        for (int i = 0; i < batch.size(); i++) {
            int hooks = tx.afterCommitCount();
            tx.update("SAVEPOINT palaute_item");
            try {
                results[i] = batch.get(i).work().run(tx);
                tx.update("RELEASE SAVEPOINT palaute_item");
            } catch (RuntimeException e) {
                tx.update("ROLLBACK TO SAVEPOINT palaute_item");
                tx.update("RELEASE SAVEPOINT palaute_item");
                tx.dropAfterCommit(hooks);
                failures[i] = e;
            }
        }
    }

    /** Items waiting for the writer. */
    int backlog() {
        return queue.size();
    }

    /** Commits what is queued, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
