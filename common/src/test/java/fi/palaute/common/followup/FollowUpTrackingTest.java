package fi.palaute.common.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.http.AdminApi;
import fi.palaute.common.http.HttpService;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.link.LinkSigner;
import fi.palaute.common.link.RatingEndpoint;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.MutableClock;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import fi.palaute.common.survey.TemplateCatalog;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Follow-ups opened and closed by customers' answers on the rating page, as GET /api/followups and /api/summary show them. */
class FollowUpTrackingTest {
    static final String SECRET = "a-test-link-secret-that-is-long-enough-0123";
    static final String TOKEN = "admin-token-0123456789";
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";
    static final Instant SENT = Instant.parse("2026-03-02T10:00:00Z");

    private final MutableClock clock = new MutableClock(SENT);
    private final LinkSigner signer = new LinkSigner(SECRET);
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Database db;
    private HttpService http;
    private SurveyRows rows;

    private void start(TestDatabases.Kind kind) throws Exception {
        db = TestDatabases.open(kind);
        rows = new SurveyRows(db);
        RatingEndpoint rating = new RatingEndpoint(db, new JobQueue(db, clock), signer, TemplateCatalog.load(null, "en"),
                "csat", "Acme", clock, new Metrics(), () -> { });
        HttpService.Builder b = HttpService.builder().port(0).host("127.0.0.1")
                .get("/r/{token}", rating::show).post("/r/{token}", rating::answer);
        new AdminApi(db, Optional.of(TOKEN), clock, Duration.ofHours(4)).register(b);
        http = b.build().start();
    }

    @AfterEach
    void stop() {
        if (http != null) http.stop(0);
        if (db != null) db.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + http.port() + path);
    }

    /** Opens the rating page and confirms the score, as the customer does. */
    private void answer(long survey, int score, String comment) throws Exception {
        String path = "/r/" + signer.token(survey);
        String page = send(HttpRequest.newBuilder(uri(path + "?score=" + score)).header("User-Agent", BROWSER)).body();
        Matcher m = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "the page has a nonce");
        String form = "score=" + score + "&comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8) + "&nonce="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&website=";
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("User-Agent", BROWSER)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(303, r.statusCode(), "the answer redirects to the thank-you page: " + r.body());
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN));
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void lowAnswerOpensOneFollowUpThatAGoodChangedAnswerClosesAndSaysSo(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long survey = rows.sentSurvey("zendesk", "42", "csat", "en", SENT, "Ann", "Tier 1");
        clock.advance(Duration.ofMinutes(5));
        answer(survey, 1, "Nobody called back");

        JsonNode open = api("/api/followups?state=open").get("followups");
        assertEquals(1, open.size(), open.toString());
        JsonNode f = open.get(0);
        assertEquals("zendesk", f.get("source").asText());
        assertEquals("42", f.get("ticket_id").asText());
        assertEquals("https://example.test/tickets/42", f.get("ticket_url").asText());
        assertEquals("csat", f.get("metric").asText());
        assertEquals(1, f.get("score").asInt());
        assertEquals("Nobody called back", f.get("comment").asText());
        assertEquals("Ann", f.get("agent").asText());
        assertEquals("open", f.get("state").asText());
        assertTrue(f.get("owner").isNull());
        assertEquals("2026-03-02T10:05:00Z", f.get("created_at").asText());
        assertTrue(f.get("claimed_at").isNull() && f.get("closed_at").isNull() && f.get("outcome").isNull());

        clock.advance(Duration.ofMinutes(1));
        answer(survey, 2, "Still nobody");
        JsonNode all = api("/api/followups").get("followups");
        assertEquals(1, all.size(), "one follow-up per survey, following its latest answer");
        assertEquals(2, all.get(0).get("score").asInt());

        long id = all.get(0).get("id").asLong();
        clock.advance(Duration.ofMinutes(30));
        assertTrue(new FollowUpStore(db).claim(id, new Actor("U1", "aino"), clock.instant()));
        JsonNode claimed = api("/api/followups?state=claimed").get("followups");
        assertEquals("aino", claimed.get(0).get("owner").asText());
        assertEquals(0, api("/api/followups?state=open").get("followups").size());

        clock.advance(Duration.ofMinutes(10));
        answer(survey, 5, "They fixed it after all");
        JsonNode closed = api("/api/followups?state=closed").get("followups");
        assertEquals(1, closed.size());
        assertEquals("Closed on its own: the customer changed the answer to CSAT 5/5.", closed.get(0).get("outcome").asText());
        assertEquals("2026-03-02T10:46:00Z", closed.get(0).get("closed_at").asText());
        assertEquals(1, rows.count("SELECT COUNT(*) FROM jobs WHERE kind = ? AND payload LIKE ?", AlertUpdateJob.KIND.name(),
                "%changed the answer%"), "Slack is asked to say so on the alert");

        JsonNode summary = api("/api/summary?from=2026-03-02&to=2026-03-03").get("followups");
        assertEquals(1, summary.get("n").asLong());
        assertEquals(1, summary.get("claimed").asLong());
        assertEquals(1, summary.get("closed").asLong());
        assertEquals(31.0, summary.get("median_minutes_to_claim").asDouble(), 1e-9);
        assertEquals(41.0, summary.get("median_minutes_to_close").asDouble(), 1e-9);
        assertEquals(1, summary.get("within_sla").asLong());
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void goodAndMiddlingAnswersOpenNoFollowUpAndAnUnknownStateIsABadRequest(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long good = rows.sentSurvey("zendesk", "1", "csat", "en", SENT, "Ann", "Tier 1");
        long middling = rows.sentSurvey("zendesk", "2", "csat", "en", SENT, "Ann", "Tier 1");
        clock.advance(Duration.ofMinutes(5));
        answer(good, 5, "");
        answer(middling, 3, "");
        assertEquals(0, api("/api/followups").get("followups").size());
        JsonNode summary = api("/api/summary?from=2026-03-02&to=2026-03-03").get("followups");
        assertEquals(0, summary.get("n").asLong());
        assertTrue(summary.get("median_minutes_to_claim").isNull());

        HttpResponse<String> bad = send(HttpRequest.newBuilder(uri("/api/followups?state=pending"))
                .header("Authorization", "Bearer " + TOKEN));
        assertEquals(400, bad.statusCode());
        JsonNode error = json.readTree(bad.body());
        assertEquals("bad_parameter", error.get("error").asText());
        assertEquals("state must be open, claimed or closed", error.get("detail").asText());
        assertEquals(401, send(HttpRequest.newBuilder(uri("/api/followups"))).statusCode());
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void followUpsPastTheSlaAreCountedAndOnlyTheFirstClaimWins(TestDatabases.Kind kind) throws Exception {
        start(kind);
        FollowUpStore store = new FollowUpStore(db);
        long late = rows.sentSurvey("freshdesk", "7", "nps", "en", SENT, "Bob", "Tier 2");
        long waiting = rows.sentSurvey("freshdesk", "8", "ces", "en", SENT, "Bob", "Tier 2");
        clock.advance(Duration.ofMinutes(5));
        answer(late, 3, "meh");
        answer(waiting, 2, "hard");
        long lateId = api("/api/followups").get("followups").get(1).get("id").asLong();
        clock.advance(Duration.ofHours(5));
        assertTrue(store.claim(lateId, new Actor("U2", "bob"), clock.instant()));
        assertFalse(store.claim(lateId, new Actor("U3", "carol"), clock.instant()), "a second claim loses");
        assertEquals("bob", store.find(lateId).orElseThrow().owner().name());
        FollowUpSummary s = store.summary(SENT, SENT.plus(Duration.ofDays(1)), Duration.ofHours(4), clock.instant());
        assertEquals(2, s.n());
        assertEquals(1, s.followedUp());
        assertEquals(0, s.withinSla());
        assertEquals(2, s.pastSla(), "one claimed late, one still waiting past the SLA");
        assertEquals(300.0, s.medianMinutesToClaim(), 1e-9);
    }
}
