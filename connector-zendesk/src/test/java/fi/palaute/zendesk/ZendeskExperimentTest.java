package fi.palaute.zendesk;

import fi.palaute.common.job.JobState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.score.Difference;
import fi.palaute.common.score.Interval;
import fi.palaute.common.score.ProportionComparison;
import fi.palaute.common.score.Rounding;
import fi.palaute.common.score.Wilson;
import fi.palaute.common.store.TestDatabases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A whole experiment on Zendesk: webhooks, each requester's arm, the arm's survey and send delay, answers
 * (one of them a mail scanner's), and GET /api/experiments giving what the formulas give for the counts
 * the customers produced.
 */
class ZendeskExperimentTest {
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");
    private static final String SHORT_QUESTION = "Happy with our help?";
    private static final int TICKETS = 24;

    private final FakeZendesk zendesk = new FakeZendesk();
    private final ObjectMapper json = new ObjectMapper();
    private RunningConnector app;
    @TempDir
    Path dir;

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
        zendesk.close();
    }

    private Map<String, String> settings(Instant start) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("csat_short.en.json"), """
                {"id": "csat_short", "metric": "csat", "locale": "en", "subject": "Quick one",
                 "question": "%s", "lowLabel": "No", "highLabel": "Yes",
                 "commentHint": "Add a comment after choosing if you like.", "commentPrompt": "Anything to add?",
                 "confirmButton": "Send", "chooseScore": "Choose a score first.", "thankYou": "Thanks!",
                 "answerRecorded": "Recorded.", "changeAnswerHint": "Open the link again to change it.",
                 "invalidLink": "This link is not valid.", "expiredLink": "This survey has closed."}
                """.formatted(SHORT_QUESTION));
        Path experiments = dir.resolve("experiments.json");
        Files.writeString(experiments, """
                {"experiments": [{"id": "short-question", "start": "%s", "end": null,
                  "arms": [{"id": "control", "survey": "csat"},
                           {"id": "short", "survey": "csat_short", "send_delay": "PT2H", "weight": 1}]}]}
                """.formatted(start));
        // Unpaced: the test sends and writes back dozens of times and waits on none of Zendesk's limits.
        return Map.of("PALAUTE_TEMPLATES_DIR", templates.toString(), "PALAUTE_EXPERIMENTS", experiments.toString(),
                "ZENDESK_UPDATES_PER_MINUTE", "100000", "ZENDESK_READS_PER_MINUTE", "100000");
    }

    private String body(long ticket) {
        return zendesk.body(zendesk.surveyPosts(ticket).get(0)).path("ticket").path("comment").path("html_body").asText();
    }

    private void answer(String html, int score, String userAgent) {
        Matcher m = Pattern.compile("https://cx\\.example\\.test(/r/[A-Za-z0-9_.~-]+)\\?score=" + score).matcher(html);
        assertTrue(m.find(), html);
        var page = app.get(m.group(1) + "?score=" + score, "User-Agent", userAgent);
        Matcher nonce = NONCE.matcher(page.body());
        assertTrue(nonce.find(), page.body());
        app.clock.advance(Duration.ofMinutes(2));
        var posted = app.postForm(m.group(1), "score=" + score + "&comment=&website=&nonce="
                + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8), userAgent);
        assertEquals(303, posted.statusCode(), posted.body());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void experimentThroughWebhooksSurveysAndAnswersGivesTheFormulasStatistics(TestDatabases.Kind kind) throws Exception {
        Instant solved = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < TICKETS; i++) {
            zendesk.ticket(FakeZendesk.Ticket.solved(600 + i).requester(7100 + i), 1, 0, solved, 20);
        }
        // A second ticket of the first requester, inside the cooldown: the policy still applies in an experiment.
        zendesk.ticket(FakeZendesk.Ticket.solved(650).requester(7100), 1, 0, solved.plusSeconds(5), 20);
        app = new RunningConnector(zendesk, settings(solved.minus(Duration.ofDays(1))), kind);
        for (int i = 0; i < TICKETS; i++) app.webhook(RunningConnector.triggerBody(600 + i, solved.toString()));

        // The control arm's surveys go out at once; the short arm's wait for its two-hour send delay.
        RunningConnector.await("control sent, short postponed", () -> app.jobs("zendesk.survey"),
                js -> js.size() == TICKETS && js.stream().allMatch(j -> j.state() == JobState.DONE
                        || (j.state() == JobState.PENDING && j.attempts() == 0
                        && j.dueAt().isAfter(app.clock.instant().plus(Duration.ofMinutes(90))))));
        long postponed = app.jobs("zendesk.survey").stream().filter(j -> j.state() == JobState.PENDING).count();
        assertTrue(postponed > 0 && postponed < TICKETS, "both arms have requesters: " + postponed + " postponed");
        for (int i = 0; i < TICKETS; i++) {
            if (!zendesk.surveyPosts(600 + i).isEmpty()) {
                assertTrue(body(600 + i).contains("How satisfied"), "the control arm gets the default survey");
            }
        }
        app.clock.advance(Duration.ofHours(2));
        RunningConnector.await("every survey sent", () -> app.rows("SELECT id FROM surveys WHERE state = 'sent'"),
                l -> l.size() == TICKETS);

        Map<String, String> armOf = new HashMap<>();
        for (Map<String, Object> row : app.rows("SELECT ticket_id, experiment_id, experiment_arm FROM surveys")) {
            assertEquals("short-question", row.get("experiment_id"));
            armOf.put((String) row.get("ticket_id"), (String) row.get("experiment_arm"));
        }
        app.webhook(RunningConnector.triggerBody(650, solved.plusSeconds(5).toString()));
        RunningConnector.await("the cooldown", () -> app.surveys(650), l -> !l.isEmpty());
        assertEquals("cooldown", app.surveys(650).get(0).get("suppressed_reason"));

        // Customers answer: control every other ticket, short two in three; scores follow the ticket number.
        long[] sent = new long[2];
        long[] answered = new long[2];
        long[] satisfied = new long[2];
        boolean scannerDone = false;
        for (int i = 0; i < TICKETS; i++) {
            long ticket = 600 + i;
            int arm = armOf.get(String.valueOf(ticket)).equals("control") ? 0 : 1;
            String html = body(ticket);
            assertEquals(arm == 1, html.contains(SHORT_QUESTION), "ticket " + ticket + " got its arm's survey");
            sent[arm]++;
            boolean answers = arm == 0 ? i % 2 == 0 : i % 3 != 0;
            if (answers) {
                int score = 1 + (i * 7) % 5;
                answer(html, score, RunningConnector.BROWSER);
                answered[arm]++;
                if (score >= 4) satisfied[arm]++;
            } else if (!scannerDone) {
                // A mail scanner "answers" an unanswered survey: kept, flagged, and left out of the figures.
                answer(html, 5, "Mozilla/5.0 (compatible; Microsoft Office/16.0; SafeLinks)");
                scannerDone = true;
            }
        }
        RunningConnector.await("every answer recorded", () -> app.rows("SELECT id FROM answers"),
                l -> l.size() == answered[0] + answered[1] + 1);

        var response = app.get("/api/experiments", "Authorization", "Bearer " + RunningConnector.ADMIN_TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode e = json.readTree(response.body()).path("experiments").get(0);
        assertEquals("short-question", e.path("id").asText());
        assertEquals("running", e.path("state").asText());
        assertTrue(e.path("end").isNull());
        for (int arm = 0; arm < 2; arm++) {
            JsonNode a = e.path("arms").get(arm);
            assertEquals(arm == 0 ? "control" : "short", a.path("id").asText());
            assertEquals(arm == 0 ? "csat" : "csat_short", a.path("survey").asText());
            assertEquals(sent[arm], a.path("surveys_sent").asLong(), response.body());
            assertEquals(answered[arm], a.path("answers").asLong(), response.body());
            Interval rate = Wilson.interval(answered[arm], sent[arm]).scaledBy(100);
            assertEquals(Rounding.toDecimals(100.0 * answered[arm] / sent[arm], 1), a.at("/response_rate/value").asDouble());
            assertEquals(Rounding.toDecimals(rate.low(), 1), a.at("/response_rate/ci95/0").asDouble());
            assertEquals(Rounding.toDecimals(rate.high(), 1), a.at("/response_rate/ci95/1").asDouble());
            assertEquals("csat", a.at("/score/metric").asText());
            assertEquals(answered[arm], a.at("/score/n").asLong());
            assertEquals(Rounding.toDecimals(100.0 * satisfied[arm] / answered[arm], 1), a.at("/score/value").asDouble());
        }
        JsonNode c = e.path("comparison");
        Difference rate = ProportionComparison.of(answered[0], sent[0], answered[1], sent[1]).scaledBy(100);
        assertDifference(rate, c.path("response_rate_diff"));
        Difference score = ProportionComparison.of(satisfied[0], answered[0], satisfied[1], answered[1]).scaledBy(100);
        assertDifference(score, c.path("score_diff"));
        assertEquals(score.neededPerArm(), c.path("needed_per_arm").isNull() ? null : c.path("needed_per_arm").asLong());
        assertTrue(c.path("verdict").asText().startsWith("no difference shown yet"), c.toString());
    }

    private static void assertDifference(Difference expected, JsonNode actual) {
        assertEquals(Rounding.toDecimals(expected.value(), 1), actual.path("value").asDouble(), actual.toString());
        assertEquals(Rounding.toDecimals(expected.ci95().low(), 1), actual.at("/ci95/0").asDouble(), actual.toString());
        assertEquals(Rounding.toDecimals(expected.ci95().high(), 1), actual.at("/ci95/1").asDouble(), actual.toString());
        assertEquals(expected.pValue(), actual.path("p_value").asDouble(), expected.pValue() * 0.005, actual.toString());
    }

    @Test
    void malformedExperimentsFileStopsStartUpWithOneClearLine() throws Exception {
        Map<String, String> env = new HashMap<>(settings(Instant.parse("2026-12-01T00:00:00Z")));
        Path file = Path.of(env.get("PALAUTE_EXPERIMENTS"));
        Files.writeString(file, Files.readString(file).replace("\"csat_short\"", "\"csat_shrot\""));
        SettingException e = assertThrows(SettingException.class, () -> new RunningConnector(zendesk, env));
        assertEquals("PALAUTE_EXPERIMENTS: " + file + ": experiment \"short-question\": arms[1].survey no template with id "
                + "\"csat_shrot\"", e.getMessage());
        assertNull(app);
    }
}
