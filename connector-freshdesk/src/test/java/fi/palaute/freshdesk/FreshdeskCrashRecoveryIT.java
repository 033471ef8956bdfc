package fi.palaute.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.app.PackagedService;
import fi.palaute.common.crash.Answer;
import fi.palaute.common.crash.Burst;
import fi.palaute.common.crash.DatabaseView;
import fi.palaute.common.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #17, crash: the packaged Freshdesk connector takes a burst of "ticket resolved" webhooks from
 * several threads, is killed with SIGKILL in the middle of it, and is started again. Every ticket whose
 * webhook got a 2xx must end with exactly one survey reply on the fake Freshdesk, which remembers
 * replies: a reply that landed before the kill (Freshdesk took it, the connector never heard) is found
 * among the ticket's conversations after the restart and not sent again. Webhooks that got no answer are
 * sent again after the restart, as Freshdesk retries them. Size: {@code -Dpalaute.crash.webhooks=600}.
 */
class FreshdeskCrashRecoveryIT {
    private static final Path JAR = Path.of(System.getProperty("palaute.jar", "target/connector-freshdesk.jar"));
    private static final int WEBHOOKS = Integer.getInteger("palaute.crash.webhooks", 600);
    /** One delivery in ten repeats an earlier one, as a second rule or a retrying sender does. */
    private static final int DUPLICATES = WEBHOOKS / 10;
    private static final int TICKETS = WEBHOOKS - DUPLICATES;
    private static final int SENDERS = 8;

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyResolvedTicketGetsExactlyOneSurveyAcrossASigkill(TestDatabases.Kind kind) throws Exception {
        String dbUrl = TestDatabases.newUrl(kind);
        DatabaseView db = new DatabaseView(dbUrl);
        Path log = Files.createTempFile(Path.of("target"), "fd-crash-" + kind.name().toLowerCase() + "-", ".log");
        try (RecordingFreshdesk freshdesk = new RecordingFreshdesk()) {
            // Freshdesk takes the reply and answers 40 ms later: a kill in those 40 ms leaves a reply Freshdesk
            // has and the connector has not recorded, the window the survey job's conversations check covers.
            freshdesk.server().stubFor(post(urlPathMatching("/api/v2/tickets/[0-9]+/reply")).atPriority(4)
                    .willReturn(aResponse().withTransformers(RecordingFreshdesk.TRANSFORMER).withFixedDelay(40)));
            Map<String, String> env = Harness.packagedSettings(dbUrl, freshdesk.url());

            List<Long> deliveries = deliveries();
            try (PackagedService connector = new PackagedService(JAR, env, log)) {
                connector.start();

                // 1. The burst, killed when 40% of it has been answered.
                List<Callable<Answer>> sends = new ArrayList<>();
                for (long ticket : deliveries) sends.add(() -> Answer.send(Harness.resolvedDelivery(connector.base(), ticket)));
                int killAt = WEBHOOKS * 2 / 5;
                List<Answer> answers = new ArrayList<>(Burst.run(sends, SENDERS, killAt, connector::kill));
                Instant killedAt = Instant.now();
                assertTrue(answers.stream().noneMatch(a -> a.status() >= 400 && a.status() < 500),
                        "no webhook refused with 4xx: " + answers.stream().filter(a -> a.status() >= 400).limit(3).toList());
                List<Integer> unanswered = new ArrayList<>();
                for (int i = 0; i < answers.size(); i++) if (!answers.get(i).ok()) unanswered.add(i);
                long before2xx = WEBHOOKS - unanswered.size();

                // 2. What the kill left: jobs claimed by the dead process, surveys caught mid-send.
                long runningAtKill = db.count("SELECT COUNT(*) FROM jobs WHERE state = 'running'");
                List<String> sending = db.strings("SELECT ticket_id FROM surveys WHERE state = 'sending'");
                long sendingOnFreshdesk = sending.stream()
                        .filter(t -> freshdesk.publicReplies().containsKey(Long.parseLong(t))).count();
                // Nobody works on the database now: the dead process's leases run out at once instead of
                // in PALAUTE_JOB_LEASE (at least a minute; the Zendesk crash test waits that minute out).
                int expired = db.expireLeasesOfTheDead();

                // 3. Restart, and Freshdesk redelivers what got no answer.
                connector.start();
                Instant restartedAt = Instant.now();
                Collections.shuffle(unanswered, new Random(7));
                List<Callable<Answer>> resends = new ArrayList<>();
                for (int i : unanswered) resends.add(() -> Answer.send(Harness.resolvedDelivery(connector.base(), deliveries.get(i))));
                List<Answer> again = Burst.run(resends, SENDERS);
                for (int j = 0; j < unanswered.size(); j++) {
                    assertTrue(again.get(j).ok(), "redelivery answered " + again.get(j));
                    answers.set(unanswered.get(j), again.get(j));
                }

                // 4. Everything finishes.
                db.awaitAllJobsDone(Duration.ofSeconds(90), connector.tail());
                Duration recovery = Duration.between(restartedAt, Instant.now());

                // 5. What the customers see on Freshdesk.
                Map<Long, Integer> replies = freshdesk.publicReplies();
                long lost = deliveries.stream().distinct().filter(t -> !replies.containsKey(t)).count();
                List<Long> twice = replies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
                long foundByCheck = connector.logLines("survey reply found on ticket=");
                long sentRows = db.count("SELECT COUNT(*) FROM surveys WHERE state = 'sent'");
                long surveyRows = db.count("SELECT COUNT(*) FROM surveys");

                System.out.printf("freshdesk crash on %s: %d webhooks (%d tickets, %d repeat deliveries) from %d threads; "
                                + "SIGKILL after %d answered; %d got a 2xx before the kill, %d got none and were redelivered%n",
                        kind, WEBHOOKS, TICKETS, DUPLICATES, SENDERS, killAt, before2xx, unanswered.size());
                System.out.printf("freshdesk crash on %s: at the kill %d jobs running (%d leases expired), %d surveys mid-send "
                                + "(%d of them already on Freshdesk); after the restart %d replies found by the conversations "
                                + "check instead of re-posting; all jobs done %.1f s after the restart, down %.1f s%n",
                        kind, runningAtKill, expired, sending.size(), sendingOnFreshdesk, foundByCheck,
                        recovery.toMillis() / 1000.0, Duration.between(killedAt, restartedAt).toMillis() / 1000.0);
                System.out.printf("freshdesk crash on %s: surveyed %d of %d tickets, surveyed twice %d, lost %d; %d calls to "
                                + "Freshdesk%n", kind, replies.size(), TICKETS, twice.size(), lost, freshdesk.calls());

                assertEquals(0, lost, "tickets acknowledged with a 2xx but never surveyed");
                assertEquals(List.of(), twice, "tickets surveyed twice");
                assertEquals(TICKETS, replies.size(), "every ticket surveyed once");
                assertEquals(TICKETS, sentRows, "every survey recorded as sent");
                assertEquals(TICKETS, surveyRows, "one survey per resolution");
                assertTrue(answers.stream().allMatch(Answer::ok), "every delivery got a 2xx in the end");
            }
        }
    }

    /** TICKETS distinct tickets and DUPLICATES repeated deliveries, in a fixed shuffled order. */
    private static List<Long> deliveries() {
        List<Long> ids = new ArrayList<>();
        for (long t = 1; t <= TICKETS; t++) ids.add(t);
        Random random = new Random(42);
        for (int i = 0; i < DUPLICATES; i++) ids.add(1 + (long) random.nextInt(TICKETS));
        Collections.shuffle(ids, random);
        return List.copyOf(ids);
    }
}
