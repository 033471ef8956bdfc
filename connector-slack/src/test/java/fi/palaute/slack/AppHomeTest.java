package fi.palaute.slack;

import fi.palaute.common.store.Eventually;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.Settings;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.job.Backoff;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.TestDatabases;
import fi.palaute.common.store.TickingClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The App Home tab: an agent's own scores, matched by e-mail, and the team's for everyone else. */
class AppHomeTest {
    static final String SECRET = SlackConnectorTest.SIGNING_SECRET;

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final TickingClock clock = new TickingClock(Instant.parse("2026-03-10T09:00:05Z"));
    private final ObjectMapper json = new ObjectMapper();
    private SlackService service;

    @AfterEach
    void stop() {
        if (service != null) service.close();
    }

    /** users.info as Slack documents it, with the profile e-mail that users:read.email unlocks. */
    private static void user(String id, String name, String email) {
        slack.stubFor(get(urlPathEqualTo("/api/users.info")).withQueryParam("user", equalTo(id)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"ok": true, "user": {"id": "%s", "team_id": "T0TEAM", "name": "%s", "deleted": false,
                         "real_name": "%s", "tz": "Europe/Helsinki", "is_admin": false, "is_bot": false,
                         "profile": {"real_name": "%s", "display_name": "%s", "email": "%s", "team": "T0TEAM"},
                         "updated": 1502138686}}""".formatted(id, name, name, name, name, email))));
    }

    private SlackService start(Database db) throws Exception {
        slack.stubFor(post(urlEqualTo("/api/views.publish")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\": true, \"view\": {\"id\": \"VH0ME\", \"team_id\": \"T0TEAM\", \"type\": \"home\"}}")));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(FollowUpLoopTest.POSTED)));
        Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-test-token", "SLACK_API_URL", slack.baseUrl() + "/api",
                "SLACK_SIGNING_SECRET", SECRET, "SLACK_ALERT_CHANNEL", "C0ALERT");
        JobWorker.Options fast = JobWorker.Options.defaults().withThreads(2).withPollInterval(Duration.ofMillis(50))
                .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 0.1));
        service = SlackService.start(SlackSettings.from(new Settings(env)), new ServiceSettings(0, Optional.empty()), db,
                clock, fast, Duration.ofHours(1));
        return service;
    }

    /** Aino (an agent on both helpdesks' outcomes), Bob, and the previous 30 days to compare with. */
    private void seed(Database db) {
        Fixture f = new Fixture(db);
        Instant now = clock.instant();
        int[] aino = {5, 4, 1};
        for (int i = 0; i < aino.length; i++) {
            f.answered("zendesk", "70" + i, "csat", aino[i], i == 2 ? "Aino never called back" : null,
                    now.minus(Duration.ofDays(2 + i)), "Aino Agent", "Support");
        }
        f.answered("freshdesk", "800", "csat", 5, "Bob was great", now.minus(Duration.ofDays(1)), "Bob", "Billing");
        f.answered("zendesk", "690", "csat", 2, null, now.minus(Duration.ofDays(40)), "Aino Agent", "Support");
        db.run(tx -> tx.update("""
                INSERT INTO ticket_outcomes (source, ticket_id, cycle_key, solved_at, agent, agent_email, recorded_at)
                VALUES ('zendesk', '700', 'c', ?, 'Aino Agent', 'aino@acme.test', ?)""",
                now.minus(Duration.ofDays(3)).toEpochMilli(), now.toEpochMilli()));
        long low = db.read(tx -> tx.queryLong("SELECT id FROM answers WHERE ticket_id = '702'"));
        new FollowUpStore(db).ensureFor(low);
    }

    private HttpResponse<String> event(String body, String ts, String signature) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/slack/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (ts != null) r.header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signature);
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signedEvent(String body) throws Exception {
        String ts = Long.toString(clock.instant().getEpochSecond());
        return event(body, ts, new SlackSignatureVerifier(SECRET, clock).expectedSignature(ts, body));
    }

    private JsonNode publishedFor(String user) throws Exception {
        Eventually.await("views.publish for " + user, () -> !slack.findAll(postRequestedFor(urlEqualTo("/api/views.publish"))
                .withRequestBody(matchingJsonPath("$.user_id", equalTo(user)))).isEmpty());
        return json.readTree(slack.findAll(postRequestedFor(urlEqualTo("/api/views.publish"))
                .withRequestBody(matchingJsonPath("$.user_id", equalTo(user)))).get(0).getBodyAsString()).path("view");
    }

    private static String text(JsonNode view) {
        StringBuilder s = new StringBuilder();
        for (JsonNode b : view.path("blocks")) {
            s.append(b.path("text").path("text").asText());
            for (JsonNode e : b.path("elements")) s.append(e.path("text").asText());
            s.append('\n');
        }
        return s.toString();
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void anAgentSeesTheirOwnScoresCommentsAndFollowUps(TestDatabases.Kind kind) throws Exception {
        Database db = TestDatabases.open(kind);
        start(db);
        seed(db);
        user("U0AINO", "aino", "Aino@Acme.test");
        assertEquals(200, signedEvent(SlackPayloads.appHomeOpened("U0AINO")).statusCode());
        JsonNode view = publishedFor("U0AINO");
        assertEquals("home", view.path("type").asText());
        String text = text(view);
        assertEquals("Your scores, Aino Agent", view.at("/blocks/0/text/text").asText());
        assertTrue(text.contains("*CSAT* 66.7% satisfied · n 3 · 95% CI"), text);
        assertTrue(text.contains("▲ 66.7 pts vs previous 30 days"), "2 of 3 now against 0 of 1 before: " + text);
        assertTrue(text.contains("> Aino never called back"), text);
        assertFalse(text.contains("Bob was great"), "only comments on her own tickets: " + text);
        assertTrue(text.contains("*Your open follow-ups*"), text);
        assertTrue(text.contains("#702"), text);
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void someoneWhoIsNoAgentSeesTheTeamsView(TestDatabases.Kind kind) throws Exception {
        Database db = TestDatabases.open(kind);
        start(db);
        seed(db);
        user("U0LEAD", "lea", "lea@acme.test");
        assertEquals(200, signedEvent(SlackPayloads.appHomeOpened("U0LEAD")).statusCode());
        JsonNode view = publishedFor("U0LEAD");
        String text = text(view);
        assertEquals("Team scores", view.at("/blocks/0/text/text").asText());
        assertTrue(text.contains("*CSAT* 75.0% satisfied · n 4"), text);
        assertTrue(text.contains("Bob was great") && text.contains("Aino never called back"), text);
        assertTrue(text.contains("*Open follow-ups*"), text);
    }

    @Test
    void urlVerificationIsAnsweredAndUnsignedOrStaleEventsAreRefused() throws Exception {
        start(TestDatabases.open(TestDatabases.Kind.SQLITE));
        HttpResponse<String> challenge = signedEvent(SlackPayloads.urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
        assertEquals(200, challenge.statusCode());
        assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", json.readTree(challenge.body()).path("challenge").asText());
        String body = SlackPayloads.appHomeOpened("U0EVE");
        assertEquals(401, event(body, null, null).statusCode());
        String old = Long.toString(clock.instant().getEpochSecond() - 600);
        assertEquals(401, event(body, old, new SlackSignatureVerifier(SECRET, clock).expectedSignature(old, body)).statusCode());
        String now = Long.toString(clock.instant().getEpochSecond());
        assertEquals(401, event(body, now, "v0=" + "a".repeat(64)).statusCode());
        assertEquals(0, service.runtime().queue().statuses(AppHomeJob.KIND).size());
    }
}
