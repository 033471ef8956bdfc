package fi.palaute.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.Settings;
import fi.palaute.common.followup.FollowUp;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.Backoff;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.job.JobState;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.job.RetryLaterException;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.Eventually;
import fi.palaute.common.store.TestDatabases;
import fi.palaute.common.store.TickingClock;
import fi.palaute.common.survey.SurveyJobs;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #17, Slack exactly once: chat.postMessage has no idempotency key, so a post whose answer is lost
 * (Slack took the message, the connection broke before its answer came) must not be posted again. Slack is
 * {@link SlackFake}: it keeps each message, with its metadata, when the request arrives, and lists them in
 * conversations.history / conversations.replies as Slack documents.
 */
class SlackExactlyOnceTest {
    private static final String ALERTS = "C0ALERTS";
    private static final String DIGESTS = "C0DIGEST";

    private final TickingClock clock = new TickingClock(Instant.now());
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    private SlackFake slack() {
        SlackFake fake = new SlackFake();
        open.add(fake);
        return fake;
    }

    private SlackService start(SlackFake slack, Database db) throws Exception {
        return start(slack, db, false);
    }

    /** With {@code digests}, the digest channel is set and the scheduler enqueues today's digest. */
    private SlackService start(SlackFake slack, Database db, boolean digests) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("SLACK_ALERT_CHANNEL", ALERTS);
        if (digests) env.put("SLACK_DIGEST_CHANNEL", DIGESTS);
        JobWorker.Options fast = JobWorker.Options.defaults().withThreads(2).withPollInterval(Duration.ofMillis(50))
                .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofMillis(500), 0.1));
        SlackService s = SlackService.start(SlackSettings.from(new Settings(env)), new ServiceSettings(0, Optional.empty()),
                db, clock, fast, Duration.ofHours(1));
        open.add(s);
        return s;
    }

    private long lowAnswer(Database db, String ticketId) {
        return new Fixture(db).answered("zendesk", ticketId, "csat", 1, "Nobody called me back",
                clock.instant().minusSeconds(60), "Aino", "Support");
    }

    private static long surveyOf(Database db, long answer) {
        return db.read(tx -> tx.queryLong("SELECT survey_id FROM answers WHERE id = ?", answer));
    }

    private static void awaitFinished(JobQueue queue) {
        Eventually.await("every job done or dead", Duration.ofSeconds(30), () -> queue.statuses(AlertJob.KIND).stream()
                .allMatch(j -> j.state() == JobState.DONE || j.state() == JobState.DEAD)
                && queue.statuses(DigestJob.KIND).stream().allMatch(j -> j.state() == JobState.DONE || j.state() == JobState.DEAD));
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void alertsAndADigestWhoseAnswersWereLostArePostedExactlyOnce(TestDatabases.Kind kind) throws Exception {
        SlackFake slack = slack();
        slack.dropFirstAnswerOfEachJob();
        Database db = TestDatabases.open(kind);
        SlackService service = start(slack, db, true);
        JobQueue queue = service.runtime().queue();
        List<Long> answers = List.of(lowAnswer(db, "801"), lowAnswer(db, "802"), lowAnswer(db, "803"));
        for (long a : answers) queue.enqueue(AlertJob.KIND.request(new SurveyJobs.AnswerRef(a), Instant.EPOCH));
        DigestPeriod day = DigestPeriod.completeBefore(PeriodKind.DAY, clock.instant(), ZoneOffset.UTC);
        DigestJob.Payload digest = DigestJob.Payload.of(DIGESTS, day);
        queue.enqueue(DigestJob.KIND.request(digest, Instant.EPOCH));
        service.runtime().worker().poke();
        awaitFinished(queue);

        assertTrue(queue.statuses(AlertJob.KIND).stream().allMatch(j -> j.state() == JobState.DONE && j.attempts() == 2),
                "each alert job retried once after its lost answer: " + queue.statuses(AlertJob.KIND));
        assertEquals(JobState.DONE, queue.statuses(DigestJob.KIND).get(0).state());
        Map<String, Long> alertsByJob = slack.messagesTo(ALERTS).stream()
                .collect(Collectors.groupingBy(m -> m.jobKey().orElse("(none)"), Collectors.counting()));
        Map<String, Long> expected = new HashMap<>();
        for (long a : answers) expected.put(SurveyJobs.alertKey(surveyOf(db, a)), 1L);
        assertEquals(expected, alertsByJob, "one message per alert in the channel");
        List<SlackFake.Message> digests = slack.messagesTo(DIGESTS);
        assertEquals(1, digests.size(), "one digest in the channel");
        assertEquals(DigestJob.KIND.dedupeKey(digest), digests.get(0).jobKey().orElseThrow());
        assertEquals("palaute_digest", digests.get(0).eventType());
        assertTrue(slack.messagesTo(ALERTS).stream().allMatch(m -> m.eventType().equals("palaute_alert")));
        long twice = alertsByJob.values().stream().filter(n -> n > 1).count() + (digests.size() > 1 ? 1 : 0);
        long lost = answers.size() - alertsByJob.size() + (digests.isEmpty() ? 1 : 0);
        System.out.printf("slack exactly once on %s: %d alerts and 1 digest, the answer to each first post dropped "
                        + "(connection reset after the message landed); %d chat.postMessage calls, %d history look-ups, "
                        + "%d messages in the channels; lost %d, twice %d%n", kind, answers.size(), slack.postsReceived(),
                slack.historyCalls(), slack.messages().size(), lost, twice);
        assertEquals(4, slack.postsReceived(), "each message sent once: the retries found it in the history");
        assertEquals(4, slack.historyCalls(), "one history look-up per lost answer");

        // What was found in the history is what the service records: the alert it will update, the digest's ts.
        FollowUpStore followUps = new FollowUpStore(db);
        for (long answer : answers) {
            FollowUp f = followUps.ensureFor(answer);
            SlackFake.Message m = slack.messagesTo(ALERTS).stream()
                    .filter(x -> x.jobKey().orElseThrow().equals(SurveyJobs.alertKey(f.surveyId()))).findFirst().orElseThrow();
            assertEquals(m.ts(), f.alertTs(), "the follow-up carries the ts of the message found");
        }
        assertEquals(digests.get(0).ts(), db.read(tx -> tx.queryOne("SELECT message_ts FROM digests WHERE channel = ?",
                rs -> rs.getString(1), DIGESTS)).orElseThrow());
    }

    @Test
    void withoutTheHistoryScopeALostAnswerMeansAPostAtLeastOnce() throws Exception {
        SlackFake slack = slack();
        slack.dropFirstAnswerOfEachJob();
        slack.withoutHistoryScope();
        Database db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        SlackService service = start(slack, db);
        long answer = lowAnswer(db, "811");
        service.runtime().queue().enqueue(AlertJob.KIND.request(new SurveyJobs.AnswerRef(answer), Instant.EPOCH));
        service.runtime().worker().poke();
        awaitFinished(service.runtime().queue());

        assertEquals(JobState.DONE, service.runtime().queue().statuses(AlertJob.KIND).get(0).state());
        assertEquals(1, slack.historyCalls(), "the history was tried");
        assertEquals(2, slack.messagesTo(ALERTS).size(), "not found without the scope, so posted again: at least once");
        assertEquals(1, service.runtime().metrics().counter("palaute_slack_post_checks_total", "outcome", "unchecked"));
    }

    @Test
    void aRefusedPostGoesDeadWithoutReadingTheHistory() throws Exception {
        SlackFake slack = slack();
        slack.refusePostsTo(ALERTS, "channel_not_found");
        Database db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        SlackService service = start(slack, db);
        service.runtime().queue().enqueue(AlertJob.KIND.request(new SurveyJobs.AnswerRef(lowAnswer(db, "821")), Instant.EPOCH));
        service.runtime().worker().poke();
        awaitFinished(service.runtime().queue());

        JobQueue.JobStatus job = service.runtime().queue().statuses(AlertJob.KIND).get(0);
        assertEquals(JobState.DEAD, job.state());
        assertTrue(job.lastError().contains("channel_not_found"), job.lastError());
        assertEquals(1, slack.postsReceived());
        assertEquals(0, slack.historyCalls(), "Slack said no: nothing to look for");
    }

    @Test
    void aRateLimitedPostIsRetriedWithoutReadingTheHistory() throws Exception {
        SlackFake slack = slack();
        slack.rateLimitNextPosts(1);
        Database db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        SlackService service = start(slack, db);
        service.runtime().queue().enqueue(AlertJob.KIND.request(new SurveyJobs.AnswerRef(lowAnswer(db, "831")), Instant.EPOCH));
        service.runtime().worker().poke();
        awaitFinished(service.runtime().queue());

        assertEquals(JobState.DONE, service.runtime().queue().statuses(AlertJob.KIND).get(0).state());
        assertEquals(2, slack.postsReceived(), "the 429 and the post that landed");
        assertEquals(1, slack.messagesTo(ALERTS).size());
        assertEquals(0, slack.historyCalls(), "a 429 is answered before anything is posted: nothing to look for");
    }

    @Test
    void anAlertFoundAfterANewerAnswerTookItsPlaceIsRedrawnNotPostedAgain() throws Exception {
        SlackFake slack = slack();
        Database db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        Fixture fixture = new Fixture(db);
        long survey = fixture.survey("zendesk", "841", "csat", clock.instant().minusSeconds(7200), "Aino", "Support");
        long first = fixture.answer(survey, 2, "Slow answer", clock.instant().minusSeconds(60), false);
        Metrics metrics = new Metrics();
        SlackClient client = new SlackClient(slack.apiUrl(), "xoxb-test-token", metrics, clock);
        FollowUpStore followUps = new FollowUpStore(db);
        AlertJob alerts = new AlertJob(new AnswerLookup(db), followUps, client,
                new OncePerJobPoster(client, new SlackPostStore(db), metrics, clock), new AlertComposer(ZoneOffset.UTC),
                Optional.of(ALERTS));
        fi.palaute.common.job.Job job = new fi.palaute.common.job.Job(1, AlertJob.KIND.name(), "{}", 1, 5,
                clock.instant(), clock.instant(), "worker-test");

        slack.dropAnswersToNextPosts(1);
        assertThrows(RetryLaterException.class, () -> alerts.handle(job, new SurveyJobs.AnswerRef(first)));
        // Before the retry the customer changes the answer, and the waiting job now carries the newer one.
        db.run(tx -> tx.update("UPDATE answers SET replaced_at = ? WHERE id = ?", clock.instant(), first));
        long second = fixture.answer(survey, 1, "Nobody called me back", clock.instant(), false);
        alerts.handle(job, new SurveyJobs.AnswerRef(second));

        assertEquals(1, slack.messagesTo(ALERTS).size(), "the survey's one alert");
        SlackFake.Message m = slack.messagesTo(ALERTS).get(0);
        assertEquals(SurveyJobs.alertKey(survey), m.jobKey().orElseThrow());
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> updates = slack.server().findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/chat.update")));
        assertEquals(1, updates.size(), "the message found is redrawn");
        assertTrue(updates.get(0).getBodyAsString().contains("Nobody called me back")
                && updates.get(0).getBodyAsString().contains(m.ts()), updates.get(0).getBodyAsString());
        assertEquals(m.ts(), followUps.ensureFor(second).alertTs());
    }

    @Test
    void postRecordsGoWithTheRetentionAndNoSooner() {
        Database db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        SlackPostStore store = new SlackPostStore(db);
        Instant old = clock.instant().minus(Duration.ofDays(40));
        store.beginAttempt("alert:1", "palaute_alert", ALERTS, null, old);
        store.markPosted("alert:1", "1700000000.000100", old);
        store.beginAttempt("alert:2", "palaute_alert", ALERTS, null, clock.instant());
        store.markPosted("alert:2", "1700000001.000100", clock.instant());
        assertEquals(1, store.deleteBefore(clock.instant().minus(Duration.ofDays(30)), 500));
        assertTrue(store.find("alert:1").isEmpty());
        assertEquals(SlackPostState.POSTED, store.find("alert:2").orElseThrow().state());
    }

    @Test
    void aThreadReplyWhoseAnswerWasLostIsFoundInTheThread() throws Exception {
        SlackFake slack = slack();
        Database db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        Metrics metrics = new Metrics();
        SlackClient client = new SlackClient(slack.apiUrl(), "xoxb-test-token", metrics, clock);
        OncePerJobPoster poster = new OncePerJobPoster(client, new SlackPostStore(db), metrics, clock);
        SlackMessage text = new SlackMessage("parent", List.of(new Block.Section("parent")));
        PostedMessage parent = client.postMessage(new PostMessage(ALERTS, text));
        PostMessage reply = new PostMessage(ALERTS, new SlackMessage("Still open", List.of(new Block.Section("Still open"))),
                parent.ts());

        slack.dropAnswersToNextPosts(1);
        assertThrows(RetryLaterException.class, () -> poster.post("followup-reminder:7", PostEvent.REMINDER, reply));
        OncePerJobPoster.Posted found = poster.post("followup-reminder:7", PostEvent.REMINDER, reply);
        OncePerJobPoster.Posted again = poster.post("followup-reminder:7", PostEvent.REMINDER, reply);
        assertTrue(found.byEarlierAttempt() && again.byEarlierAttempt());

        List<SlackFake.Message> replies = slack.messagesTo(ALERTS).stream().filter(m -> parent.ts().equals(m.threadTs())).toList();
        assertEquals(1, replies.size(), "one reply in the thread");
        assertEquals(replies.get(0).ts(), found.ts());
        assertEquals(found, again, "a job run again after it posted does not call Slack");
        assertEquals("palaute_reminder", replies.get(0).eventType());
        assertEquals(2, slack.postsReceived(), "the parent, and the reply once");
        assertEquals(1, slack.historyCalls());
    }
}
