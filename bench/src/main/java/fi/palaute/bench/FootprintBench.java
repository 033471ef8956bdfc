package fi.palaute.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * Footprint per connector jar: time from {@code java -jar} to the first 200 on /healthz (fresh SQLite
 * database, so migrations included; median of three), resident memory (VmRSS) idle and at peak under
 * load, and the jar's size; with the JVM's defaults and with lean flags.
 */
final class FootprintBench {
    private final BenchMain.Options o;
    private final Report report;

    FootprintBench(BenchMain.Options o, Report report, IntakeBench intake) {
        this.o = o;
        this.report = report;
    }

    void run() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String connector : List.of("zendesk", "freshdesk", "slack")) {
            Path jar = o.jar(connector);
            if (!Files.exists(jar)) {
                notes.add("connector-" + connector + ": no jar (not built)");
                continue;
            }
            try (JarFile j = new JarFile(jar.toFile())) {
                String main = j.getManifest() == null ? null : j.getManifest().getMainAttributes().getValue("Main-Class");
                if (main == null || j.getEntry(main.replace('.', '/') + ".class") == null) {
                    notes.add(Report.f("connector-%s: the jar (%.1f MB) has no main class in it yet (the connector is not implemented on this branch); skipped",
                            connector, Files.size(jar) / 1e6));
                    continue;
                }
            }
            for (List<String> flags : List.of(o.jvmFlags, o.leanFlags)) {
                try {
                    rows.add(measure(connector, jar, flags));
                } catch (Exception e) {
                    notes.add("connector-" + connector + " " + flags + ": failed: " + e.getMessage() + " (see "
                            + o.work.resolve("logs/footprint-" + connector + ".log") + ")");
                }
            }
        }
        report.heading("Footprint per connector (fresh SQLite database)");
        report.note("Start-up: from starting `java -jar` to the first 200 on /healthz, median of three starts. "
                + "Idle RSS: VmRSS 3 s after healthy. Under load: peak VmRSS while " + o.seconds + " s of closed-loop load "
                + "at c=16 run (Zendesk: signed webhooks; Slack: GET /healthz, which queries the database — Slack has no "
                + "webhook intake).");
        report.table(List.of("connector", "JVM flags", "start-up to /healthz 200", "RSS idle", "RSS under load", "load req/s", "jar size"), rows);
        for (String n : notes) report.note(n);
    }

    private List<String> measure(String connector, Path jar, List<String> flags) throws Exception {
        long[] startups = new long[3];
        long idle = -1;
        long peak = -1;
        double rate = 0;
        for (int i = 0; i < startups.length; i++) {
            int port = Proc.freePort();
            String db = "jdbc:sqlite:" + o.work.resolve("footprint-" + connector + "-" + System.nanoTime() + ".db");
            Map<String, String> env = env(connector, db, port);
            try (Proc p = Proc.start(flags, List.of("-jar", jar.toString()), env, port,
                    o.work.resolve("logs/footprint-" + connector + ".log"))) {
                startups[i] = p.awaitHealthy(60_000);
                if (i > 0) continue;
                Thread.sleep(3000);
                idle = p.rssKb();
                LoadGen gen = new LoadGen("127.0.0.1", port);
                LoadGen.Requests requests = connector.equals("zendesk")
                        ? new SignedWebhooks(3_000_000_000L, "localhost:" + port)
                        : () -> LoadGen.request("GET", "/healthz", "localhost", Map.of(), null);
                try (Proc.RssSampler s = new Proc.RssSampler(p.process.pid())) {
                    LoadGen.Result r = gen.closed(connector, requests, 16, Duration.ofSeconds(1), Duration.ofSeconds(o.seconds));
                    rate = r.rate();
                    peak = s.peakKb();
                }
            }
        }
        Arrays.sort(startups);
        String flagText = flags.isEmpty() ? "defaults" : "`" + String.join(" ", flags) + "`";
        System.out.println(Report.f("  %s %s: start-up %s ms, idle %s, load %s, %.0f req/s", connector, flagText,
                Arrays.toString(Arrays.stream(startups).map(n -> n / 1_000_000).toArray()), Report.mb(idle), Report.mb(peak), rate));
        return Report.row("connector-" + connector, flagText, Report.f("%.2f s", startups[1] / 1e9), Report.mb(idle),
                Report.mb(peak), Report.f("%.0f", rate), Report.f("%.1f MB", Files.size(jar) / 1e6));
    }

    private static Map<String, String> env(String connector, String db, int port) throws Exception {
        if (connector.equals("zendesk")) return IntakeBench.zendeskEnv(db, port, Proc.freePort());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PALAUTE_DB_URL", db);
        env.put("PALAUTE_PORT", Integer.toString(port));
        if (connector.equals("freshdesk")) {
            env.put("PALAUTE_PUBLIC_URL", "http://127.0.0.1:" + port);
            env.put("PALAUTE_LINK_SECRET", "benchmark-link-secret-0123456789abcdefgh");
            env.put("FRESHDESK_URL", "http://127.0.0.1:" + Proc.freePort());
            env.put("FRESHDESK_API_KEY", "benchmark-api-key");
            env.put("FRESHDESK_WEBHOOK_SECRET", "benchmark-webhook-secret");
            return env;
        }
        env.put("SLACK_API_URL", "http://127.0.0.1:" + Proc.freePort() + "/api");
        env.put("SLACK_BOT_TOKEN", "xoxb-benchmark");
        env.put("SLACK_SIGNING_SECRET", "benchmark-signing-secret");
        return env;
    }
}
