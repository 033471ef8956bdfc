package fi.palaute.slack;

import fi.palaute.common.survey.SurveyJobs;
import fi.palaute.common.job.JobState;
import fi.palaute.common.store.Eventually;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.Settings;
import fi.palaute.common.followup.FollowUp;
import fi.palaute.common.followup.FollowUpState;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.followup.FollowUpTracker;
import fi.palaute.common.followup.NoteJob;
import fi.palaute.common.job.Backoff;
import fi.palaute.common.job.JobRequest;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.score.Metric;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.TestDatabases;
import fi.palaute.common.store.TickingClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Closing the loop in Slack: alerts with buttons, claims, the outcome modal, no action, a changed answer,
 * the SLA reminder. The running connector against WireMock answering as Slack's Web API documents.
 */
class FollowUpLoopTest {
    static final String SECRET = SlackConnectorTest.SIGNING_SECRET;
    static final String POSTED = "{\"ok\": true, \"channel\": \"C0ALERT\", \"ts\": \"" + SlackPayloads.ALERT_TS + "\","
            + " \"message\": {\"text\": \"Low CSAT 1/5\", \"type\": \"message\"}}";
    static final String UPDATED = "{\"ok\": true, \"channel\": \"C0ALERT\", \"ts\": \"" + SlackPayloads.ALERT_TS + "\","
            + " \"text\": \"Updated text you carefully authored\", \"message\": {\"text\": \"Low CSAT 1/5\"}}";
    static final String EPHEMERAL = "{\"ok\": true, \"message_ts\": \"1502210682.580145\"}";
    static final String VIEW_OPENED = "{\"ok\": true, \"view\": {\"id\": \"VMHU10V25\", \"team_id\": \"T0TEAM\","
            + " \"type\": \"modal\", \"callback_id\": \"followup_outcome\", \"hash\": \"156772938.1827394\"}}";

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<SlackService> services = new ArrayList<>();
    private final TickingClock clock = new TickingClock(Instant.parse("2026-03-10T09:00:05Z"));
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void stubSlack() {
        stub("chat.postMessage", POSTED);
        stub("chat.update", UPDATED);
        stub("chat.postEphemeral", EPHEMERAL);
        stub("views.open", VIEW_OPENED);
    }

    @AfterEach
    void stop() {
        for (SlackService s : services) s.close();
    }

    private static void stub(String method, String body) {
        slack.stubFor(post(urlEqualTo("/api/" + method)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private SlackService start(Database db) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        env.put("SLACK_API_URL", slack.baseUrl() + "/api");
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_ALERT_CHANNEL", "C0ALERT");
        env.put("PALAUTE_FOLLOWUP_SLA", "PT4H");
        JobWorker.Options fast = JobWorker.Options.defaults().withThreads(2).withPollInterval(Duration.ofMillis(50))
                .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 0.1));
        SlackService s = SlackService.start(SlackSettings.from(new Settings(env)), new ServiceSettings(0, Optional.empty()),
                db, clock, fast, Duration.ofHours(1));
        services.add(s);
        return s;
    }

    private static List<LoggedRequest> calls(String method) {
        return slack.findAll(postRequestedFor(urlEqualTo("/api/" + method)));
    }

    private JsonNode body(LoggedRequest r) {
        try {
            return json.readTree(r.getBodyAsString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A low answer, its alert job run: the alert is posted and the follow-up carries its ts. */
    private FollowUp alerted(SlackService s, String ticketId) {
        Fixture f = new Fixture(s.runtime().db());
        long answer = f.answered("zendesk", ticketId, "csat", 1, "Nobody called me back", clock.instant().minusSeconds(60),
                "Aino", "Support");
        s.runtime().queue().enqueue(AlertJob.KIND.request(new SurveyJobs.AnswerRef(answer), Instant.EPOCH));
        s.runtime().worker().poke();
        FollowUpStore store = new FollowUpStore(s.runtime().db());
        Eventually.await("the alert posted", () -> store.list(Optional.empty()).stream().anyMatch(
                x -> x.ticketId().equals(ticketId) && x.hasAlert()));
        return store.list(Optional.empty()).stream().filter(x -> x.ticketId().equals(ticketId)).findFirst().orElseThrow();
    }

    private HttpResponse<String> interact(SlackService s, String payload) throws Exception {
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String ts = Long.toString(clock.instant().getEpochSecond());
        return signedPost(s, "/slack/interactions", body, ts, new SlackSignatureVerifier(SECRET, clock).expectedSignature(ts, body));
    }

    private HttpResponse<String> signedPost(SlackService s, String path, String body, String ts, String signature) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + s.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (ts != null) r.header("X-Slack-Request-Timestamp", ts);
        if (signature != null) r.header("X-Slack-Signature", signature);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private FollowUp reload(SlackService s, FollowUp f) {
        return new FollowUpStore(s.runtime().db()).find(f.id()).orElseThrow();
    }

    private static List<String> actionIds(JsonNode message) {
        List<String> ids = new ArrayList<>();
        for (JsonNode b : message.path("blocks")) {
            for (JsonNode e : b.path("elements")) if (e.has("action_id")) ids.add(e.path("action_id").asText());
        }
        return ids;
    }

    private static String allText(JsonNode message) {
        StringBuilder s = new StringBuilder();
        for (JsonNode b : message.path("blocks")) s.append(b.path("text").path("text").asText()).append('\n');
        return s.toString();
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void alertCarriesTheThreeButtonsAndTwoSimultaneousClaimsGiveOneOwner(TestDatabases.Kind kind) throws Exception {
        SlackService s = start(TestDatabases.open(kind));
        FollowUp f = alerted(s, "501");
        JsonNode alert = body(calls("chat.postMessage").get(0));
        assertEquals(List.of("followup_claim", "followup_done", "followup_no_action"), actionIds(alert));
        assertTrue(allText(alert).contains("nobody is following up yet"), allText(alert));

        // Aino and Bob click "I'll follow up" at the same moment.
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> clicks = new ArrayList<>();
        for (String[] user : new String[][] {{"U0AINO", "aino"}, {"U0BOB", "bob"}}) {
            clicks.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return interact(s, SlackPayloads.blockAction("followup_claim", f.id(), user[0], user[1]));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        for (var c : clicks) assertEquals(200, c.get().statusCode());
        Eventually.await("both clicks handled", () -> s.runtime().queue().statuses(FollowUpClick.KIND).stream()
                .allMatch(j -> j.state() == JobState.DONE) && s.runtime().queue().statuses(FollowUpClick.KIND).size() == 2);

        FollowUp claimed = reload(s, f);
        assertEquals(FollowUpState.CLAIMED, claimed.state());
        String owner = claimed.owner().id();
        String other = owner.equals("U0AINO") ? "U0BOB" : "U0AINO";
        List<LoggedRequest> updates = calls("chat.update");
        assertEquals(1, updates.size(), "the winner's claim updates the alert once");
        JsonNode update = body(updates.get(0));
        assertEquals("C0ALERT", update.path("channel").asText());
        assertEquals(SlackPayloads.ALERT_TS, update.path("ts").asText());
        assertTrue(allText(update).contains("<@" + owner + "> is following up."), allText(update));
        assertEquals(List.of("followup_done", "followup_no_action"), actionIds(update), "the remaining buttons");
        List<LoggedRequest> ephemerals = calls("chat.postEphemeral");
        assertEquals(1, ephemerals.size());
        JsonNode told = body(ephemerals.get(0));
        assertEquals(other, told.path("user").asText());
        assertEquals("C0ALERT", told.path("channel").asText());
        assertEquals("This follow-up is already taken by <@" + owner + ">.", told.path("text").asText());
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void doneOpensTheOutcomeModalAndTheSubmittedOutcomeClosesItAndGoesToTheTicket(TestDatabases.Kind kind) throws Exception {
        SlackService s = start(TestDatabases.open(kind));
        FollowUp f = alerted(s, "502");
        interact(s, SlackPayloads.blockAction("followup_claim", f.id(), "U0AINO", "aino"));
        Eventually.await("claimed", () -> reload(s, f).state() == FollowUpState.CLAIMED);
        assertEquals(200, interact(s, SlackPayloads.blockAction("followup_done", f.id(), "U0AINO", "aino")).statusCode());
        Eventually.await("the modal opened", () -> calls("views.open").size() == 1);
        JsonNode open = body(calls("views.open").get(0));
        assertEquals("13345224609.738474920.8088930838d88f008e0", open.path("trigger_id").asText());
        JsonNode view = open.path("view");
        assertEquals("modal", view.path("type").asText());
        assertEquals("followup_outcome", view.path("callback_id").asText());
        assertEquals(Long.toString(f.id()), view.path("private_metadata").asText());
        assertEquals("plain_text_input", view.at("/blocks/1/element/type").asText());
        assertFalse(view.at("/blocks/1/optional").asBoolean(false), "the outcome is required");

        // Slack requires the field; a blank one sent anyway keeps the modal open with the reason.
        HttpResponse<String> blank = interact(s, SlackPayloads.outcomeSubmission(f.id(), "U0AINO", "aino", "  ", null));
        assertEquals(200, blank.statusCode());
        JsonNode errors = json.readTree(blank.body());
        assertEquals("errors", errors.path("response_action").asText());
        assertTrue(errors.path("errors").has("outcome"), blank.body());
        assertEquals(FollowUpState.CLAIMED, reload(s, f).state());

        HttpResponse<String> submitted = interact(s, SlackPayloads.outcomeSubmission(f.id(), "U0AINO", "aino",
                "Called her; refunded the delivery fee <and> apologised", "yes"));
        assertEquals(200, submitted.statusCode());
        assertEquals("", submitted.body(), "an empty 200 closes the modal");
        Eventually.await("closed", () -> reload(s, f).state() == FollowUpState.CLOSED);
        FollowUp closed = reload(s, f);
        assertEquals("Called her; refunded the delivery fee <and> apologised", closed.outcome());
        assertEquals(Boolean.TRUE, closed.customerReached());
        assertEquals("U0AINO", closed.closedBy().id());
        assertEquals(1, s.runtime().queue().statuses(NoteJob.kind("zendesk")).size(),
                "the Zendesk connector is asked to write the note");
        Eventually.await("the alert shows the outcome", () -> calls("chat.update").stream().anyMatch(
                r -> allText(body(r)).contains("Closed by <@U0AINO> (customer reached): Called her; refunded the delivery fee &lt;and&gt; apologised")));
        JsonNode last = body(calls("chat.update").get(calls("chat.update").size() - 1));
        assertTrue(actionIds(last).isEmpty(), "a closed follow-up has no buttons");

        // A second Done on the closed follow-up opens nothing and says so, only to the clicker.
        interact(s, SlackPayloads.blockAction("followup_done", f.id(), "U0BOB", "bob"));
        Eventually.await("told", () -> calls("chat.postEphemeral").size() == 1);
        assertEquals(1, calls("views.open").size());
        assertTrue(body(calls("chat.postEphemeral").get(0)).path("text").asText().startsWith("This follow-up is already closed."));
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void noActionClosesTheFollowUpWithThatReason(TestDatabases.Kind kind) throws Exception {
        SlackService s = start(TestDatabases.open(kind));
        FollowUp f = alerted(s, "503");
        interact(s, SlackPayloads.blockAction("followup_no_action", f.id(), "U0BOB", "bob"));
        Eventually.await("closed", () -> reload(s, f).state() == FollowUpState.CLOSED);
        assertEquals("No action needed", reload(s, f).outcome());
        assertEquals("bob", reload(s, f).closedBy().name());
        Eventually.await("the alert updated", () -> calls("chat.update").size() == 1);
        JsonNode update = body(calls("chat.update").get(0));
        assertTrue(allText(update).contains("Closed by <@U0BOB>: no action needed."), allText(update));
        assertTrue(actionIds(update).isEmpty());
        assertEquals(0, s.runtime().queue().statuses(NoteJob.kind("zendesk")).size(), "no outcome, no note");
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void aCustomerChangingTheAnswerToAGoodScoreClosesTheFollowUpAndTheAlertSaysSo(TestDatabases.Kind kind) throws Exception {
        SlackService s = start(TestDatabases.open(kind));
        FollowUp f = alerted(s, "504");
        Database db = s.runtime().db();
        // What the rating page does when the customer answers again: a new answer, and the tracker in that transaction.
        db.run(tx -> tx.update("UPDATE answers SET replaced_at = ? WHERE id = ?", clock.millis(), f.answerId()));
        long newer = new Fixture(db).answer(f.surveyId(), 5, "Sorted now, thanks", clock.instant(), false);
        db.run(tx -> {
            new FollowUpTracker(new FollowUpStore(db), s.runtime().queue()).onAnswer(tx, f.surveyId(), newer, "zendesk",
                    "504", Metric.CSAT, 5, false, clock.instant());
        });
        s.runtime().worker().poke();
        Eventually.await("the alert updated", () -> calls("chat.update").size() == 1);
        JsonNode update = body(calls("chat.update").get(0));
        assertTrue(allText(update).contains("Closed on its own: the customer changed the answer to CSAT 5/5."), allText(update));
        assertTrue(allText(update).contains("now CSAT 5/5"), allText(update));
        assertTrue(actionIds(update).isEmpty());
        Eventually.await("said in the thread", () -> calls("chat.postMessage").size() == 2);
        JsonNode thread = body(calls("chat.postMessage").get(1));
        assertEquals(SlackPayloads.ALERT_TS, thread.path("thread_ts").asText());
        assertTrue(thread.path("text").asText().contains("changed the answer to CSAT 5/5"));
        assertEquals(FollowUpState.CLOSED, reload(s, f).state());
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void anUnclaimedFollowUpPastTheSlaGetsOneReminderHoweverManyInstancesRun(TestDatabases.Kind kind) throws Exception {
        String url = TestDatabases.newUrl(kind);
        Database dbA = Database.open(url, null, null);
        // As in the digest test: on SQLite the two instances share one pool, on PostgreSQL each has its own.
        Database dbB = kind == TestDatabases.Kind.SQLITE ? dbA : Database.open(url, null, null);
        SlackService a = start(dbA);
        SlackService b = start(dbB);
        FollowUp waiting = alerted(a, "505");
        FollowUp taken = alerted(a, "506");
        interact(b, SlackPayloads.blockAction("followup_claim", taken.id(), "U0AINO", "aino"));
        Eventually.await("claimed", () -> reload(a, taken).state() == FollowUpState.CLAIMED);
        assertEquals(0, a.reminders().tick() + b.reminders().tick(), "nothing is due before the SLA");

        clock.advance(Duration.ofHours(4).plusMinutes(1));
        int enqueued = a.reminders().tick() + b.reminders().tick() + a.reminders().tick();
        assertEquals(1, enqueued, "one reminder job for the one follow-up still open");
        Eventually.await("reminded", () -> reload(a, waiting).remindedAt() != null);
        assertEquals(0, a.reminders().tick() + b.reminders().tick());
        List<LoggedRequest> threadPosts = slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))
                .withRequestBody(matchingJsonPath("$.thread_ts", equalTo(SlackPayloads.ALERT_TS))));
        assertEquals(1, threadPosts.size());
        assertTrue(body(threadPosts.get(0)).path("text").asText().startsWith(":alarm_clock: Still open after 4 h"));
    }

    @Test
    void forgedStaleAndUnsignedInteractionsAreRefused() throws Exception {
        SlackService s = start(TestDatabases.open(TestDatabases.Kind.SQLITE));
        FollowUp f = alerted(s, "507");
        String body = "payload=" + URLEncoder.encode(SlackPayloads.blockAction("followup_claim", f.id(), "U0EVE", "eve"),
                StandardCharsets.UTF_8);
        String now = Long.toString(clock.instant().getEpochSecond());
        SlackSignatureVerifier verifier = new SlackSignatureVerifier(SECRET, clock);
        HttpResponse<String> forged = signedPost(s, "/slack/interactions", body, now,
                new SlackSignatureVerifier("another-apps-signing-secret", clock).expectedSignature(now, body));
        assertEquals(401, forged.statusCode());
        assertEquals("invalid_signature", json.readTree(forged.body()).path("error").asText());
        String old = Long.toString(clock.instant().getEpochSecond() - 301);
        HttpResponse<String> stale = signedPost(s, "/slack/interactions", body, old, verifier.expectedSignature(old, body));
        assertEquals(401, stale.statusCode());
        assertTrue(json.readTree(stale.body()).path("detail").asText().contains("5 minutes"));
        HttpResponse<String> unsigned = signedPost(s, "/slack/interactions", body, null, null);
        assertEquals(401, unsigned.statusCode());
        HttpResponse<String> altered = signedPost(s, "/slack/interactions", body.replace("U0EVE", "U0AINO"), now,
                verifier.expectedSignature(now, body));
        assertEquals(401, altered.statusCode());
        assertEquals(0, s.runtime().queue().statuses(FollowUpClick.KIND).size(), "nothing refused was acted on");
        assertEquals(FollowUpState.OPEN, reload(s, f).state());
    }

    @Test
    void interactionsAreAnsweredWithinThreeSecondsWhileSlacksApiStalls() throws Exception {
        SlackService s = start(TestDatabases.open(TestDatabases.Kind.SQLITE));
        FollowUp f = alerted(s, "508");
        slack.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(aResponse().withStatus(200).withFixedDelay(4000)
                .withHeader("Content-Type", "application/json").withBody(UPDATED)));
        long started = System.nanoTime();
        HttpResponse<String> answer = interact(s, SlackPayloads.blockAction("followup_claim", f.id(), "U0AINO", "aino"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, answer.statusCode());
        assertTrue(millis < 3000, "answered in " + millis + " ms");
        assertEquals(FollowUpState.CLAIMED, awaitState(s, f, FollowUpState.CLAIMED));
        Eventually.await("the slow chat.update still made", Duration.ofSeconds(15), () -> slack.findAll(
                postRequestedFor(urlEqualTo("/api/chat.update")).withRequestBody(containing("is following up"))).size() == 1);
    }

    private FollowUpState awaitState(SlackService s, FollowUp f, FollowUpState state) {
        Eventually.await("state " + state.id(), () -> reload(s, f).state() == state);
        return reload(s, f).state();
    }
}
