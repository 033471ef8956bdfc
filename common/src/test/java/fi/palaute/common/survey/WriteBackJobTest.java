package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.common.http.HttpService;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobHandler;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.link.AnswerLimits;
import fi.palaute.common.link.LinkSigner;
import fi.palaute.common.link.RatingEndpoint;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.MutableClock;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A write-back interrupted by a crash, and a change the customer makes while the dead process still holds
 * that job's lease: the change gets a job of its own, and when the interrupted job is taken up again it
 * must not write the changed answer too (it did, before: the answer landed twice, as WriteBackCrashIT saw).
 */
class WriteBackJobTest {
    private static final Instant SENT = Instant.parse("2026-03-02T10:00:00Z");
    private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(SENT);
    private final LinkSigner signer = new LinkSigner("a-test-link-secret-that-is-long-enough-0123");
    private final HttpClient client = HttpClient.newHttpClient();
    private Database db;
    private HttpService http;

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @AfterEach
    void stop() {
        if (http != null) http.stop(0);
        if (db != null) db.close();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aChangeMadeWhileAKilledWriteBackHoldsItsLeaseIsWrittenOnce(TestDatabases.Kind kind) throws Exception {
        db = TestDatabases.open(kind);
        JobQueue queue = new JobQueue(db, clock);
        RatingEndpoint rating = new RatingEndpoint(db, queue, signer, TemplateCatalog.load(null, "en"), "csat", "Acme",
                clock, new Metrics(), () -> { });
        http = HttpService.builder().port(0).host("127.0.0.1").get("/r/{token}", rating::show)
                .post("/r/{token}", rating::answer).build().start();
        FakeHelpdesk helpdesk = new FakeHelpdesk();
        JobHandler writeBack = SurveyJobs.writeBack(helpdesk.source())
                .handler(new WriteBackJob(new AnswerStore(db), new SurveyStore(db), helpdesk));
        List<String> kinds = List.of(SurveyJobs.writeBack(helpdesk.source()).name());
        long survey = new SurveyRows(db).sentSurvey(helpdesk.source(), "82", "csat", "en", SENT, null, null);
        String path = "/r/" + signer.token(survey);
        clock.advance(Duration.ofMinutes(3));

        answer(path, 2);
        clock.advance(AnswerLimits.defaults().quietPeriod().plusSeconds(1));
        // A worker takes the write-back and its process is killed before it writes anything.
        assertEquals(1, queue.claim(kinds, 10, LEASE, "worker-killed").size());
        // The customer changes the answer while the dead process still holds the lease.
        answer(path, 4);

        // The lease runs out and the change's job comes due: a restarted worker takes both.
        clock.advance(LEASE.plusSeconds(1));
        List<Job> jobs = queue.claim(kinds, 10, LEASE, "worker-restarted");
        assertEquals(2, jobs.size(), "the interrupted job and the change's");
        for (Job job : jobs) {
            writeBack.handle(job);
            queue.complete(job);
        }

        assertEquals(1, helpdesk.writeBacks.size(), "the current answer written once: " + helpdesk.writeBacks);
        assertEquals(4, helpdesk.writeBacks.get(0).score());
    }

    private void answer(String path, int score) throws Exception {
        String page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .header("User-Agent", BROWSER).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher nonce = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"").matcher(page);
        if (!nonce.find()) throw new AssertionError("no form: " + page);
        String form = "score=" + score + "&nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8) + "&website=";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .header("User-Agent", BROWSER).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        clock.advance(Duration.ofSeconds(20));
    }
}
