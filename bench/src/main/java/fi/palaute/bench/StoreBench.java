package fi.palaute.bench;

import fi.palaute.common.score.Periods;
import fi.palaute.common.score.SummaryQuery;
import fi.palaute.common.store.Database;
import fi.palaute.slack.DigestPeriod;
import fi.palaute.slack.DigestReportQuery;
import fi.palaute.slack.PeriodKind;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The store at scale (issue #13), on the digest benchmark's data (N answers over two years): summaries
 * and the weekly digest from the rollup, each beside the same query counting every answer (the
 * baseline); the CSV export of every answer through a connector with a 64 MB heap (rows/s, peak RSS);
 * webhook intake at 1,000/s on that database with and without summaries running in a loop beside it.
 */
final class StoreBench {
    private static final String ADMIN_TOKEN = "benchmark-admin-token-0123456789";
    private final BenchMain.Options o;
    private final Report report;

    StoreBench(BenchMain.Options o, Report report) {
        this.o = o;
        this.report = report;
    }

    void run() throws Exception {
        Instant end = DigestBench.dataEnd();
        List<List<String>> queries = new ArrayList<>();
        List<List<String>> export = new ArrayList<>();
        List<List<String>> intake = new ArrayList<>();
        DigestBench data = new DigestBench(o, report);
        DigestBench.Data sqlite = data.sqliteData(end);
        queries.addAll(queries("SQLite", sqlite, end));
        serve("SQLite", sqlite.url(), export, intake);
        Optional<DigestBench.Data> pg = data.postgresData(end);
        if (pg.isPresent()) {
            queries.addAll(queries("PostgreSQL", pg.get(), end));
            serve("PostgreSQL", pg.get().url(), export, intake);
        }
        report.heading(Report.f("The store at scale: %,d answers over two years", o.answers));
        report.note("The digest benchmark's data. Each query from the rollup (whole UTC days from answer_days, partial "
                + "days from answers) beside the same query counting every answer (raw, the code before the rollup): "
                + "first call, then the median of five more; the ratio is raw / rollup.");
        report.table(List.of("database", "query", "rollup first", "rollup median", "raw median", "raw / rollup", "data"), queries);
        report.note("CSV: GET /api/responses.csv for the whole two years from the Zendesk connector started with "
                + "-Xmx64m " + String.join(" ", o.leanFlags) + ", read and counted by the client as it arrives.");
        report.table(List.of("database", "rows", "MB", "seconds", "rows/s", "peak RSS", "completed"), export);
        report.note("Intake: signed webhooks paced at 1,000/s to the same connector on the same database, alone and "
                + "with GET /api/summary?by=agent over the last 60 days running in a loop beside it (one at a time, "
                + "back to back).");
        report.table(List.of("database", "load", "req/s", "p50 ms", "p99 ms", "p99.9 ms", "errors", "summaries run"), intake);
    }

    private List<List<String>> queries(String name, DigestBench.Data data, Instant end) {
        List<List<String>> rows = new ArrayList<>();
        try (Database db = Database.open(data.url(), null, null)) {
            SummaryQuery rollup = new SummaryQuery(db);
            SummaryQuery raw = new SummaryQuery(db, fi.palaute.common.score.Ranking.DEFAULT_MIN_N, SummaryQuery.Counting.RAW);
            DigestPeriod week = DigestPeriod.completeBefore(PeriodKind.WEEK, end, ZoneOffset.UTC);
            Instant year = end.minus(365, ChronoUnit.DAYS);
            Instant days90 = end.minus(90, ChronoUnit.DAYS);
            ZoneId helsinki = ZoneId.of("Europe/Helsinki");
            Instant days90Helsinki = end.atZone(helsinki).toLocalDate().minusDays(90).atStartOfDay(helsinki).toInstant();
            Instant endHelsinki = end.atZone(helsinki).toLocalDate().atStartOfDay(helsinki).toInstant();
            record Query(String what, java.util.function.Function<SummaryQuery, Object> run) {}
            List<Query> list = List.of(
                    new Query("weekly summary", q -> q.summarize(week.start(), week.end())),
                    new Query("weekly digest report (Slack)", q -> new DigestReportQuery(db, q, Duration.ofHours(4), java.time.Clock.systemUTC()).load(week)),
                    new Query("one year, by=agent", q -> q.summarize(year, end, SummaryQuery.By.AGENT, Optional.empty())),
                    new Query("by=day over 90 days (UTC)", q -> q.series(days90, end, new Periods(Periods.Unit.DAY, ZoneOffset.UTC),
                            Optional.empty())),
                    new Query("by=day over 90 days (Europe/Helsinki)", q -> q.series(days90Helsinki, endHelsinki,
                            new Periods(Periods.Unit.DAY, helsinki), Optional.empty())),
                    new Query("by=week over a year (Europe/Helsinki)", q -> q.series(year, end, new Periods(Periods.Unit.WEEK, helsinki),
                            Optional.empty())));
            for (Query query : list) {
                DigestBench.Timing fast = time(query.what(), () -> query.run().apply(rollup));
                DigestBench.Timing slow = time(query.what(), () -> query.run().apply(raw));
                System.out.println("  " + name + " " + fast + " raw " + slow);
                rows.add(Report.row(name, query.what(), Report.f("%.0f ms", fast.firstMs()), Report.f("%.0f ms", fast.medianMs()),
                        Report.f("%.0f ms", slow.medianMs()), Report.f("%.1f×", slow.medianMs() / fast.medianMs()), data.note()));
            }
        }
        return rows;
    }

    private static DigestBench.Timing time(String what, Supplier<Object> work) {
        long t0 = System.nanoTime();
        work.get();
        double first = (System.nanoTime() - t0) / 1e6;
        double[] more = new double[5];
        for (int i = 0; i < more.length; i++) {
            long t = System.nanoTime();
            work.get();
            more[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(more);
        return new DigestBench.Timing(what, first, more[2]);
    }

    /** The connector on the big database, with a 64 MB heap: the export, then intake with and without summaries. */
    private void serve(String name, String dbUrl, List<List<String>> export, List<List<String>> intake) throws Exception {
        int port = Proc.freePort();
        Map<String, String> env = IntakeBench.zendeskEnv(dbUrl, port, Proc.freePort());
        env.put("PALAUTE_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("PALAUTE_LOG_LEVEL", "warn");
        List<String> flags = new ArrayList<>(o.leanFlags);
        try (Proc z = Proc.start(flags, List.of("-jar", o.jar("zendesk").toString()), env, port,
                o.work.resolve("logs/store-" + name + ".log"))) {
            z.awaitHealthy(300_000);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            try (Proc.RssSampler rss = new Proc.RssSampler(z.process.pid())) {
                long t0 = System.nanoTime();
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/responses.csv?from=2000-01-01&to=2100-01-01"))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofInputStream());
                long bytes = 0;
                long lines = 0;
                try (InputStream in = r.body()) {
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        bytes += n;
                        for (int i = 0; i < n; i++) if (buf[i] == '\n') lines++;
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                long rows = Math.max(0, lines - 1);
                boolean alive = z.process.isAlive();
                export.add(Report.row(name, Report.f("%,d", rows), Report.f("%.0f", bytes / 1e6), Report.f("%.1f", seconds),
                        Report.f("%,.0f", rows / seconds), Report.f("%.0f MB", rss.peakKb() / 1024.0),
                        r.statusCode() == 200 && alive ? "yes, status 200, service still up" : "no: status " + r.statusCode()));
                System.out.println("  " + name + " CSV: " + rows + " rows, " + bytes + " bytes in " + seconds + " s");
            }

            SignedWebhooks hooks = new SignedWebhooks(4_000_000_000L + (name.length() * 100_000_000L), "localhost:" + port);
            LoadGen gen = new LoadGen("127.0.0.1", port);
            gen.closed("warm-up", hooks, 16, Duration.ZERO, Duration.ofSeconds(o.warmup * 2L));
            LoadGen.Result alone = gen.paced("alone", hooks, o.pacedRate, 64, Duration.ofSeconds(o.warmup), Duration.ofSeconds(o.seconds));
            intake.add(intakeRow(name, "1,000/s alone", alone, "—"));
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong summaries = new AtomicLong();
            Instant to = Instant.now().truncatedTo(ChronoUnit.DAYS);
            String path = "/api/summary?by=agent&from=" + to.minus(60, ChronoUnit.DAYS) + "&to=" + to;
            Thread loop = new Thread(() -> {
                while (running.get()) {
                    try {
                        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.discarding());
                        summaries.incrementAndGet();
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "summary-loop");
            loop.start();
            LoadGen.Result beside = gen.paced("beside summaries", hooks, o.pacedRate, 64, Duration.ofSeconds(o.warmup),
                    Duration.ofSeconds(o.seconds));
            running.set(false);
            loop.join(60_000);
            intake.add(intakeRow(name, "1,000/s with summaries in a loop", beside, Report.f("%d", summaries.get())));
            System.out.println("  " + alone + "\n  " + beside + " (" + summaries.get() + " summaries)");
        }
    }

    private static List<String> intakeRow(String name, String load, LoadGen.Result r, String summaries) {
        return Report.row(name, load, Report.f("%.0f", r.rate()), LoadGen.Result.ms(r.p50()), LoadGen.Result.ms(r.p99()),
                LoadGen.Result.ms(r.p999()), Long.toString(r.errors()), summaries);
    }
}
