package fi.palaute.bench;

import fi.palaute.common.app.HelpdeskConnector;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.survey.Helpdesk;
import fi.palaute.common.webhook.WebhookParser;
import fi.palaute.common.webhook.WebhookVerifier;
import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.app.SurveyConnector;
import fi.palaute.common.client.ApiClient;
import fi.palaute.common.client.RateLimiter;
import fi.palaute.common.config.Settings;
import fi.palaute.zendesk.ZendeskWebhookParser;
import fi.palaute.zendesk.WebhookSignature;
import fi.palaute.zendesk.ZendeskClient;
import fi.palaute.zendesk.ZendeskConnector;
import fi.palaute.zendesk.ZendeskHelpdesk;
import fi.palaute.zendesk.ZendeskSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Burst draining: N solved tickets arrive at once (webhooks over loopback); the connector's survey jobs
 * then drain against a fake Zendesk that allows 700 calls per minute and answers 429 + Retry-After
 * beyond. Time-scaled by S: the fake's window is 60/S seconds and the connector's own pacing limits run
 * S times faster, so the shape (calls per window, limiter ratios) is the real one in 1/S of the time.
 * The connector runs in this process (same wiring as its Main) because its pacing limits are constants
 * that only this way can be scaled.
 */
final class BurstBench {
    static final int ACCOUNT_LIMIT = 700;
    private final BenchMain.Options o;
    private final Report report;

    BurstBench(BenchMain.Options o, Report report) {
        this.o = o;
        this.report = report;
    }

    record Variant(String name, int readsPerMinute, int updatesPerMinute) {}

    record Outcome(Variant v, double drainSeconds, long served, long limited, long limitedAfterFirst, double shareOfLimit,
                   int exactlyOnce, int missing, int duplicated, long dead, String calls) {}

    void run() throws Exception {
        List<Variant> variants = List.of(
                new Variant("as shipped: paced 200 reads + 100 updates/min", 200, 100),
                new Variant("pacing raised to 600 reads + 100 updates/min", 600, 100),
                new Variant("unpaced: 429 + Retry-After only", 1_000_000, 1_000_000));
        List<Outcome> outcomes = new ArrayList<>();
        for (Variant v : variants) {
            Outcome out = drain(v);
            outcomes.add(out);
        }
        int s = o.burstScale;
        report.heading("Burst draining: " + o.burstTickets + " solved tickets at once, fake Zendesk at 700 calls/min");
        report.note(Report.f("Ran: %d tickets, time scale %d (the fake's 700-call window lasts %.1f s; the connector's "
                        + "pacing limits are multiplied by %d, so every figure below is in real-minute terms: rates are "
                        + "divided and times multiplied by %d). The issue's size is 10,000 tickets at scale 1 (`--full-burst`). "
                        + "SQLite, default worker (4 threads), PALAUTE_SEND_DELAY=PT0S, every ticket its own requester.",
                o.burstTickets, s, 60.0 / s, s, s));
        List<List<String>> rows = new ArrayList<>();
        for (Outcome x : outcomes) {
            rows.add(Report.row(x.v.name, Report.f("%.1f min", x.drainSeconds * s / 60), Report.f("%.0f/min", x.shareOfLimit * ACCOUNT_LIMIT),
                    Report.f("%.0f%%", x.shareOfLimit * 100), x.limited, x.limitedAfterFirst,
                    x.exactlyOnce + "/" + o.burstTickets + (x.missing + x.duplicated > 0 ? " (missing " + x.missing + ", twice " + x.duplicated + ")" : ""),
                    x.dead, x.calls));
        }
        report.table(List.of("connector", "time to drain (real)", "API calls/min (first to last call)", "share of 700/min", "429s",
                "429s after 1st window", "surveys sent exactly once", "dead jobs", "calls per kind"), rows);
        report.note(Report.f("A survey job makes 3 calls per ticket (show the ticket with its users, its metrics, and "
                + "one PUT for the reply). The 100 updates/min limiter (Zendesk's Update Ticket limit) bounds the drain at "
                + "100 tickets/min, 300 calls/min. 10,000 tickets as shipped: about %.0f min.", 10_000 / 100.0));
    }

    private Outcome drain(Variant v) throws Exception {
        int s = o.burstScale;
        try (RateLimitedZendesk fake = new RateLimitedZendesk(ACCOUNT_LIMIT, 60_000L / s)) {
            String db = "jdbc:sqlite:" + o.work.resolve("burst-" + System.currentTimeMillis() + ".db");
            int port = Proc.freePort();
            Map<String, String> env = IntakeBench.zendeskEnv(db, port, 1);
            env.put("ZENDESK_URL", fake.url());
            env.put("PALAUTE_SEND_DELAY", "PT0S");
            env.put("PALAUTE_LOG_LEVEL", "warn");
            Settings settings = new Settings(env);
            ZendeskSettings zs = ZendeskSettings.from(settings, true);
            Clock clock = Clock.systemUTC();
            SurveyConnector connector = SurveyConnector.builder("zendesk", settings, 0);
            WebhookSignature signature = new WebhookSignature(zs.webhookSecret().orElseThrow(), clock);
            ServiceRuntime runtime = connector.start(new HelpdeskConnector() {
                @Override
                public String source() { return ZendeskConnector.SOURCE; }

                @Override
                public WebhookVerifier verifier() { return signature; }

                @Override
                public WebhookParser parser() { return new ZendeskWebhookParser(); }

                @Override
                public Helpdesk helpdesk(Metrics metrics) {
                    return new ZendeskHelpdesk(new ZendeskClient(
                            new ApiClient("zendesk", zs.baseUrl().toString(), zs.authorization(),
                                    new RateLimiter(scaled(v.readsPerMinute, s), Duration.ofMinutes(1), clock), metrics, clock),
                            new ApiClient("zendesk", zs.baseUrl().toString(), zs.authorization(),
                                    new RateLimiter(scaled(v.updatesPerMinute, s), Duration.ofMinutes(1), clock), metrics, clock)), zs);
                }
            });
            try {
                long t0 = System.nanoTime();
                SignedWebhooks hooks = new SignedWebhooks(1, "localhost:" + runtime.port());
                AtomicInteger left = new AtomicInteger(o.burstTickets);
                LoadGen.Requests limited = () -> hooks.next();
                // the burst: every ticket's webhook as fast as loopback takes them
                LoadGen gen = new LoadGen("127.0.0.1", runtime.port());
                Thread[] senders = new Thread[8];
                for (int i = 0; i < senders.length; i++) {
                    senders[i] = new Thread(() -> {
                        try (LoadGen.Connection c = new LoadGen.Connection("127.0.0.1", runtime.port())) {
                            while (left.getAndDecrement() > 0) c.exchange(limited.next());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    senders[i].start();
                }
                for (Thread t : senders) t.join();
                double burstSeconds = (System.nanoTime() - t0) / 1e9;
                long deadline = System.nanoTime() + Duration.ofMinutes(Math.max(5, o.burstTickets * 4L / 60 / s + 5)).toNanos() * 3;
                long finished;
                long dead;
                while (true) {
                    long[] counts = runtime.db().inTransaction(tx -> tx.queryOne(
                            "SELECT SUM(CASE WHEN state IN ('done', 'dead') THEN 1 ELSE 0 END), "
                                    + "SUM(CASE WHEN state = 'dead' THEN 1 ELSE 0 END) FROM jobs WHERE kind = 'zendesk.survey'",
                            rs -> new long[] {rs.getLong(1), rs.getLong(2)})).orElse(new long[2]);
                    finished = counts[0];
                    dead = counts[1];
                    if (finished >= o.burstTickets || System.nanoTime() > deadline) break;
                    Thread.sleep(50);
                }
                double drain = (System.nanoTime() - t0) / 1e9;
                int once = 0, missing = 0, twice = 0;
                for (long id = 1; id <= o.burstTickets; id++) {
                    AtomicInteger n = fake.surveysPerTicket.get(id);
                    int c = n == null ? 0 : n.get();
                    if (c == 1) once++;
                    else if (c == 0) missing++;
                    else twice++;
                }
                double apiSeconds = (fake.lastServedNanos - fake.firstNanos()) / 1e9;
                double share = fake.served.get() / (apiSeconds * s / 60.0) / ACCOUNT_LIMIT;
                System.out.println(Report.f("  %s: webhooks in %.1f s, drained in %.1f s (scaled), %d served, %d x 429 (%d after the first window), "
                                + "%d once, %d missing, %d twice, %d dead, calls %s", v.name, burstSeconds, drain,
                        fake.served.get(), fake.limited.get(), fake.limitedAfterFirstWindow.get(), once, missing, twice, dead,
                        fake.callsByKind));
                String calls = fake.callsByKind.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
                return new Outcome(v, drain, fake.served.get(), fake.limited.get(), fake.limitedAfterFirstWindow.get(),
                        share, once, missing, twice, dead, calls);
            } finally {
                runtime.close();
            }
        }
    }

    private static int scaled(int perMinute, int scale) {
        long v = (long) perMinute * scale;
        return (int) Math.min(Integer.MAX_VALUE, v);
    }
}
