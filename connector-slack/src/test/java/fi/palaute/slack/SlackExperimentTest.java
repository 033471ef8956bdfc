package fi.palaute.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.Settings;
import fi.palaute.common.experiment.Arm;
import fi.palaute.common.experiment.Experiment;
import fi.palaute.common.experiment.ExperimentReport;
import fi.palaute.common.experiment.ExperimentStore;
import fi.palaute.common.experiment.Experiments;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.score.Metric;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.TestDatabases;
import fi.palaute.common.store.TickingClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Experiments where people look in Slack: a digest line while one runs, and {@code /cx experiment}. */
class SlackExperimentTest {
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:05Z");
    private final TickingClock clock = new TickingClock(NOW);
    private final ObjectMapper json = new ObjectMapper();
    private Database db;
    private SlackService service;

    @AfterEach
    void stop() {
        if (service != null) service.close();
        else if (db != null) db.close();
    }

    /** control: 40 sent, 10 answered; short: 40 sent, 18 answered; all in the week before NOW, on two channels. */
    private void seed() {
        db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        Experiment e = new Experiment("short-question", Instant.parse("2026-03-01T00:00:00Z"), Optional.empty(), List.of(
                new Arm("control", "csat", Metric.CSAT, Optional.empty(), 1),
                new Arm("short", "csat_short", Metric.CSAT, Optional.empty(), 1)));
        new ExperimentStore(db).save(new Experiments(List.of(e)), clock);
        Fixture fixture = new Fixture(db);
        for (String arm : List.of("control", "short")) {
            int answered = arm.equals("control") ? 10 : 18;
            for (int i = 0; i < 40; i++) {
                Instant sent = NOW.minus(Duration.ofDays(3)).plusSeconds(60L * i);
                long id = fixture.survey("zendesk", arm + i, "csat", sent, "Aino", "Support");
                String channel = i % 2 == 0 ? "email" : "native_messaging";
                db.run(tx -> tx.update("UPDATE surveys SET experiment_id = 'short-question', experiment_arm = ?, "
                        + "channel = ? WHERE id = ?", arm, channel, id));
                if (i < answered) {
                    long answer = fixture.answer(id, i % 3 == 0 ? 2 : 5, null, sent.plus(Duration.ofHours(1)), false);
                    db.run(tx -> tx.update("UPDATE answers SET channel = ? WHERE id = ?", channel, answer));
                }
            }
        }
    }

    @Test
    void digestHasALineForTheRunningExperimentAndSplitsByChannel() {
        seed();
        DigestPeriod week = DigestPeriod.trailing(PeriodKind.WEEK, NOW, ZoneOffset.UTC);
        SlackMessage digest = new DigestComposer().compose(new DigestReportQuery(db, Duration.ofHours(4), clock).load(week));
        String all = digest.toJson().toString();
        String verdict = new ExperimentReport(db, clock).all().get(0).verdict();
        assertTrue(all.contains("*Experiment short-question* (running since 2026-03-01): control 25.0% answered of 40 vs "
                + "short 45.0% answered of 40. " + Mrkdwn.escape(verdict).replace("\"", "\\\"")), all);
        assertTrue(all.contains("*By channel*"), all);
        assertTrue(all.contains("• email: CSAT") && all.contains("• native_messaging: CSAT"), all);
    }

    @Test
    void cxExperimentAnswersWithTheArmsAndTheVerdict() throws Exception {
        seed();
        Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-test-token", "SLACK_API_URL", "http://127.0.0.1:9/api",
                "SLACK_SIGNING_SECRET", SlackConnectorTest.SIGNING_SECRET);
        service = SlackService.start(SlackSettings.from(new Settings(env)), new ServiceSettings(0, Optional.empty()), db,
                clock, JobWorker.Options.defaults().withThreads(1), Duration.ofHours(1));
        String body = "token=x&team_id=T1&channel_id=C1&user_id=U1&command=%2Fcx&text=experiment";
        String ts = Long.toString(clock.instant().getEpochSecond());
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + service.port() + "/slack/commands"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", new SlackSignatureVerifier(SlackConnectorTest.SIGNING_SECRET, clock)
                        .expectedSignature(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = json.readTree(response.body());
        assertEquals("ephemeral", answer.path("response_type").asText());
        String section = answer.path("blocks").get(1).path("text").path("text").asText();
        assertTrue(section.startsWith("*short-question* · running since 2026-03-01"), section);
        assertTrue(section.contains("• control (csat): 40 sent, response rate 25.0% · CSAT 60.0% (n 10)"), section);
        assertTrue(section.contains("• short (csat_short): 40 sent, response rate 45.0%"), section);
        assertTrue(section.endsWith(new ExperimentReport(db, clock).all().get(0).verdict().replace("\"", "\"")), section);
        assertFalse(answer.path("text").asText().isEmpty());
    }
}
