package fi.palaute.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.Settings;
import fi.palaute.common.job.Backoff;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.job.JobState;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.Eventually;
import fi.palaute.common.store.TestDatabases;
import fi.palaute.common.store.TickingClock;
import fi.palaute.common.survey.SurveyJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #17, vendor storms: two Slack services share one database (SQLite, PostgreSQL) and one Slack that
 * fails in every way at once while 30 low-score alerts go out: 429 with Retry-After, 503 and 500, resets
 * before the message landed, and answers lost after it landed. Every alert is posted once, no job dies, and
 * the calls are counted against the minimum (one chat.postMessage per alert).
 */
class SlackStormTest {
    private static final String ALERTS = "C0ALERTS";
    private static final int ALERT_COUNT = 30;

    private final TickingClock clock = new TickingClock(Instant.now());
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    private SlackService start(SlackFake slack, Database db) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("SLACK_ALERT_CHANNEL", ALERTS);
        JobWorker.Options fast = JobWorker.Options.defaults().withThreads(2).withPollInterval(Duration.ofMillis(50))
                .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofMillis(500), 0.1));
        SlackService s = SlackService.start(SlackSettings.from(new Settings(env)), new ServiceSettings(0, Optional.empty()),
                db, clock, fast, Duration.ofHours(1));
        open.add(s);
        return s;
    }

    private static ResponseDefinitionBuilder status(int code) {
        return aResponse().withStatus(code).withHeader("Content-Type", "text/html").withBody("<html>" + code + "</html>");
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void twoServicesPostEveryAlertOnceThroughASlackStorm(TestDatabases.Kind kind) throws Exception {
        SlackFake slack = new SlackFake();
        open.add(slack);
        // The first posts meet, in turn: 503, 500, a reset before Slack took the message (none of them land).
        ResponseDefinitionBuilder[] failures = {status(503), status(500), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)};
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String next = i == failures.length - 1 ? "recovered" : "failed-" + (i + 1);
            slack.server().stubFor(post(urlPathEqualTo("/api/chat.postMessage")).atPriority(1).inScenario("storm")
                    .whenScenarioStateIs(state).willReturn(failures[i]).willSetStateTo(next));
            state = next;
        }
        // Then three posts are rate limited (429, Retry-After 1) and three land with their answers lost.
        slack.rateLimitNextPosts(3);
        slack.dropAnswersToNextPosts(3);

        String url = TestDatabases.newUrl(kind);
        Database dbA = Database.open(url, null, null);
        open.add(dbA);
        Database dbB = Database.open(url, null, null);
        open.add(dbB);
        SlackService a = start(slack, dbA);
        SlackService b = start(slack, dbB);
        Fixture fixture = new Fixture(dbA);
        JobQueue queue = a.runtime().queue();
        List<Long> answers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < ALERT_COUNT; i++) {
            long answer = fixture.answered("zendesk", Integer.toString(900 + i), "csat", 1, "Nobody called me back",
                    clock.instant().minusSeconds(60), "Aino", "Support");
            answers.add(answer);
            queue.enqueue(AlertJob.KIND.request(new SurveyJobs.AnswerRef(answer), Instant.EPOCH));
        }
        a.runtime().worker().poke();
        b.runtime().worker().poke();
        Eventually.await("every alert job finished", Duration.ofSeconds(60), () -> queue.statuses(AlertJob.KIND).stream()
                .allMatch(j -> j.state() == JobState.DONE || j.state() == JobState.DEAD));
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Long> byJob = slack.messagesTo(ALERTS).stream()
                .collect(Collectors.groupingBy(m -> m.jobKey().orElse("(none)"), Collectors.counting()));
        // One message per alert job, whatever its key (an alert is keyed by its survey).
        long lost = ALERT_COUNT - byJob.size();
        long twice = byJob.values().stream().filter(n -> n > 1).count();
        long dead = queue.statuses(AlertJob.KIND).stream().filter(j -> j.state() == JobState.DEAD).count();
        int posts = slack.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo("/api/chat.postMessage"))).size();
        long workers = dbA.read(tx -> tx.queryLong("SELECT COUNT(DISTINCT lease_owner) FROM jobs WHERE kind = ? AND state = ?",
                AlertJob.KIND.name(), JobState.DONE.id()));
        int injected = failures.length + 3 + 3;
        System.out.printf("slack storm on %s, two services: %d alerts; 503, 500, reset, 3 × 429 (Retry-After 1), "
                        + "3 answers lost after the message landed; %d chat.postMessage calls against a minimum of %d "
                        + "(%d failures injected), %d history look-ups; posted %d, twice %d, lost %d, dead %d; "
                        + "jobs done by %d workers; %.1f s%n", kind, ALERT_COUNT, posts, ALERT_COUNT, injected,
                slack.historyCalls(), byJob.size(), twice, lost, dead, workers, seconds);

        assertEquals(0, lost, "alerts never posted");
        assertEquals(0, twice, "alerts posted twice");
        assertEquals(0, dead, "alert jobs dead that should have lived");
        assertEquals(ALERT_COUNT, slack.messagesTo(ALERTS).size(), "one message per alert in the channel");
        // A lost answer costs a history look-up and no post; a failure that landed nothing costs one more post.
        assertTrue(posts <= ALERT_COUNT + injected, posts + " posts, at most one more per failure");
        assertTrue(slack.historyCalls() <= 2 * injected, "history calls only around failures: " + slack.historyCalls());
        assertEquals(2, workers, "both services did work");
    }
}
