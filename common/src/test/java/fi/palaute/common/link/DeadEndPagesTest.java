package fi.palaute.common.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages where a customer's visit ends without a form: a forged or cut-short link, a closed survey, the
 * site's root. Each says what happened and what to do next, in the survey's language when the link names
 * a survey and in the browser's otherwise.
 */
class DeadEndPagesTest {
    static final Instant SENT = Instant.parse("2026-03-02T10:00:00Z");
    static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    static final String REPLY_EN = "reply to the email about your request";
    static final String REPLY_FI = "vastaa pyyntöäsi koskevaan sähköpostiin";

    private final MutableClock clock = new MutableClock(SENT);
    private final LinkSigner signer = new LinkSigner(RatingEndpointTest.SECRET);
    private final HttpClient client = HttpClient.newHttpClient();
    private Database db;
    private SurveyRows rows;
    private HttpService http;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        rows = new SurveyRows(db);
        RatingEndpoint rating = new RatingEndpoint(db, new JobQueue(db, clock), signer, TemplateCatalog.load(null, "en"),
                "csat", "Acme", clock, new Metrics(), () -> { });
        http = HttpService.builder().port(0).host("127.0.0.1")
                .get("/", rating::landing).get("/r/", rating::landing)
                .get("/r/{token}", rating::show).post("/r/{token}", rating::answer).build().start();
    }

    @AfterEach
    void stop() {
        if (http != null) http.stop(0);
        if (db != null) db.close();
    }

    @Test
    void forgedLinkInEnglishSaysToReplyToTheEmail() throws Exception {
        HttpResponse<String> r = get("/r/forged.token", HTML, "en-GB,en;q=0.9");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("<html lang=\"en\">"), r.body());
        assertTrue(r.body().contains("<h1>This link does not work</h1>"), r.body());
        assertTrue(r.body().contains(REPLY_EN), r.body());
    }

    @Test
    void forgedLinkInAFinnishBrowserIsFinnish() throws Exception {
        HttpResponse<String> r = get("/r/forged.token", HTML, "fi-FI,fi;q=0.9,en-US;q=0.8,en;q=0.7");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("<html lang=\"fi\">"), r.body());
        assertTrue(r.body().contains("<h1>Tämä linkki ei toimi</h1>"), r.body());
        assertTrue(r.body().contains(REPLY_FI), r.body());
    }

    @Test
    void truncatedLinkInAFinnishBrowserIsFinnish() throws Exception {
        String token = signer.token(rows.sentSurvey("zendesk", "7", "csat", "fi", SENT, null, null));
        HttpResponse<String> r = get("/r/" + token.substring(0, token.length() - 5), HTML, "en;q=0.5,fi");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("<h1>Tämä linkki ei toimi</h1>"), r.body());
    }

    @Test
    void expiredSurveyInEnglishSaysItClosedAndToReply() throws Exception {
        String path = "/r/" + signer.token(rows.sentSurvey("zendesk", "5", "csat", "en", SENT, null, null));
        clock.advance(Duration.ofDays(15));
        HttpResponse<String> r = get(path, HTML, "fi");
        assertEquals(410, r.statusCode());
        assertTrue(r.body().contains("<html lang=\"en\">"), "the survey's language, not the browser's: " + r.body());
        assertTrue(r.body().contains("<h1>The time to answer has passed</h1>"), r.body());
        assertTrue(r.body().contains(REPLY_EN), r.body());
    }

    @Test
    void expiredSurveyInFinnishSaysItClosedAndToReply() throws Exception {
        String path = "/r/" + signer.token(rows.sentSurvey("zendesk", "6", "nps", "fi", SENT, null, null));
        clock.advance(Duration.ofDays(15));
        HttpResponse<String> r = get(path, HTML, "en-US,en");
        assertEquals(410, r.statusCode());
        assertTrue(r.body().contains("<html lang=\"fi\">"), r.body());
        assertTrue(r.body().contains("<h1>Vastausaika on päättynyt</h1>"), r.body());
        assertTrue(r.body().contains(REPLY_FI), r.body());
    }

    @Test
    void rootAnswersABrowserWithAPageInItsLanguage() throws Exception {
        HttpResponse<String> en = get("/", HTML, "en-US,en");
        assertEquals(200, en.statusCode());
        assertTrue(en.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(en.body().contains("<h1>Customer feedback</h1>"), en.body());
        HttpResponse<String> fi = get("/", HTML, "fi");
        assertTrue(fi.body().contains("<h1>Asiakaspalaute</h1>"), fi.body());
    }

    @Test
    void rootAndBareRatingPathAnswerJsonToAnythingButABrowser() throws Exception {
        for (String path : new String[] {"/", "/r/"}) {
            HttpResponse<String> r = get(path, "application/json", "fi");
            assertEquals(404, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            assertTrue(r.body().contains("\"error\":\"not_found\""), r.body());
        }
    }

    @Test
    void bareRatingPathInEnglishAndFinnishIsAPage() throws Exception {
        HttpResponse<String> en = get("/r/", HTML, "en");
        assertEquals(404, en.statusCode());
        assertTrue(en.body().contains("open the link in the survey email"), en.body());
        HttpResponse<String> fi = get("/r/", HTML, "fi-FI");
        assertEquals(404, fi.statusCode());
        assertTrue(fi.body().contains("<html lang=\"fi\">"), fi.body());
        assertFalse(fi.body().contains("{\"error\""));
    }

    private HttpResponse<String> get(String path, String accept, String acceptLanguage) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .header("Accept", accept).header("Accept-Language", acceptLanguage)
                .header("User-Agent", RatingEndpointTest.BROWSER).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
