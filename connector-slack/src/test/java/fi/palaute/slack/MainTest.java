package fi.palaute.slack;

import fi.palaute.common.store.TickingClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.config.Settings;
import fi.palaute.common.store.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) throws Exception {
        return Main.commands().run(java.util.List.of(args), new Settings(env), new TickingClock(Instant.parse("2026-03-10T12:00:00Z")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndSettings() throws Exception {
        assertEquals(0, run(Map.of(), "--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String s : new String[] {"serve", "digest --period day|week|month", "--dry-run", "SLACK_BOT_TOKEN",
                "SLACK_API_URL", "SLACK_SIGNING_SECRET", "SLACK_DIGEST_CHANNEL", "SLACK_DIGEST_SCHEDULE",
                "SLACK_ALERT_CHANNEL", "PALAUTE_DB_URL", "PALAUTE_PORT"}) {
            assertTrue(usage.contains(s), s);
        }
    }

    @Test
    void helpListsEverySettingTheJarReads() throws Exception {
        assertEquals(0, run(Map.of(), "--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        for (var s : fi.palaute.common.config.Setting.of(fi.palaute.common.config.Service.SLACK)) {
            assertTrue(usage.contains(s.name()), s.name());
        }
        assertTrue(usage.contains("PALAUTE_LOG_LEVEL"));
    }

    @Test
    void badScheduleStopsStartUpWithOneLineNamingTheSetting() throws Exception {
        assertEquals(2, run(Map.of("SLACK_BOT_TOKEN", "xoxb-secret-value", "SLACK_DIGEST_SCHEDULE", "sometimes"), "serve"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("palaute: SLACK_DIGEST_SCHEDULE: "), e);
        assertEquals(1, e.strip().lines().count());
        assertFalse(e.contains("xoxb-secret-value"));
    }

    @Test
    void missingTokenStopsServeNamingTheSetting() throws Exception {
        assertEquals(2, run(Map.of(), "serve"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("palaute: SLACK_BOT_TOKEN: is required"));
    }

    @Test
    void digestDryRunPrintsTheMessageJsonWithoutPosting() throws Exception {
        String url = TestDatabases.newSqliteUrl();
        try (var db = fi.palaute.common.store.Database.open(url, null, null)) {
            new Fixture(db).answered("zendesk", "5", "csat", 2, "meh", Instant.parse("2026-03-09T12:00:00Z"), "Aino", "Support");
        }
        // No token and an API URL nothing listens on: a dry run must need neither.
        assertEquals(0, run(Map.of("PALAUTE_DB_URL", url, "SLACK_DIGEST_CHANNEL", "C0DIGEST",
                "SLACK_API_URL", "http://127.0.0.1:9"), "digest", "--period", "week", "--dry-run"));
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("C0DIGEST", json.path("channel").asText());
        assertTrue(json.path("text").asText().contains("CSAT 0.0% (n 1)"), json.toString());
        assertTrue(json.path("blocks").size() > 3);
    }

    @Test
    void digestWithoutAPeriodExplainsWhatItNeeds() throws Exception {
        assertEquals(2, run(Map.of(), "digest"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--period day, week or month"));
    }

    @Test
    void aPortInUseIsOneLineNamingPalautePortAndThePort() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            assertEquals(2, run(Map.of("SLACK_BOT_TOKEN", "xoxb-secret-value", "PALAUTE_DB_URL", TestDatabases.newSqliteUrl(),
                    "PALAUTE_PORT", String.valueOf(taken.getLocalPort())), "serve"));
            String e = err.toString(StandardCharsets.UTF_8).strip();
            assertTrue(e.startsWith("palaute: PALAUTE_PORT: port " + taken.getLocalPort() + " is already in use"), e);
            assertEquals(1, e.lines().count(), e);
        }
    }
}
