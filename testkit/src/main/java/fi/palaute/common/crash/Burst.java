package fi.palaute.common.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests sent from several threads at once, with a kill in the middle: once {@code killAfter} of them
 * have been answered, {@code kill} runs while the rest are still being sent, and the burst waits for all.
 * Each sender answers {@link Answer#none} for a request that got no answer, which the caller sends again
 * after the restart, as the helpdesk (or the customer's browser) would.
 */
public final class Burst {
    /** A kill that may throw (SIGKILL and wait). */
    @FunctionalInterface
    public interface Kill {
        void run() throws Exception;
    }

    private Burst() {}

    /** The answers, in the order of {@code sends}. */
    public static List<Answer> run(List<Callable<Answer>> sends, int threads, int killAfter, Kill kill) throws Exception {
        AtomicInteger answered = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Answer>> sent = new ArrayList<>();
            for (Callable<Answer> send : sends) {
                sent.add(senders.submit(() -> {
                    Answer a = send.call();
                    if (a.answered()) answered.incrementAndGet();
                    return a;
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (answered.get() < killAfter) {
                if (System.nanoTime() > deadline) throw new AssertionError("only " + answered.get() + " answered in 120 s");
                Thread.sleep(2); // watching a counter, not waiting for an outcome
            }
            kill.run();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : sent) answers.add(f.get());
            return answers;
        } finally {
            senders.shutdown();
        }
    }

    /** Every request in turn from {@code threads} threads, no kill. */
    public static List<Answer> run(List<Callable<Answer>> sends, int threads) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Answer>> sent = new ArrayList<>();
            for (Callable<Answer> send : sends) sent.add(senders.submit(send));
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : sent) answers.add(f.get());
            return answers;
        } finally {
            senders.shutdown();
        }
    }
}
