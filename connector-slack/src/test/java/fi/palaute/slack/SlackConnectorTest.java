package fi.palaute.slack;

import fi.palaute.common.survey.SurveyJobs;
import fi.palaute.common.job.JobState;
import fi.palaute.common.store.Eventually;
import fi.palaute.common.store.TickingClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.Settings;
import fi.palaute.common.job.Backoff;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.job.JobRequest;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The running connector against WireMock standing in for Slack's Web API. */
class SlackConnectorTest {
    static final String OK = "{\"ok\": true, \"channel\": \"C0DIGEST\", \"ts\": \"1503435956.000247\","
            + " \"message\": {\"text\": \"Here's a message for you\", \"type\": \"message\"}}";
    static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<SlackService> services = new ArrayList<>();
    private final TickingClock clock = new TickingClock(Instant.parse("2026-03-10T09:00:05Z"));
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        for (SlackService s : services) s.close();
    }

    private Map<String, String> env(boolean digests) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        env.put("SLACK_API_URL", slack.baseUrl() + "/api");
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("SLACK_ALERT_CHANNEL", "C0ALERT");
        env.put("SLACK_DIGEST_SCHEDULE", "daily 09:00 UTC");
        if (digests) env.put("SLACK_DIGEST_CHANNEL", "C0DIGEST");
        return env;
    }

    private SlackService start(String dbUrl, boolean digests) throws Exception {
        return start(Database.open(dbUrl, null, null), digests);
    }

    private SlackService start(Database db, boolean digests) throws Exception {
        Settings settings = new Settings(env(digests));
        JobWorker.Options fast = JobWorker.Options.defaults().withThreads(2).withPollInterval(Duration.ofMillis(50))
                .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 0.1));
        // A long scheduler interval: the tests tick by hand, so what they assert does not depend on timing.
        SlackService s = SlackService.start(SlackSettings.from(settings), new ServiceSettings(0, Optional.empty()),
                db, clock, fast, Duration.ofHours(1));
        services.add(s);
        return s;
    }

    private static void stubOk() {
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(OK)));
    }

    private static List<LoggedRequest> postsTo(String channel) {
        return slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(channel))));
    }

    private static long count(Database db, String sql) {
        return db.inTransaction(tx -> tx.queryLong(sql));
    }

    private static Optional<JobQueue.JobStatus> onlyJob(SlackService s, fi.palaute.common.job.JobKind<?> kind) {
        List<JobQueue.JobStatus> all = s.runtime().queue().statuses(kind);
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void digestIsPostedOncePerPeriodAcrossInstancesAndRestarts(TestDatabases.Kind kind) throws Exception {
        stubOk();
        String url = TestDatabases.newUrl(kind);
        // Two instances, each with its own scheduler and worker. On PostgreSQL each has its own pool, as two
        // deployed instances would. On SQLite they share one pool: common's Database cannot yet open a second
        // pool on a SQLite file that is in use (SQLITE_BUSY at connection setup).
        Database dbA = Database.open(url, null, null);
        Database dbB = kind == TestDatabases.Kind.SQLITE ? dbA : Database.open(url, null, null);
        SlackService a = start(dbA, true);
        SlackService b = start(dbB, true);
        a.scheduler().orElseThrow().tick();
        b.scheduler().orElseThrow().tick();
        Eventually.await("one digest recorded", () -> count(a.runtime().db(), "SELECT COUNT(*) FROM digests") == 1);
        Eventually.await("the digest job done", () -> onlyJob(a, DigestJob.KIND).map(j -> j.state() == JobState.DONE).orElse(false));
        assertTrue(a.scheduler().orElseThrow().tick().isEmpty(), "a second instance must not enqueue the same digest");
        assertTrue(b.scheduler().orElseThrow().tick().isEmpty());
        assertEquals(1, postsTo("C0DIGEST").size());
        JsonNode body = json.readTree(postsTo("C0DIGEST").get(0).getBodyAsString());
        assertEquals("C0DIGEST", body.path("channel").asText());
        assertTrue(body.path("blocks").isArray());
        assertTrue(body.path("text").asText().contains("Mon 9 Mar 2026"), body.path("text").asText());
        assertEquals("Bearer xoxb-test-token", postsTo("C0DIGEST").get(0).getHeader("Authorization"));

        // Restart later the same day: nothing more.
        a.close();
        b.close();
        services.clear();
        clock.set(Instant.parse("2026-03-10T15:00:00Z"));
        SlackService c = start(url, true);
        assertTrue(c.scheduler().orElseThrow().tick().isEmpty());

        // Down for three days: only the latest period is caught up, once.
        clock.set(Instant.parse("2026-03-13T09:30:00Z"));
        assertTrue(c.scheduler().orElseThrow().tick().isPresent());
        assertTrue(c.scheduler().orElseThrow().tick().isEmpty());
        Eventually.await("second digest recorded", () -> count(c.runtime().db(), "SELECT COUNT(*) FROM digests") == 2);
        assertEquals(2, postsTo("C0DIGEST").size());
        assertEquals((Long) Instant.parse("2026-03-12T00:00:00Z").toEpochMilli(), (Long) c.runtime().db().inTransaction(tx ->
                tx.queryLong("SELECT MAX(period_start) FROM digests")));
    }

    private long lowAnswer(Database db, Fixture f, boolean bot) {
        long survey = f.survey("zendesk", bot ? "502" : "501", "csat", clock.instant().minusSeconds(3600), "Aino", "Billing");
        return f.answer(survey, 1, "Nobody <b>helped</b> & I gave up", clock.instant(), bot);
    }

    private static void enqueueAlert(SlackService s, long answerId) {
        s.runtime().queue().enqueue(AlertJob.KIND.request(new SurveyJobs.AnswerRef(answerId), Instant.EPOCH));
        s.runtime().worker().poke();
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void lowAnswerIsAlertedOnceAndBotFlaggedAnswerIsNot(TestDatabases.Kind kind) throws Exception {
        stubOk();
        SlackService s = start(TestDatabases.newUrl(kind), false);
        Fixture f = new Fixture(s.runtime().db());
        long low = lowAnswer(s.runtime().db(), f, false);
        long bot = lowAnswer(s.runtime().db(), f, true);
        enqueueAlert(s, low);
        enqueueAlert(s, low); // a second enqueue (say, the answer was saved twice) is dropped by the dedupe key
        enqueueAlert(s, bot);
        Eventually.await("both alert jobs done", () -> s.runtime().queue().statuses(AlertJob.KIND).stream()
                .filter(j -> j.state() == JobState.DONE).count() == 2);
        List<LoggedRequest> posts = postsTo("C0ALERT");
        assertEquals(1, posts.size());
        String text = json.readTree(posts.get(0).getBodyAsString()).path("blocks").get(0).path("text").path("text").asText();
        assertTrue(text.contains("*Low CSAT 1/5*"), text);
        assertTrue(text.contains("<https://acme.zendesk.com/agent/tickets/501|ticket #501>"), text);
        assertTrue(text.contains("*Agent* Aino · *Group* Billing"), text);
        assertTrue(text.contains("> Nobody &lt;b&gt;helped&lt;/b&gt; &amp; I gave up"), text);
    }

    @Test
    void ratelimitedIsRetriedAfterRetryAfterThenSucceeds() throws Exception {
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody("{\"ok\": false, \"error\": \"ratelimited\"}"))
                .willSetStateTo("second"));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("rate").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(200).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody("{\"ok\": false, \"error\": \"ratelimited\"}"))
                .willSetStateTo("third"));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("rate").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(OK)));
        SlackService s = start(TestDatabases.newUrl(TestDatabases.Kind.SQLITE), false);
        long low = lowAnswer(s.runtime().db(), new Fixture(s.runtime().db()), false);
        enqueueAlert(s, low);
        Eventually.await("alert job done", () -> onlyJob(s, AlertJob.KIND).map(j -> j.state() == JobState.DONE).orElse(false));
        List<LoggedRequest> posts = postsTo("C0ALERT");
        assertEquals(3, posts.size(), "HTTP 429, then ok:false ratelimited, then success");
        for (int i = 1; i < posts.size(); i++) {
            long gap = posts.get(i).getLoggedDate().getTime() - posts.get(i - 1).getLoggedDate().getTime();
            assertTrue(gap >= 900, "retried after " + gap + " ms, before Retry-After");
        }
        assertEquals(3, onlyJob(s, AlertJob.KIND).orElseThrow().attempts());
    }

    @Test
    void channelNotFoundParksTheJobAsDeadWithTheErrorNamed() throws Exception {
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\": false, \"error\": \"channel_not_found\"}")));
        SlackService s = start(TestDatabases.newUrl(TestDatabases.Kind.SQLITE), false);
        long low = lowAnswer(s.runtime().db(), new Fixture(s.runtime().db()), false);
        enqueueAlert(s, low);
        Eventually.await("alert job dead", () -> onlyJob(s, AlertJob.KIND).map(j -> j.state() == JobState.DEAD).orElse(false));
        JobQueue.JobStatus job = onlyJob(s, AlertJob.KIND).orElseThrow();
        assertEquals(1, job.attempts(), "a permanent error is not retried");
        assertTrue(job.lastError().contains("channel_not_found"), job.lastError());
        String metrics = get(s, "/metrics").body();
        assertTrue(metrics.contains("palaute_slack_errors_total{method=\"chat.postMessage\",error=\"channel_not_found\"} 1"), metrics);
        assertTrue(metrics.contains("palaute_job_dead_total{kind=\"slack.alert\",error=\"slack chat.postMessage failed: channel_not_found\"} 1"), metrics);
        assertFalse(metrics.contains("xoxb-test-token"));
    }

    private static HttpResponse<String> get(SlackService s, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> command(SlackService s, String body, String timestamp, String signature) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port() + "/slack/commands"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signedCommand(SlackService s, String text) throws Exception {
        String body = "token=x&team_id=T1&channel_id=C1&user_id=U1&command=%2Fcx&text=" + text
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F1%2Fx";
        String ts = Long.toString(clock.instant().getEpochSecond());
        return command(s, body, ts, new SlackSignatureVerifier(SIGNING_SECRET, clock).expectedSignature(ts, body));
    }

    @Test
    void cxCommandAnswersAnEphemeralDigest() throws Exception {
        SlackService s = start(TestDatabases.newUrl(TestDatabases.Kind.SQLITE), false);
        new Fixture(s.runtime().db()).answered("freshdesk", "9", "csat", 5, "Great", clock.instant().minusSeconds(86400),
                "Aino", "Support");
        long started = System.nanoTime();
        HttpResponse<String> week = signedCommand(s, "week");
        assertTrue(System.nanoTime() - started < 3_000_000_000L, "within Slack's 3 seconds");
        assertEquals(200, week.statusCode());
        JsonNode body = json.readTree(week.body());
        assertEquals("ephemeral", body.path("response_type").asText());
        assertTrue(body.path("text").asText().contains("CSAT 100.0% (n 1)"), week.body());
        assertTrue(body.path("blocks").size() > 2);

        JsonNode today = json.readTree(signedCommand(s, "").body());
        assertEquals("ephemeral", today.path("response_type").asText());
        assertTrue(today.path("text").asText().contains("no survey answers"), today.toString());

        JsonNode usage = json.readTree(signedCommand(s, "yesterday").body());
        assertEquals("ephemeral", usage.path("response_type").asText());
        assertTrue(usage.path("text").asText().startsWith("Usage: `/cx`"), usage.toString());
    }

    @Test
    void cxCommandWithABadSignatureIsRefused() throws Exception {
        SlackService s = start(TestDatabases.newUrl(TestDatabases.Kind.SQLITE), false);
        String body = "command=%2Fcx&text=week";
        String ts = Long.toString(clock.instant().getEpochSecond());
        HttpResponse<String> forged = command(s, body, ts, "v0=" + "0".repeat(64));
        assertEquals(401, forged.statusCode());
        assertEquals("invalid_signature", json.readTree(forged.body()).path("error").asText());
        String old = Long.toString(clock.instant().getEpochSecond() - 600);
        HttpResponse<String> stale = command(s, body, old, new SlackSignatureVerifier(SIGNING_SECRET, clock).expectedSignature(old, body));
        assertEquals(401, stale.statusCode());
        assertTrue(json.readTree(stale.body()).path("detail").asText().contains("5 minutes"));
    }
}
