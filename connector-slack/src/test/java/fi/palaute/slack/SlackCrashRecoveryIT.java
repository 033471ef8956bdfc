package fi.palaute.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.app.PackagedService;
import fi.palaute.common.crash.DatabaseView;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.Eventually;
import fi.palaute.common.store.TestDatabases;
import fi.palaute.common.survey.SurveyJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #17, crash, Slack: the packaged Slack connector posts low-score alerts and the day's digest, is
 * killed with SIGKILL while posts are in flight (Slack has taken them, their answers have not come back),
 * and is started again. Counted from what the fake Slack received: each alert and the digest is in its
 * channel exactly once (lost 0, twice 0), and each alert's follow-up carries the ts of its one message.
 */
class SlackCrashRecoveryIT {
    private static final Path JAR = Path.of(System.getProperty("palaute.jar", "target/connector-slack.jar"));
    private static final String ALERTS = "C0CRASHALERT";
    private static final String DIGESTS = "C0CRASHDIGEST";
    private static final int ALERT_COUNT = 12;
    /** Kill once this many alerts have landed: Slack paces a channel at one post a second, so ~5 s in. */
    private static final int KILL_AFTER_ALERTS = 5;
    /** Slack answers this long after a message lands: the kill falls inside several such windows. */
    private static final Duration ANSWER_DELAY = Duration.ofMillis(1500);
    /** The digest, posted first, is answered after the kill (which comes about five seconds in). */
    private static final Duration DIGEST_ANSWER_DELAY = Duration.ofSeconds(12);

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void everyAlertAndTheDigestArePostedExactlyOnceAcrossASigkill(TestDatabases.Kind kind) throws Exception {
        String dbUrl = TestDatabases.newUrl(kind);
        List<String> alertKeys = new ArrayList<>();
        String digestKey;
        try (Database db = Database.open(dbUrl, null, null)) {
            Fixture fixture = new Fixture(db);
            JobQueue queue = new JobQueue(db, Clock.systemUTC());
            // Yesterday's digest, queued first as the scheduler would (SLACK_DIGEST_CHANNEL stays unset so the
            // scheduler adds no other period's).
            DigestJob.Payload digest = DigestJob.Payload.of(DIGESTS,
                    DigestPeriod.completeBefore(PeriodKind.DAY, Instant.now(), java.time.ZoneOffset.UTC));
            queue.enqueue(DigestJob.KIND.request(digest, Instant.EPOCH));
            digestKey = DigestJob.KIND.dedupeKey(digest);
            Instant at = Instant.now().minus(Duration.ofHours(1));
            for (int i = 0; i < ALERT_COUNT; i++) {
                long survey = fixture.survey("zendesk", String.valueOf(3000 + i), "csat", at.minusSeconds(3600), "Aino",
                        "Support");
                long answer = fixture.answer(survey, 1 + i % 2, "Nobody called me back (" + i + ")", at.plusSeconds(i), false);
                // As the rating page raises it: one alert per survey, after the digest.
                queue.enqueue(AlertJob.KIND.request(new SurveyJobs.AnswerRef(answer), Instant.EPOCH.plusMillis(1))
                        .withDedupeKey(SurveyJobs.alertKey(survey)));
                alertKeys.add(SurveyJobs.alertKey(survey));
            }
        }
        DatabaseView view = new DatabaseView(dbUrl);
        Path log = Files.createTempFile(Path.of("target"), "slack-crash-" + kind.name().toLowerCase() + "-", ".log");
        try (SlackFake slack = new SlackFake()) {
            slack.answerDelay(ANSWER_DELAY);
            slack.answerDelay(DIGESTS, DIGEST_ANSWER_DELAY);
            Map<String, String> env = new HashMap<>();
            env.put("PALAUTE_DB_URL", dbUrl);
            env.put("SLACK_BOT_TOKEN", "xoxb-crash-test-token-0123456789");
            env.put("SLACK_API_URL", slack.apiUrl());
            env.put("SLACK_ALERT_CHANNEL", ALERTS);
            try (PackagedService service = new PackagedService(JAR, env, log)) {
                // 1. The service starts on the queued digest and alerts.
                service.start();
                Instant started = Instant.now();
                Eventually.await(KILL_AFTER_ALERTS + " alerts and the digest in Slack", Duration.ofSeconds(40), () ->
                        slack.messagesTo(ALERTS).size() >= KILL_AFTER_ALERTS && !slack.messagesTo(DIGESTS).isEmpty());
                service.kill();
                Duration killedAfter = Duration.between(started, Instant.now());
                int landedAtKill = slack.messages().size();
                long runningAtKill = view.count("SELECT COUNT(*) FROM jobs WHERE state = 'running'");
                long sendingAtKill = view.count("SELECT COUNT(*) FROM slack_posts WHERE state = 'sending'");
                long recordedAtKill = view.count("SELECT COUNT(*) FROM slack_posts WHERE state = 'posted'");
                String digestAtKill = view.strings("SELECT state FROM slack_posts WHERE channel = ?", DIGESTS).stream()
                        .findFirst().orElse("none");
                // Nobody works on the database now: the dead process's leases run out at once rather than after
                // the Slack service's five-minute lease.
                int expired = view.expireLeasesOfTheDead();

                // 2. Restart; everything finishes.
                service.start();
                Instant restarted = Instant.now();
                view.awaitAllJobsDone(Duration.ofSeconds(60), service.tail());
                Duration recovery = Duration.between(restarted, Instant.now());

                // 3. What the channels got.
                Map<String, Long> alertsByJob = slack.messagesTo(ALERTS).stream()
                        .collect(Collectors.groupingBy(m -> m.jobKey().orElse("(no metadata)"), Collectors.counting()));
                List<SlackFake.Message> digests = slack.messagesTo(DIGESTS);
                long lost = alertKeys.stream().filter(k -> !alertsByJob.containsKey(k)).count() + (digests.isEmpty() ? 1 : 0);
                long twice = alertsByJob.values().stream().filter(n -> n > 1).count() + (digests.size() > 1 ? 1 : 0);
                long foundInHistory = service.logLines("after an attempt with no answer: not posted again");
                long alreadyRecorded = service.logLines("was already posted to");
                Set<String> alertTs = slack.messagesTo(ALERTS).stream().map(SlackFake.Message::ts).collect(Collectors.toSet());
                List<String> followUpTs = view.strings("SELECT alert_ts FROM followups ORDER BY id");
                String digestTs = view.strings("SELECT message_ts FROM digests WHERE channel = ?", DIGESTS).stream()
                        .findFirst().orElse(null);

                System.out.printf("slack crash on %s: %d alerts and 1 digest queued; Slack answers %d ms after a message "
                                + "lands; SIGKILL %.1f s after start with %d messages landed, %d jobs running, %d posts "
                                + "mid-send (attempt recorded, no answer), %d recorded; the digest %s; %d leases expired%n",
                        kind, ALERT_COUNT, ANSWER_DELAY.toMillis(), killedAfter.toMillis() / 1000.0, landedAtKill, runningAtKill, sendingAtKill, recordedAtKill,
                        digestAtKill.equals("sending") ? "landed, its answer not yet back" : digestAtKill, expired);
                System.out.printf("slack crash on %s: after the restart %d posts found in the channel history instead of "
                                + "posted again, %d already recorded; all jobs done %.1f s after the restart; Slack got "
                                + "%d chat.postMessage calls and %d history look-ups for %d messages; alerts lost %d, "
                                + "twice %d (digest included)%n",
                        kind, foundInHistory, alreadyRecorded, recovery.toMillis() / 1000.0, slack.postsReceived(),
                        slack.historyCalls(), slack.messages().size(), lost, twice);

                assertEquals(0, lost, "alerts or the digest never posted: " + alertsByJob);
                assertEquals(0, twice, "posted twice: " + alertsByJob + ", digests " + digests.size());
                assertEquals(ALERT_COUNT, alertsByJob.size(), "one message per alert job: " + alertsByJob);
                assertEquals(1, digests.size(), "one digest");
                assertEquals(digestKey, digests.get(0).jobKey().orElseThrow());
                assertEquals(ALERT_COUNT + 1, slack.postsReceived(), "each message sent once");
                assertEquals(ALERT_COUNT, followUpTs.size(), "a follow-up per alert");
                assertTrue(alertTs.containsAll(followUpTs) && Set.copyOf(followUpTs).size() == ALERT_COUNT,
                        "each follow-up carries the ts of its one message: " + followUpTs);
                assertEquals(digests.get(0).ts(), digestTs, "the digest recorded with the ts Slack gave it");
                assertEquals("sending", digestAtKill, "the kill fell while the digest was in flight");
                assertTrue(sendingAtKill > 1, "the kill fell while alerts were in flight too");
                assertTrue(foundInHistory >= 1, "the digest (at least) found in the history after the restart");
            }
        }
    }
}
