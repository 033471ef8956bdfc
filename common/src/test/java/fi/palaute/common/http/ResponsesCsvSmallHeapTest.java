package fi.palaute.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.store.Database;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The export streams: a CSV several times larger than the heap of the service that writes it comes out
 * whole, and the service is still up afterwards. A buffered export needs twice the file in heap (a
 * Java string is UTF-16) and dies of OutOfMemoryError here.
 */
class ResponsesCsvSmallHeapTest {
    private static final String TOKEN = "csv-test-admin-token-0123456789";
    private static final int ROWS = 160_000;

    @Test
    void anExportMuchLargerThanTheHeapStreamsEveryRowInA64MegabyteJvm() throws Exception {
        String url = TestDatabases.newSqliteUrl();
        try (Database db = Database.open(url, null, null)) {
            long survey = new SurveyRows(db).sentSurvey("zendesk", "1", "csat", "en", Instant.parse("2026-01-01T00:00:00Z"),
                    "Ann", "Tier 1");
            // Set-based: every answer but the last replaced by the next, each with a 500-character comment.
            db.run(tx -> tx.update("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                    INSERT INTO answers (survey_id, source, ticket_id, metric, score, comment, answered_at, suspected_bot,
                        agent, agent_group, channel, replaced_at)
                    SELECT ?, 'zendesk', '1', 'csat', 1 + i % 5, 'comment ' || i || ' ' || replace(hex(zeroblob(250)), '0', 'x'),
                        ? + i * 1000, 0, 'Ann', 'Tier 1', 'email', CASE WHEN i < ? THEN ? + i * 1000 + 1 ELSE NULL END
                    FROM n""", ROWS, survey, 1_767_225_600_000L, ROWS, 1_767_225_600_000L));
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                CsvExportServer.class.getName(), url, TOKEN);
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("port ")) {
                    port = Integer.parseInt(line.substring(5).trim());
                    break;
                }
            }
            assertTrue(port > 0, "the server printed its port");
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();

            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/responses.csv?from=2000-01-01&to=2100-01-01"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            long bytes = 0;
            long lines = 0;
            String last = "";
            try (BufferedReader csv = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = csv.readLine()) != null; ) {
                    if (lines == 0) assertTrue(line.contains(",channel,"), line);
                    bytes += line.length() + 2;
                    lines++;
                    last = line;
                }
            }
            assertEquals(1 + ROWS, lines, "a header and every answer");
            assertTrue(last.startsWith("zendesk,1,csat,") && last.endsWith(",false"), "the last answer, current: " + last);
            assertTrue(bytes > 80_000_000L, "the export (" + bytes + " bytes) is larger than the heap, twice that as a Java string");
            assertTrue(server.isAlive(), "the service is still up");
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }
}
