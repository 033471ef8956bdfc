package fi.palaute.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fi.palaute.common.store.TestDatabases;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two instances of the connector on one database share the work: each webhook handled once, each
 * survey sent once, no job left behind. PostgreSQL is the scale-out path; SQLite shows two services on
 * one file on one host.
 */
class ScaleOutTest {
    private static final int TICKETS = 500;
    private static final Instant SOLVED = Instant.parse("2026-03-01T10:00:00Z");

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoInstancesSendExactlyOneSurveyPerTicket(TestDatabases.Kind kind) throws Exception {
        try (FakeZendesk zendesk = new FakeZendesk()) {
            for (long id = 1; id <= TICKETS; id++) {
                zendesk.ticket(FakeZendesk.Ticket.solved(id).requester(100_000 + id), 1, 0, SOLVED, 30);
            }
            Map<String, String> shared = Map.of("PALAUTE_DB_URL", TestDatabases.newUrl(kind),
                    "ZENDESK_UPDATES_PER_MINUTE", "600000", "ZENDESK_READS_PER_MINUTE", "600000");
            try (RunningConnector a = new RunningConnector(zendesk, shared, kind);
                 RunningConnector b = new RunningConnector(zendesk, shared, kind)) {
                ExecutorService senders = Executors.newFixedThreadPool(8);
                List<Future<Integer>> statuses = new ArrayList<>();
                int duplicates = 0;
                for (long id = 1; id <= TICKETS; id++) {
                    String body = RunningConnector.triggerBody(id, "2026-03-01T10:00Z");
                    RunningConnector first = id % 2 == 0 ? a : b;
                    RunningConnector other = first == a ? b : a;
                    statuses.add(senders.submit(() -> first.webhook(body).statusCode()));
                    if (id % 5 == 0) {
                        // Zendesk retries a delivery it thinks failed; the load balancer picks the other instance.
                        statuses.add(senders.submit(() -> other.webhook(body).statusCode()));
                        duplicates++;
                    }
                }
                for (Future<Integer> s : statuses) assertEquals(202, (int) s.get());
                senders.shutdown();
                assertEquals(TICKETS + duplicates, statuses.size());

                RunningConnector.await("all surveys sent",
                        () -> a.rows("SELECT COUNT(*) AS n FROM surveys WHERE state = 'sent'").get(0).get("n"),
                        n -> (long) n == TICKETS, java.time.Duration.ofMinutes(3));
                RunningConnector.await("no job left behind",
                        () -> a.rows("SELECT COUNT(*) AS n FROM jobs WHERE state <> 'done'").get(0).get("n"),
                        n -> (long) n == 0, java.time.Duration.ofMinutes(3));

                List<LoggedRequest> replies = zendesk.server.findAll(putRequestedFor(urlPathMatching("/api/v2/tickets/[0-9]+"))
                        .withRequestBody(matchingJsonPath("$.ticket.comment.public", equalTo("true"))));
                Map<String, Integer> perTicket = new TreeMap<>();
                for (LoggedRequest r : replies) perTicket.merge(r.getUrl(), 1, Integer::sum);
                assertEquals(TICKETS, perTicket.size(), "every ticket got a survey");
                assertTrue(perTicket.values().stream().allMatch(n -> n == 1), "no ticket got two: " + perTicket);
                assertEquals((long) TICKETS, a.rows("SELECT COUNT(*) AS n FROM ticket_events").get(0).get("n"));
                long workers = (long) a.rows("SELECT COUNT(DISTINCT lease_owner) AS n FROM jobs WHERE kind = 'zendesk.survey'")
                        .get(0).get("n");
                assertEquals(2, workers, "both instances sent surveys");
                System.out.printf("scale-out on %s: %d tickets, %d duplicate deliveries, %d surveys, %d jobs not done%n",
                        kind, TICKETS, duplicates, replies.size(), 0);
            }
        }
    }
}
