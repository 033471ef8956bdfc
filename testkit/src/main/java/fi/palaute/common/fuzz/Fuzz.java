package fi.palaute.common.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Sends generated requests at a running service from a few threads over loopback and checks every
 * answer with {@link SafeAnswer}. Case {@code i} is made from {@code new Random(seed + i)}, so a run
 * is the same whatever the thread interleaving, and a failing case is replayed by its seed and index.
 * The seed (default fixed) and the number of cases come from the system properties
 * {@code palaute.fuzz.seed} and {@code palaute.fuzz.cases}.
 */
public final class Fuzz {
    public static final long SEED = Long.getLong("palaute.fuzz.seed", 20260307L);
    public static final int CASES = Integer.getInteger("palaute.fuzz.cases", 10_000);
    private static final int THREADS = 4;

    /** Makes case {@code index} from its own random source. */
    @FunctionalInterface
    public interface Generator {
        FuzzCase make(Random random, int index);
    }

    /** What a run saw: answers by status, how many were wrong, and the first few wrong ones. */
    public record Tally(String name, long seed, int cases, Map<Integer, Integer> byStatus, List<String> problems,
                        Duration elapsed) {
        public int count(int status) {
            return byStatus.getOrDefault(status, 0);
        }

        public int count2xx() {
            return byStatus.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToInt(Map.Entry::getValue).sum();
        }

        public String summary() {
            return String.format("%s: %d cases (seed %d) in %.1f s (%.0f req/s), answers by status %s, bad answers %d",
                    name, cases, seed, elapsed.toMillis() / 1000.0, cases / Math.max(0.001, elapsed.toMillis() / 1000.0),
                    byStatus, problems.size());
        }
    }

    private Fuzz() {}

    public static Tally run(String name, String baseUrl, Generator generator) {
        return run(name, baseUrl, CASES, generator, (c, a) -> {});
    }

    /**
     * @param onAnswer called with each case and its answer (from the sending threads), so a test can
     *                 count what it expects to have been stored
     */
    public static Tally run(String name, String baseUrl, int cases, Generator generator,
                            BiConsumer<FuzzCase, SafeAnswer> onAnswer) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
                    FuzzCase c = generator.make(new Random(SEED + i), i);
                    SafeAnswer answer = send(http, baseUrl, c);
                    byStatus.merge(answer.status(), 1, Integer::sum);
                    Optional<String> problem = answer.problem();
                    if (problem.isPresent()) {
                        problems.add("case " + i + ": " + problem.get() + "\n    request: " + c.describe());
                    } else {
                        onAnswer.accept(c, answer);
                    }
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) throw new AssertionError(name + ": fuzz run did not finish");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Tally tally = new Tally(name, SEED, cases, new TreeMap<>(byStatus), List.copyOf(problems),
                Duration.ofNanos(System.nanoTime() - started));
        System.out.println(tally.summary());
        return tally;
    }

    /** Sends one case; an answer that never came is reported as status 0. */
    public static SafeAnswer send(HttpClient http, String baseUrl, FuzzCase c) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + c.path())).timeout(Duration.ofSeconds(30))
                    .method(c.method(), c.body().length == 0 && c.method().equals("GET")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
            for (String[] h : c.headers()) b.header(h[0], h[1]);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new SafeAnswer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SafeAnswer(0, null, "interrupted");
        } catch (Exception e) {
            return new SafeAnswer(0, null, "no answer: " + e);
        }
    }

    /** Fails with the first few wrong answers. */
    public static void assertAllSafe(Tally tally) {
        if (tally.problems().isEmpty()) return;
        StringBuilder b = new StringBuilder(tally.summary()).append('\n');
        tally.problems().stream().limit(8).forEach(p -> b.append(p).append('\n'));
        throw new AssertionError(b.toString());
    }
}
