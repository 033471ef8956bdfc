package fi.palaute.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmark suite (issue #8) and writes a Markdown table of results. Figures are printed, as
 * ratios to a baseline measured in the same run where there is one; nothing passes or fails on time.
 *
 * <pre>
 * mvn -B -q -DskipTests package &amp;&amp; java -jar bench/target/palaute-bench.jar [options]
 * </pre>
 */
public final class BenchMain {
    private BenchMain() {}

    /** Sizes and switches; the defaults are the real run. */
    static final class Options {
        Set<String> only = new LinkedHashSet<>(List.of("intake", "burst", "bill", "digest", "dashboard", "store", "footprint"));
        int seconds = 8;
        int warmup = 2;
        int[] concurrency = {1, 4, 16, 64};
        double pacedRate = 1000;
        long answers = 10_000_000L;
        int burstTickets = 1000;
        int burstScale = 6;
        String pgUrl;
        Path out;
        Path work;
        Path root = Paths.get("").toAbsolutePath();
        List<String> jvmFlags = new ArrayList<>();
        List<String> leanFlags = List.of("-XX:+UseSerialGC", "-Xss512k", "-Xmx64m", "-XX:TieredStopAtLevel=1");
        boolean keep;
        Path keepDb;
        boolean freshData;
        String note = "";

        Path jar(String connector) {
            return root.resolve("connector-" + connector + "/target/connector-" + connector + ".jar");
        }

        /** Where the bench classes are (the shaded jar, or target/classes when run from an IDE or test). */
        Path benchJar() {
            try {
                return Paths.get(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                return root.resolve("bench/target/palaute-bench.jar");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Files.createDirectories(o.work);
        Report report = new Report();
        Instant started = Instant.now();
        report.raw("## Benchmark results\n\n");
        report.raw(machine(o) + "\n");
        System.out.println(machine(o));

        IntakeBench intake = null;
        if (o.only.contains("intake")) {
            intake = new IntakeBench(o, report);
            intake.run();
        }
        if (o.only.contains("burst")) new BurstBench(o, report).run();
        if (o.only.contains("bill")) new ApiBillBench(o, report).run();
        if (o.only.contains("digest")) new DigestBench(o, report).run();
        if (o.only.contains("dashboard")) new DashboardBench(o, report).run();
        if (o.only.contains("store")) new StoreBench(o, report).run();
        if (o.only.contains("footprint")) new FootprintBench(o, report, intake).run();

        report.note(Report.f("Suite ran %s, took %d s; load average at the end: %s.", started.truncatedTo(ChronoUnit.SECONDS),
                ChronoUnit.SECONDS.between(started, Instant.now()), loadAverage()));
        report.write(o.out);
        System.out.println("\nwrote " + o.out);
        System.exit(0);
    }

    static String machine(Options o) {
        StringBuilder s = new StringBuilder();
        s.append(Report.f("Machine: %d cores (%s), %s RAM, %s %s, Java %s. Load average at start: %s.",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memTotal(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"), loadAverage()));
        if (!o.note.isBlank()) s.append(' ').append(o.note);
        s.append('\n');
        return s.toString();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return Report.f("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Report.f("%.0f GB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--only" -> o.only = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                case "--quick" -> {
                    o.seconds = 3;
                    o.warmup = 1;
                    o.answers = 100_000;
                    o.burstTickets = 200;
                }
                case "--seconds" -> o.seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
                case "--concurrency" -> o.concurrency = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--rate" -> o.pacedRate = Double.parseDouble(args[++i]);
                case "--answers" -> o.answers = Long.parseLong(args[++i].replace("_", ""));
                case "--burst-tickets" -> o.burstTickets = Integer.parseInt(args[++i]);
                case "--burst-scale" -> o.burstScale = Integer.parseInt(args[++i]);
                case "--full-burst" -> {
                    o.burstTickets = 10_000;
                    o.burstScale = 1;
                }
                case "--pg-url" -> o.pgUrl = args[++i];
                case "--out" -> o.out = Path.of(args[++i]);
                case "--work" -> o.work = Path.of(args[++i]);
                case "--jvm-flags" -> o.jvmFlags = Arrays.asList(args[++i].trim().split("\\s+"));
                case "--keep" -> o.keep = true;
                case "--keep-db" -> o.keepDb = Path.of(args[++i]);
                case "--fresh-data" -> o.freshData = true;
                case "--note" -> o.note = args[++i];
                case "--help", "-h" -> {
                    usage();
                    System.exit(0);
                }
                default -> {
                    System.err.println("unknown option " + a);
                    usage();
                    System.exit(2);
                }
            }
        }
        boolean inRepo = Files.isDirectory(o.root.resolve("bench"));
        if (o.out == null) o.out = inRepo ? o.root.resolve("bench/results.md") : o.root.resolve("results.md");
        if (o.work == null) o.work = inRepo ? o.root.resolve("bench/target/bench-work") : o.root.resolve("bench-work");
        o.work = o.work.toAbsolutePath();
        return o;
    }

    private static void usage() {
        System.out.println("""
                Palaute benchmark suite: java -jar bench/target/palaute-bench.jar [options]   (run from the repository root)

                  --only intake,burst,bill,digest,dashboard,store,footprint   which benchmarks (default all)
                  --quick                 small sizes for a look (3 s levels, 100k answers, 200 burst tickets)
                  --seconds N             measured seconds per load level (default 8), --warmup N (default 2)
                  --concurrency 1,4,16,64 closed-loop levels; --rate 1000 the paced level
                  --answers N             answers generated for the digest and dashboard benchmarks (default 10,000,000)
                  --burst-tickets N       tickets in the burst (default 1,000)
                  --burst-scale S         time scale of the burst: the fake's 700-call window lasts 60/S s and the
                                          connector's pacing runs S times faster (default 6: a 10 s window)
                  --full-burst            the issue's full size: 10,000 tickets at scale 1 (about 2.5 hours as shipped)
                  --pg-url URL            PostgreSQL server to create databases on ("" for none; default PALAUTE_BENCH_PG_URL,
                                          then PALAUTE_TEST_PG_URL; without one PostgreSQL is skipped)
                  --jvm-flags "..."       JVM flags for the services under test
                  --out FILE              Markdown results (default bench/results.md)
                  --fresh-data            regenerate the digest data even if a complete copy is there
                  --keep                  keep the intake databases
                  --keep-db PATH          generate (or reuse) the SQLite data set of the digest and store benchmarks at
                                          PATH and leave it there, so others can run against it (PostgreSQL keeps its
                                          palaute_bench_digest_N database anyway)
                  --note "..."            a note for the machine line (e.g. "machine busy with other builds")
                """);
    }
}
