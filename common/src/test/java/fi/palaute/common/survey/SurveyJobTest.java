package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.client.CallResult;
import fi.palaute.common.client.ApiRetryableException;
import fi.palaute.common.client.VendorRefusal;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.Job;
import fi.palaute.common.link.LinkSigner;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.MutableClock;
import fi.palaute.common.store.TestDatabases;
import fi.palaute.common.survey.SurveyJobs.SurveyDue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SurveyJobTest {
    static final Instant SOLVED = Instant.parse("2026-03-02T10:00:00Z");
    static final Requester CUSTOMER = new Requester("r1", "aino@example.test", "Aino", "en", false);

    private final MutableClock clock = new MutableClock(SOLVED.plusSeconds(30));
    private final FakeHelpdesk helpdesk = new FakeHelpdesk();
    private final Metrics metrics = new Metrics();
    private Database db;
    private SurveyJob job;
    private long jobIds;

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    private void start(TestDatabases.Kind kind) {
        db = TestDatabases.open(kind);
        SurveyStore surveys = new SurveyStore(db);
        job = new SurveyJob(db, helpdesk, TemplateCatalog.load(null, "en"), "csat",
                new SurveyComposer(URI.create("https://palaute.example.test"),
                        new LinkSigner("a-test-link-secret-that-is-long-enough-0123"), "Acme"),
                new SurveyPolicy(surveys, List.of("no_survey"), Duration.ofDays(7), 1.0), Duration.ofDays(14), clock,
                metrics);
    }

    @AfterEach
    void stop() {
        if (db != null) db.close();
    }

    private void solved(String ticketId, Instant solvedAt, String status, boolean solved, boolean closed) {
        helpdesk.tickets.put(ticketId, new TicketSnapshot(ticketId, status, solved, closed, solvedAt, List.of(), CUSTOMER,
                "Agent", "Group", "email", "https://helpdesk.test/tickets/" + ticketId));
    }

    private void run(String ticketId, String eventKey) {
        Job j = new Job(++jobIds, SurveyJobs.survey("fakedesk").name(), "{}", 1, 12, clock.instant(), clock.instant(), "w");
        job.handle(j, new SurveyDue(ticketId, eventKey, SOLVED));
    }

    private String stateAndReason(String ticketId) {
        return db.inTransaction(tx -> tx.queryOne(
                "SELECT state || ':' || COALESCE(suppressed_reason, '') FROM surveys WHERE ticket_id = ? ORDER BY id DESC",
                rs -> rs.getString(1), ticketId)).orElse("none");
    }

    private long count(String sql, Object... params) {
        return db.inTransaction(tx -> tx.queryLong(sql, params));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void solvedTicketGetsOneSurveyAndItsOutcomeHoweverOftenTheJobRuns(TestDatabases.Kind kind) {
        start(kind);
        solved("7", SOLVED, "solved", true, false);
        run("7", "e1");
        run("7", "e2");
        assertEquals(1, helpdesk.repliesOn("7"), "a second delivery of the same solve posts nothing");
        assertEquals("sent:", stateAndReason("7"));
        assertEquals(1, count("SELECT COUNT(*) FROM ticket_outcomes WHERE ticket_id = ? AND fcr = 1 AND handle_time_seconds = 600", "7"));
        assertEquals(1, count("SELECT COUNT(*) FROM surveys WHERE ticket_id = ? AND expires_at = ?", "7",
                clock.instant().plus(Duration.ofDays(14)).toEpochMilli()), "answerable for the answer window");
        assertTrue(metrics.scrape().contains("palaute_surveys_duplicate_total{source=\"fakedesk\"} 1"), metrics.scrape());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void reopenAndNewSolveIsANewCycleWithItsOwnSurvey(TestDatabases.Kind kind) {
        start(kind);
        solved("7", SOLVED, "solved", true, false);
        run("7", "e1");
        clock.advance(Duration.ofDays(8));
        solved("7", SOLVED.plus(Duration.ofDays(8)), "solved", true, false);
        run("7", "e2");
        assertEquals(2, helpdesk.repliesOn("7"));
        assertEquals(2, count("SELECT COUNT(*) FROM surveys WHERE ticket_id = ? AND state = 'sent'", "7"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void ticketNoLongerSolvedIsSuppressedWithItsStatusAndNoOutcome(TestDatabases.Kind kind) {
        start(kind);
        solved("8", null, "open", false, false);
        run("8", "e1");
        assertEquals(0, helpdesk.repliesOn("8"));
        assertEquals("suppressed:not_solved: status is open", stateAndReason("8"));
        assertEquals(0, helpdesk.outcomeReads, "no metrics are read for a ticket that is not solved");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void ticketThatCannotTakeAReplyIsSuppressedButItsOutcomeRecorded(TestDatabases.Kind kind) {
        start(kind);
        solved("9", SOLVED, "closed", true, true);
        helpdesk.cannotReply = "ticket_closed: closed tickets take no replies";
        run("9", "e1");
        assertEquals(0, helpdesk.repliesOn("9"));
        assertEquals("suppressed:ticket_closed: closed tickets take no replies", stateAndReason("9"));
        assertEquals(1, count("SELECT COUNT(*) FROM ticket_outcomes WHERE ticket_id = ?", "9"));
        assertTrue(metrics.scrape().contains(
                "palaute_surveys_total{source=\"fakedesk\",outcome=\"suppressed\",reason=\"ticket_closed\"} 1"), metrics.scrape());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void replyTheHelpdeskRefusesIsRecordedAsSuppressedNotRetried(TestDatabases.Kind kind) {
        start(kind);
        solved("10", SOLVED, "solved", true, false);
        helpdesk.nextPostFails = () -> new CallResult.Dead<>(new VendorRefusal("fakedesk", "POST", "/tickets/10/reply",
                422, "requester is blocked", null));
        run("10", "e1");
        assertTrue(stateAndReason("10").startsWith("suppressed:rejected: "), stateAndReason("10"));
        assertTrue(stateAndReason("10").contains("requester is blocked"), stateAndReason("10"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void ticketClosedBeforeTheReplyIsSuppressedAsClosedNotRetried(TestDatabases.Kind kind) {
        start(kind);
        solved("13", SOLVED, "solved", true, false);
        helpdesk.nextPostFails = () -> new CallResult.TicketClosed<>(new VendorRefusal("fakedesk", "PUT", "/tickets/13",
                422, "Status: closed prevents ticket update", null));
        run("13", "e1");
        assertTrue(stateAndReason("13").startsWith("suppressed:ticket_closed: "), stateAndReason("13"));
        assertTrue(metrics.scrape().contains(
                "palaute_surveys_total{source=\"fakedesk\",outcome=\"suppressed\",reason=\"ticket_closed\"} 1"), metrics.scrape());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void retryAfterAReplyThatLandedDespiteAnErrorDoesNotPostTwice(TestDatabases.Kind kind) {
        start(kind);
        solved("11", SOLVED, "solved", true, false);
        helpdesk.nextPostFails = () -> new CallResult.RetryLater<>(0, "read timed out", null);
        helpdesk.nextFailureLands = true;
        assertThrows(ApiRetryableException.class, () -> run("11", "e1"));
        assertEquals("sending:", stateAndReason("11"), "the job retries; the survey waits in sending");
        run("11", "e1");
        assertEquals(1, helpdesk.repliesOn("11"), "the retry finds the reply by its marker");
        assertEquals("sent:", stateAndReason("11"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void retryAfterAReplyThatDidNotLandPostsIt(TestDatabases.Kind kind) {
        start(kind);
        solved("12", SOLVED, "solved", true, false);
        helpdesk.nextPostFails = () -> new CallResult.RetryLater<>(503, "unavailable", null);
        assertThrows(ApiRetryableException.class, () -> run("12", "e1"));
        run("12", "e1");
        assertEquals(1, helpdesk.repliesOn("12"));
        assertEquals("sent:", stateAndReason("12"));
    }
}
