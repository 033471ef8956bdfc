package fi.palaute.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the suite compiling and its parts working, in a few seconds: the load generator against the
 * bare server in-process, the fake Zendesk's rate window, and the digest benchmark on a tiny SQLite data
 * set. The benchmark itself never runs during {@code mvn verify}.
 */
class BenchSmokeTest {
    @TempDir
    Path dir;

    @Test
    void loadGeneratorMeasuresTheBareServer() throws Exception {
        int port = Proc.freePort();
        org.eclipse.jetty.server.Server server = BareServer.start(port);
        try {
            LoadGen gen = new LoadGen("127.0.0.1", port);
            SignedWebhooks hooks = new SignedWebhooks(1, "localhost:" + port);
            // the first exchanges load and compile the server's and the client's code: on a busy machine, seconds
            try (LoadGen.Connection warm = new LoadGen.Connection("127.0.0.1", port)) {
                for (int i = 0; i < 200; i++) assertEquals(202, warm.exchange(hooks.next()));
            }
            LoadGen.Result closed = gen.closed("bare", hooks, 2, Duration.ofMillis(200), Duration.ofMillis(500));
            assertTrue(closed.requests() > 10, closed.toString());
            assertEquals(0, closed.errors(), closed.toString());
            assertTrue(closed.p50() <= closed.p99() && closed.p99() <= closed.p999(), closed.toString());
            LoadGen.Result paced = gen.paced("bare", hooks, 200, 4, Duration.ZERO, Duration.ofMillis(500));
            assertTrue(Math.abs(paced.requests() - 100) <= 2, paced.toString());
        } finally {
            server.stop();
        }
    }

    @Test
    void fakeZendeskLimitsEachWindow() throws Exception {
        try (RateLimitedZendesk fake = new RateLimitedZendesk(5, 60_000)) {
            String base = fake.url().substring("http://".length());
            int port = Integer.parseInt(base.substring(base.indexOf(':') + 1));
            byte[] get = LoadGen.request("GET", "/api/v2/tickets/7?include=users,groups", "localhost", java.util.Map.of(), null);
            try (LoadGen.Connection c = new LoadGen.Connection("127.0.0.1", port)) {
                for (int i = 0; i < 5; i++) assertEquals(200, c.exchange(get));
                assertEquals(429, c.exchange(get));
            }
            assertEquals(5, fake.served.get());
            assertEquals(1, fake.limited.get());
        }
    }

    @Test
    void digestBenchmarkRunsOnATinyDataSet() throws Exception {
        BenchMain.Options o = BenchMain.parse(new String[] {"--answers", "2000", "--work", dir.toString(),
                "--out", dir.resolve("results.md").toString(), "--pg-url", ""});
        Report report = new Report();
        new DigestBench(o, report).run();
        String md = report.markdown();
        assertTrue(md.contains("| SQLite | Slack weekly digest report |"), md);
        assertTrue(Files.exists(dir.resolve("digest-2000.db")));
    }

    @Test
    void dashboardBenchmarkRunsOnATinyDataSet() throws Exception {
        BenchMain.Options o = BenchMain.parse(new String[] {"--answers", "2000", "--work", dir.toString(),
                "--out", dir.resolve("results.md").toString(), "--pg-url", ""});
        Report report = new Report();
        new DashboardBench(o, report).run();
        String md = report.markdown();
        assertTrue(md.contains("| SQLite | overview, last 30 days |"), md);
    }

    @Test
    void optionsHaveTheRealSizesByDefault() {
        BenchMain.Options o = BenchMain.parse(new String[0]);
        assertEquals(10_000_000L, o.answers);
        assertEquals(List.of("intake", "burst", "bill", "digest", "dashboard", "store", "footprint"), List.copyOf(o.only));
    }
}
