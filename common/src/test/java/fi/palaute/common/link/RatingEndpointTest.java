package fi.palaute.common.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.http.HttpService;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.JobQueue;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RatingEndpointTest {
    static final String SECRET = "a-test-link-secret-that-is-long-enough-0123";
    static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";
    static final Instant SENT = Instant.parse("2026-03-02T10:00:00Z");

    private Database db;
    private HttpService http;
    private final MutableClock clock = new MutableClock(SENT);
    private final LinkSigner signer = new LinkSigner(SECRET);
    private final HttpClient client = HttpClient.newHttpClient();
    private SurveyRows rows;

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    private void start(TestDatabases.Kind kind) throws Exception {
        db = TestDatabases.open(kind);
        rows = new SurveyRows(db);
        RatingEndpoint rating = new RatingEndpoint(db, new JobQueue(db, clock), signer, TemplateCatalog.load(null, "en"),
                "csat", "Acme", clock, new Metrics(), () -> { });
        http = HttpService.builder().port(0).host("127.0.0.1")
                .get("/r/{token}", rating::show).post("/r/{token}", rating::answer)
                .get("/r/{token}/hp", rating::honeypot).get("/r/{token}/thanks", rating::thanks).build().start();
    }

    @AfterEach
    void stop() {
        if (http != null) http.stop(0);
        if (db != null) db.close();
    }

    private HttpResponse<String> get(String path, String userAgent) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .header("User-Agent", userAgent).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String userAgent, String... form) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.length; i += 2) {
            if (body.length() > 0) body.append('&');
            body.append(form[i]).append('=').append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
        }
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .header("User-Agent", userAgent).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String nonceIn(String html) {
        Matcher m = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "page has a nonce");
        return m.group(1);
    }

    private long answers() {
        return rows.count("SELECT COUNT(*) FROM answers");
    }

    private long jobs(String kind) {
        return rows.count("SELECT COUNT(*) FROM jobs WHERE kind = ?", kind);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void getOfARatingLinkRecordsNothingAndPostFromThePageDoes(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long survey = rows.sentSurvey("zendesk", "42", "csat", "en", SENT, "Ann", "Tier 1");
        String path = "/r/" + signer.token(survey);

        clock.advance(Duration.ofMinutes(3));
        HttpResponse<String> page = get(path + "?score=4", BROWSER);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("value=\"4\" required checked") || page.body().matches("(?s).*value=\"4\"[^>]*checked.*"),
                "score 4 is pre-selected");
        assertEquals(0, answers(), "a GET records nothing");
        assertEquals(0, jobs("zendesk.writeback"));

        HttpResponse<String> done = post(path, BROWSER, "score", "4", "comment", "Quick and kind", "nonce", nonceIn(page.body()),
                "website", "");
        assertEquals(303, done.statusCode(), "the answer redirects to the thank-you page");
        assertEquals(path + "/thanks", done.headers().firstValue("Location").orElse(null));
        HttpResponse<String> thanks = get(path + "/thanks", BROWSER);
        assertEquals(200, thanks.statusCode());
        assertTrue(thanks.body().contains("Thank you"), thanks.body());
        assertEquals(1, answers());
        assertEquals(1, rows.count("SELECT COUNT(*) FROM answers WHERE score = 4 AND comment = 'Quick and kind' AND suspected_bot = 0 AND agent = 'Ann'"));
        assertEquals(1, jobs("zendesk.writeback"), "the answer is written back to the ticket");
        assertEquals(0, jobs("slack.alert"), "a 4 is no low score");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void forgedOrAlteredTokenShowsAnErrorAndRecordsNothing(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long survey = rows.sentSurvey("zendesk", "42", "csat", "en", SENT, null, null);
        String token = signer.token(survey);
        clock.advance(Duration.ofMinutes(3));
        String nonce = nonceIn(get("/r/" + token + "?score=5", BROWSER).body());

        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String forged = new LinkSigner("another-secret-that-is-also-long-enough-xx").token(survey);
        for (String bad : new String[] {altered, forged, "not-a-token", token + "x"}) {
            assertEquals(404, get("/r/" + bad + "?score=5", BROWSER).statusCode());
            assertEquals(404, post("/r/" + bad, BROWSER, "score", "5", "nonce", nonce).statusCode());
        }
        assertEquals(0, answers());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void laterAnswerReplacesTheEarlierOneWhichIsKept(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long survey = rows.sentSurvey("freshdesk", "9", "csat", "en", SENT, null, null);
        String path = "/r/" + signer.token(survey);
        clock.advance(Duration.ofMinutes(1));
        post(path, BROWSER, "score", "2", "nonce", nonceIn(get(path + "?score=2", BROWSER).body()));
        clock.advance(Duration.ofHours(2));
        post(path, BROWSER, "score", "5", "nonce", nonceIn(get(path + "?score=5", BROWSER).body()));
        assertEquals(2, answers());
        assertEquals(1, rows.count("SELECT COUNT(*) FROM answers WHERE replaced_at IS NULL AND score = 5"));
        assertEquals(1, rows.count("SELECT COUNT(*) FROM answers WHERE replaced_at IS NOT NULL AND score = 2"));
        assertEquals(1, jobs("slack.alert"), "the first answer, a 2, raised one alert");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void expiredSurveyTakesNoAnswer(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long survey = rows.sentSurvey("zendesk", "5", "csat", "en", SENT, null, null);
        String path = "/r/" + signer.token(survey);
        clock.advance(Duration.ofDays(13));
        String nonce = nonceIn(get(path + "?score=3", BROWSER).body());
        clock.advance(Duration.ofDays(1));
        assertEquals(410, get(path + "?score=3", BROWSER).statusCode());
        assertEquals(410, post(path, BROWSER, "score", "3", "nonce", nonce).statusCode());
        assertEquals(0, answers());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void postWithoutTheNonceOrWithAnotherSurveysNonceRecordsNothing(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long mine = rows.sentSurvey("zendesk", "1", "csat", "en", SENT, null, null);
        long other = rows.sentSurvey("zendesk", "2", "csat", "en", SENT, null, null);
        clock.advance(Duration.ofMinutes(5));
        String otherNonce = nonceIn(get("/r/" + signer.token(other) + "?score=1", BROWSER).body());
        String path = "/r/" + signer.token(mine);
        assertEquals(400, post(path, BROWSER, "score", "1").statusCode());
        assertEquals(400, post(path, BROWSER, "score", "1", "nonce", otherNonce).statusCode());
        assertEquals(0, answers());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void automatedLookingAnswersAreKeptFlaggedAndRaiseNoAlert(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long fast = rows.sentSurvey("zendesk", "1", "csat", "en", SENT, null, null);
        long scanner = rows.sentSurvey("zendesk", "2", "csat", "en", SENT, null, null);
        long honeypot = rows.sentSurvey("zendesk", "3", "csat", "en", SENT, null, null);

        clock.advance(Duration.ofSeconds(3));
        String p1 = "/r/" + signer.token(fast);
        post(p1, BROWSER, "score", "1", "nonce", nonceIn(get(p1, BROWSER).body()));

        clock.advance(Duration.ofMinutes(10));
        String p2 = "/r/" + signer.token(scanner);
        String ua = "Mozilla/5.0 (compatible; BingPreview/1.0b) Microsoft Office SafeLinks";
        post(p2, ua, "score", "1", "nonce", nonceIn(get(p2, ua).body()));

        String p3 = "/r/" + signer.token(honeypot);
        post(p3, BROWSER, "score", "1", "website", "http://spam.example", "nonce", nonceIn(get(p3, BROWSER).body()));

        assertEquals(3, answers(), "kept");
        assertEquals(1, rows.count("SELECT COUNT(*) FROM answers WHERE bot_reason = 'answered_within_seconds'"));
        assertEquals(1, rows.count("SELECT COUNT(*) FROM answers WHERE bot_reason = 'scanner_user_agent'"));
        assertEquals(1, rows.count("SELECT COUNT(*) FROM answers WHERE bot_reason = 'honeypot_field'"));
        assertEquals(0, jobs("slack.alert"), "no alert for a machine's answer");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void scoreOutsideTheScaleIsRefused(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long survey = rows.sentSurvey("zendesk", "1", "csat", "en", SENT, null, null);
        String path = "/r/" + signer.token(survey);
        clock.advance(Duration.ofMinutes(1));
        String nonce = nonceIn(get(path + "?score=9", BROWSER).body());
        for (String bad : new String[] {"9", "0", "-1", "four", "' OR 1=1 --"}) {
            assertEquals(400, post(path, BROWSER, "score", bad, "nonce", nonce).statusCode());
        }
        assertEquals(0, answers());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aFormSentManyTimesAtOnceRecordsOneAnswer(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long survey = rows.sentSurvey("zendesk", "77", "csat", "en", SENT, null, null);
        String path = "/r/" + signer.token(survey);
        clock.advance(Duration.ofMinutes(1));
        String nonce = nonceIn(get(path + "?score=5", BROWSER).body());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String score = Integer.toString(1 + i % 5);
            results.add(pool.submit(() -> post(path, BROWSER, "score", score, "nonce", nonce).statusCode()));
        }
        for (var r : results) assertEquals(303, (int) r.get(), "a double click is answered, never a server error");
        pool.shutdown();
        assertEquals(1, answers(), "one form, one answer");
        assertEquals(1, rows.count("SELECT COUNT(*) FROM answers WHERE replaced_at IS NULL"));
        assertEquals(1, jobs("zendesk.writeback"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void simultaneousAnswersFromSeveralFormsLeaveOneCurrentAnswer(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long survey = rows.sentSurvey("zendesk", "78", "csat", "en", SENT, null, null);
        String path = "/r/" + signer.token(survey);
        clock.advance(Duration.ofMinutes(1));
        java.util.List<String> nonces = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) nonces.add(nonceIn(get(path, BROWSER).body()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String score = Integer.toString(1 + i % 5);
            String nonce = nonces.get(i);
            results.add(pool.submit(() -> post(path, BROWSER, "score", score, "nonce", nonce).statusCode()));
        }
        for (var r : results) assertEquals(303, (int) r.get());
        pool.shutdown();
        assertEquals(8, answers());
        assertEquals(1, rows.count("SELECT COUNT(*) FROM answers WHERE replaced_at IS NULL"));
        assertEquals(1, jobs("zendesk.writeback"), "the changes share one write-back");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void reloadAndBackAfterAnAnswerRecordNothingNew(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long survey = rows.sentSurvey("zendesk", "80", "csat", "en", SENT, null, null);
        String path = "/r/" + signer.token(survey);
        clock.advance(Duration.ofMinutes(3));
        String nonce = nonceIn(get(path + "?score=1", BROWSER).body());
        assertEquals(303, post(path, BROWSER, "score", "1", "comment", "Slow", "nonce", nonce).statusCode());

        // Reload of the thank-you page: a GET, nothing recorded.
        for (int i = 0; i < 3; i++) assertEquals(200, get(path + "/thanks", BROWSER).statusCode());
        // Back to the form and send it again (the browser resends what it had): the nonce is spent.
        clock.advance(Duration.ofSeconds(20));
        HttpResponse<String> again = post(path, BROWSER, "score", "1", "comment", "Slow", "nonce", nonce);
        assertEquals(303, again.statusCode());
        assertEquals(path + "/thanks", again.headers().firstValue("Location").orElse(null));

        assertEquals(1, answers());
        assertEquals(1, jobs("zendesk.writeback"));
        assertEquals(1, jobs("slack.alert"));
        assertEquals(1, rows.count("SELECT answer_count FROM surveys WHERE id = ?", survey));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void pageSaysWhenTheSurveyWasAnsweredAndTakesAChange(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long survey = rows.sentSurvey("zendesk", "81", "csat", "en", SENT, null, null);
        String path = "/r/" + signer.token(survey);
        clock.advance(Duration.ofMinutes(3));
        post(path, BROWSER, "score", "2", "comment", "Meh", "nonce", nonceIn(get(path + "?score=2", BROWSER).body()));

        HttpResponse<String> again = get(path, BROWSER);
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("You answered 2 on 2026-03-02. You can change your answer until 2026-03-16"),
                again.body());
        assertTrue(again.body().matches("(?s).*value=\"2\"[^>]*checked.*"), "the answer given is selected");
        assertTrue(again.body().contains(">Meh</textarea>"), "and its comment is in the box");
        String thanks = get(path + "/thanks", BROWSER).body();
        assertTrue(thanks.contains("href=\"" + path + "\"") && thanks.contains("Change my answer"), thanks);

        clock.advance(Duration.ofMinutes(1));
        assertEquals(303, post(path, BROWSER, "score", "4", "nonce", nonceIn(again.body())).statusCode());
        assertEquals(1, rows.count("SELECT COUNT(*) FROM answers WHERE replaced_at IS NULL AND score = 4"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aBurstOfChangesIsOneWriteBackOneAlertAndStopsAtTheLimit(TestDatabases.Kind kind) throws Exception {
        start(kind);
        long survey = rows.sentSurvey("zendesk", "82", "csat", "en", SENT, null, null);
        String path = "/r/" + signer.token(survey);
        clock.advance(Duration.ofMinutes(3));
        Instant last = null;
        String nonce = null;
        for (int i = 0; i < 30; i++) {
            String score = Integer.toString(1 + i % 2);
            String form = get(path, BROWSER).body();
            // Past the limit the page has no form; the sender keeps posting the last nonce it had.
            if (form.contains("name=\"nonce\"")) nonce = nonceIn(form);
            HttpResponse<String> r = post(path, BROWSER, "score", score, "comment", "try " + i, "nonce", nonce);
            assertEquals(303, r.statusCode());
            if (i < AnswerLimits.defaults().maxAnswers()) last = clock.instant();
            clock.advance(Duration.ofMillis(1500));
        }
        int limit = AnswerLimits.defaults().maxAnswers();
        assertEquals(limit, answers(), "the survey took its ten answers and refused the rest");
        assertEquals(1, rows.count("SELECT COUNT(*) FROM answers WHERE replaced_at IS NULL AND comment = 'try 9'"));
        assertEquals(1, jobs("zendesk.writeback"), "one write-back for the burst");
        assertEquals(last.plus(AnswerLimits.defaults().quietPeriod()).toEpochMilli(),
                rows.count("SELECT due_at FROM jobs WHERE kind = 'zendesk.writeback'"), "due a quiet period after the last change");
        assertEquals(1, jobs("slack.alert"), "one low-score alert for the survey");
        String page = get(path, BROWSER).body();
        assertTrue(page.contains("Your answer 2 is recorded. This survey takes no more changes."), page);
        assertTrue(!page.contains("<form"), "no form once the survey takes no more changes");
    }
}
