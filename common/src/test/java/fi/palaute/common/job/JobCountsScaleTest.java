package fi.palaute.common.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.Dialect;
import fi.palaute.common.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A /metrics scrape costs the same beside ten or a million finished jobs: the job gauge reads only the
 * states that stay small, from the jobs_ready index. (The case: 3 M finished jobs made one
 * scrape take 1.5 s, and sixteen scrapers at once held up webhooks for 10 s.)
 */
class JobCountsScaleTest {
    private static final int FINISHED = 1_000_000;

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void aScrapeBesideAMillionFinishedJobsTakesUnder50ms(TestDatabases.Kind kind) throws Exception {
        Database db = TestDatabases.open(kind);
        long started = System.nanoTime();
        long now = System.currentTimeMillis();
        db.run(tx -> {
            // One statement builds the rows (a recursive CTE, which both databases run), finished in the last day.
            tx.update("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                    INSERT INTO jobs (kind, payload, state, due_at, attempts, max_attempts, created_at, updated_at, finished_at)
                    SELECT CASE WHEN i % 3 = 0 THEN 'zendesk.writeback' ELSE 'zendesk.survey' END, '{}', 'done', ? - i,
                           1, 8, ? - i, ? - i, ? - i
                    FROM n""", FINISHED, now, now, now, now);
            tx.update("""
                    INSERT INTO jobs (kind, payload, state, due_at, attempts, max_attempts, created_at, updated_at, finished_at)
                    VALUES ('zendesk.survey', '{}', 'pending', 1, 0, 8, 1, 1, NULL),
                           ('zendesk.survey', '{}', 'pending', 2, 0, 8, 1, 1, NULL),
                           ('slack.alert', '{}', 'dead', 3, 8, 8, 1, 1, ?)""", now);
            tx.update(tx.dialect() == Dialect.POSTGRESQL ? "ANALYZE jobs" : "ANALYZE");
        });
        System.out.printf("job counts: %d finished jobs inserted in %d ms (%s)%n", FINISHED,
                (System.nanoTime() - started) / 1_000_000, kind);

        List<String> planLines = db.inTransaction(tx -> tx.query(
                (tx.dialect() == Dialect.POSTGRESQL ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + JobQueue.STATE_COUNTS,
                rs -> rs.getString(tx.dialect() == Dialect.POSTGRESQL ? 1 : 4)));
        String plan = String.join("\n", planLines);
        assertTrue(plan.contains("jobs_ready"), "the counts come from the small index:\n" + plan);
        assertTrue(!plan.contains("Seq Scan") && !plan.matches("(?s).*SCAN jobs\\b(?! USING).*"), plan);

        try (ServiceRuntime runtime = ServiceRuntime.builder("scale", db, new ServiceSettings(0, Optional.empty()))
                .start()) {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/metrics")).build();
            for (int i = 0; i < 5; i++) client.send(scrape, HttpResponse.BodyHandlers.ofString()); // warm up
            List<Long> micros = new ArrayList<>();
            String body = null;
            for (int i = 0; i < 11; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = client.send(scrape, HttpResponse.BodyHandlers.ofString());
                micros.add((System.nanoTime() - t0) / 1000);
                assertEquals(200, r.statusCode());
                body = r.body();
            }
            Collections.sort(micros);
            long median = micros.get(micros.size() / 2);
            System.out.printf("METRICS scrape beside %d finished jobs (%s): median %.1f ms, slowest %.1f ms%n", FINISHED,
                    kind, median / 1000.0, micros.get(micros.size() - 1) / 1000.0);
            assertTrue(body.contains("palaute_jobs{kind=\"zendesk.survey\",state=\"pending\"} 2.0"), body);
            assertTrue(body.contains("palaute_jobs{kind=\"slack.alert\",state=\"dead\"} 1.0"), body);
            assertTrue(median < 50_000, "median scrape " + median / 1000.0 + " ms");
        }
    }
}
