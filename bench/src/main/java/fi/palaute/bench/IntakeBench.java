package fi.palaute.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Intake: signed Zendesk webhooks over loopback to the connector jar (its own process, on SQLite and on
 * PostgreSQL) and to a bare Jetty server that answers 202 without work (its own process too), at
 * fixed concurrency levels and at a fixed 1,000 requests/s, all in one run so the ratio is fair.
 */
final class IntakeBench {
    private final BenchMain.Options o;
    private final Report report;
    /** Peak RSS under intake load of the Zendesk connector on SQLite, for the footprint table. */
    long zendeskLoadRssKb = -1;
    long zendeskIdleRssKb = -1;

    IntakeBench(BenchMain.Options o, Report report) {
        this.o = o;
        this.report = report;
    }

    record Target(String name, List<LoadGen.Result> results, long idleRssKb, long loadRssKb, String check) {}

    static Map<String, String> zendeskEnv(String dbUrl, int port, int deadPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PALAUTE_DB_URL", dbUrl);
        env.put("PALAUTE_PORT", Integer.toString(port));
        env.put("PALAUTE_PUBLIC_URL", "http://localhost:" + port);
        env.put("PALAUTE_LINK_SECRET", "benchmark-link-secret-0123456789abcdefgh");
        env.put("ZENDESK_URL", "http://127.0.0.1:" + deadPort);
        env.put("ZENDESK_EMAIL", "bench@palaute.test");
        env.put("ZENDESK_API_TOKEN", "benchmark-token");
        env.put("ZENDESK_WEBHOOK_SECRET", SignedWebhooks.SECRET);
        // Survey jobs are not due during the test: intake alone is measured.
        env.put("PALAUTE_SEND_DELAY", "P1D");
        return env;
    }

    void run() throws Exception {
        List<Target> targets = new ArrayList<>();
        int port = Proc.freePort();
        try (Proc bare = Proc.start(o.jvmFlags, List.of("-cp", o.benchJar().toString(), "fi.palaute.bench.BareServer",
                Integer.toString(port)), Map.of(), port, o.work.resolve("logs/bare.log"))) {
            bare.awaitHealthy(30_000);
            targets.add(measure("bare Jetty 12 server", bare, 1, null));
        }

        // The edge alone, with and without its per-request log line: what the HTTP layer costs.
        for (String level : List.of("info", "warn")) {
            port = Proc.freePort();
            try (Proc edge = Proc.start(o.jvmFlags, List.of("-cp", o.benchJar().toString(), "fi.palaute.bench.EdgeServer",
                    Integer.toString(port)), Map.of("PALAUTE_LOG_LEVEL", level), port, o.work.resolve("logs/edge-" + level + ".log"))) {
                edge.awaitHealthy(30_000);
                targets.add(measure("the connectors' edge alone (HttpService, 202, no work), PALAUTE_LOG_LEVEL=" + level,
                        edge, 1, null));
            }
        }

        Path sqlite = o.work.resolve("intake-" + System.currentTimeMillis() + ".db");
        String sqliteUrl = "jdbc:sqlite:" + sqlite;
        port = Proc.freePort();
        try (Proc z = Proc.start(o.jvmFlags, List.of("-jar", o.jar("zendesk").toString()),
                zendeskEnv(sqliteUrl, port, Proc.freePort()), port, o.work.resolve("logs/zendesk-sqlite.log"))) {
            z.awaitHealthy(60_000);
            Target t = measure("Zendesk connector, SQLite", z, 1_000_000_000L, sqliteUrl);
            targets.add(t);
            zendeskIdleRssKb = t.idleRssKb;
            zendeskLoadRssKb = t.loadRssKb;
        }

        // The same with the per-request log lines off: what logging costs at this rate.
        String quietUrl = "jdbc:sqlite:" + o.work.resolve("intake-quiet-" + System.currentTimeMillis() + ".db");
        port = Proc.freePort();
        Map<String, String> quiet = zendeskEnv(quietUrl, port, Proc.freePort());
        quiet.put("PALAUTE_LOG_LEVEL", "warn");
        try (Proc z = Proc.start(o.jvmFlags, List.of("-jar", o.jar("zendesk").toString()), quiet, port,
                o.work.resolve("logs/zendesk-sqlite-quiet.log"))) {
            z.awaitHealthy(60_000);
            targets.add(measure("Zendesk connector, SQLite, PALAUTE_LOG_LEVEL=warn", z, 3_000_000_000L, quietUrl));
        }

        Optional<Pg> pg = Pg.fromEnvironment(o.pgUrl);
        String pgDb = "palaute_bench_intake";
        if (pg.isPresent()) {
            String url = pg.get().fresh(pgDb);
            port = Proc.freePort();
            try (Proc z = Proc.start(o.jvmFlags, List.of("-jar", o.jar("zendesk").toString()),
                    zendeskEnv(url, port, Proc.freePort()), port, o.work.resolve("logs/zendesk-pg.log"))) {
                z.awaitHealthy(60_000);
                targets.add(measure("Zendesk connector, PostgreSQL", z, 2_000_000_000L, url));
            } finally {
                if (!o.keep) pg.get().drop(pgDb);
            }
        }

        report.heading("Intake: signed webhooks → committed event + survey job → 202");
        report.note(Report.f("Closed loop: each of c connections sends the next request when the answer is in "
                + "(%d s measured after %d s warm-up per level). Paced: a fixed 1,000 requests/s, latency counted "
                + "from the scheduled send time. Ratio: requests/s against the bare Jetty server at the same c. "
                + "Each webhook is a new ticket (unique signed trigger body). Load generator in the same 2 cores.",
                o.seconds, o.warmup));
        LoadGen.Result[] bare = targets.get(0).results.toArray(new LoadGen.Result[0]);
        List<List<String>> rows = new ArrayList<>();
        for (Target t : targets) {
            for (int i = 0; i < t.results.size(); i++) {
                LoadGen.Result r = t.results.get(i);
                double ratio = r.rate() / bare[i].rate();
                rows.add(Report.row(t.name, r.targetRate() > 0 ? "paced " + (int) r.targetRate() + "/s, c=" + r.concurrency()
                                : "c=" + r.concurrency(), Report.f("%.0f", r.rate()),
                        r.targetRate() > 0 ? "—" : Report.f("%.0f%%", ratio * 100),
                        LoadGen.Result.ms(r.p50()), LoadGen.Result.ms(r.p99()), LoadGen.Result.ms(r.p999()),
                        Long.toString(r.errors())));
            }
        }
        report.table(List.of("server", "load", "req/s", "vs bare", "p50 ms", "p99 ms", "p99.9 ms", "errors"), rows);
        for (Target t : targets) {
            if (t.check != null) report.note(t.name + ": " + t.check);
        }
    }

    private Target measure(String name, Proc p, long firstTicket, String dbUrl) throws Exception {
        SignedWebhooks hooks = new SignedWebhooks(firstTicket, "localhost:" + p.port);
        LoadGen gen = new LoadGen("127.0.0.1", p.port);
        Thread.sleep(1000);
        long idle = p.rssKb();
        List<LoadGen.Result> results = new ArrayList<>();
        long peak;
        try (Proc.RssSampler rss = new Proc.RssSampler(p.process.pid())) {
            // JIT warm-up, not recorded
            gen.closed(name + " warm-up", hooks, 16, Duration.ZERO, Duration.ofSeconds(o.warmup * 2L));
            for (int c : o.concurrency) {
                LoadGen.Result r = gen.closed(name, hooks, c, Duration.ofSeconds(o.warmup), Duration.ofSeconds(o.seconds));
                System.out.println("  " + r);
                results.add(r);
            }
            LoadGen.Result r = gen.paced(name, hooks, o.pacedRate, 64, Duration.ofSeconds(o.warmup), Duration.ofSeconds(o.seconds));
            System.out.println("  " + r);
            results.add(r);
            peak = rss.peakKb();
        }
        String check = null;
        if (dbUrl != null) {
            long sent = hooks.nextTicket() - firstTicket;
            try (Connection c = DriverManager.getConnection(dbUrl); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM ticket_events), (SELECT COUNT(*) FROM jobs)")) {
                rs.next();
                check = Report.f("%d webhooks sent in all (warm-up included), %d events and %d survey jobs committed",
                        sent, rs.getLong(1), rs.getLong(2));
            }
            System.out.println("  " + check);
        }
        return new Target(name, results, idle, peak, check);
    }
}
