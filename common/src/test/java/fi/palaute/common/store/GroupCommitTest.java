package fi.palaute.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Webhooks that arrive together commit together, and each caller returns only once its work is durable. */
class GroupCommitTest {
    private static final String INSERT_EVENT = "INSERT INTO ticket_events (source, ticket_id, event_key, event_at, "
            + "received_at) VALUES ('zendesk', ?, 'k', 1, 1)";

    static java.util.stream.Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void workArrivingTogetherSharesACommitAndEachCallerSeesItsRowCommitted(TestDatabases.Kind kind) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try (Database db = TestDatabases.open(kind)) {
            CountDownLatch release = new CountDownLatch(1);
            // The writer is busy with this one while the twenty below queue up behind it.
            CountDownLatch busy = new CountDownLatch(1);
            CompletableFuture<Void> blocker = CompletableFuture.runAsync(() -> db.inGroupCommit(tx -> {
                tx.update(INSERT_EVENT, "blocker");
                busy.countDown();
                await(release);
                return null;
            }));
            await(busy);
            Set<Tx> transactions = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<Long>> webhooks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String ticket = "t" + i;
                webhooks.add(CompletableFuture.supplyAsync(() -> {
                    db.inGroupCommit(tx -> {
                        transactions.add(tx);
                        return tx.update(INSERT_EVENT, ticket);
                    });
                    // Back from the group: another connection sees the row already.
                    return db.read(tx -> tx.queryLong("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ?", ticket));
                }, callers));
            }
            Eventually.await("all twenty queued behind the busy writer", () -> db.groupCommitBacklog() == 20);
            release.countDown();
            blocker.get(30, TimeUnit.SECONDS);
            for (CompletableFuture<Long> w : webhooks) assertEquals(1L, w.get(30, TimeUnit.SECONDS));
            assertEquals(1, transactions.size(), "the twenty queued webhooks committed together");
            assertEquals(21L, (long) db.read(tx -> tx.queryLong("SELECT COUNT(*) FROM ticket_events")));
        } finally {
            callers.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aFailingItemIsRolledBackAloneAndOnlyItsCallerHearsOfIt(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch busy = new CountDownLatch(1);
            CompletableFuture<Void> blocker = CompletableFuture.runAsync(() -> db.inGroupCommit(tx -> {
                busy.countDown();
                await(release);
                return null;
            }));
            await(busy);
            AtomicInteger hooks = new AtomicInteger();
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> db.inGroupCommit(tx -> tx.update(INSERT_EVENT, "1")));
            CompletableFuture<Integer> failing = CompletableFuture.supplyAsync(() -> db.inGroupCommit(tx -> {
                tx.update(INSERT_EVENT, "2");
                tx.afterCommit(hooks::incrementAndGet);
                // The same key again: a constraint violation, which on PostgreSQL also aborts the transaction
                return tx.update("INSERT INTO ticket_events (id, source, ticket_id, event_key, event_at, received_at) "
                        + "SELECT id, source, ticket_id, event_key, event_at, received_at FROM ticket_events WHERE ticket_id = '2'");
            }));
            CompletableFuture<Integer> last = CompletableFuture.supplyAsync(() -> db.inGroupCommit(tx -> {
                tx.afterCommit(hooks::incrementAndGet);
                return tx.update(INSERT_EVENT, "3");
            }));
            Eventually.await("three queued behind the busy writer", () -> db.groupCommitBacklog() == 3);
            release.countDown();
            blocker.get(30, TimeUnit.SECONDS);
            assertEquals(1, first.get(30, TimeUnit.SECONDS));
            assertEquals(1, last.get(30, TimeUnit.SECONDS));
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> failing.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof StoreException, e.toString());
            assertEquals(List.of("1", "3"), db.read(tx -> tx.query("SELECT ticket_id FROM ticket_events ORDER BY ticket_id",
                    rs -> rs.getString(1))));
            assertEquals(1, hooks.get(), "the failed item's after-commit work is dropped with it");
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
