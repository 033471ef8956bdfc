package fi.palaute.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import fi.palaute.common.crash.StormTally;
import fi.palaute.common.store.TestDatabases;
import fi.palaute.common.store.TickingClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #17, vendor storms: two connector instances share one database (SQLite, PostgreSQL) and one
 * Freshdesk that fails in every way at once: 429 with and without Retry-After, 5xx, connection resets, a
 * 30-second stall on a read and a 30-second stall after Freshdesk took the reply. Every ticket ends with
 * exactly one survey, no job dies, and the calls made are counted against the minimum a survey needs.
 */
class FreshdeskStormTest {
    private static final int TICKETS = 40;
    private static final int STALL_MS = 30_000;

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static ResponseDefinitionBuilder error(int status, String description) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"description\": \"" + description + "\", \"errors\": []}");
    }

    /** Each response in turn, one request each; then the fake's normal answers. */
    private static void failThenRecover(RecordingFreshdesk fake, String scenario, Supplier<MappingBuilder> request,
                                        ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String next = i == failures.length - 1 ? "recovered" : "failed-" + (i + 1);
            fake.server().stubFor(request.get().atPriority(1).inScenario(scenario).whenScenarioStateIs(state)
                    .willReturn(failures[i]).willSetStateTo(next));
            state = next;
        }
    }

    /** Calls about one ticket: its views, conversations, time entries, reply, updates and its requester. */
    private static int calls(RecordingFreshdesk fake, long ticket) {
        Pattern mine = Pattern.compile("/api/v2/(tickets/" + ticket + "([/?].*)?|contacts/" + RecordingFreshdesk.requesterOf(ticket) + ")");
        int n = 0;
        for (ServeEvent e : fake.server().getAllServeEvents()) if (mine.matcher(e.getRequest().getUrl()).matches()) n++;
        return n;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoInstancesSurveyEveryTicketOnceThroughAFreshdeskStorm(TestDatabases.Kind kind) throws Exception {
        try (RecordingFreshdesk fake = new RecordingFreshdesk()) {
            Map<Long, String> faults = new LinkedHashMap<>();
            Map<Long, Integer> injected = new LinkedHashMap<>();
            faults.put(1L, "reply: 429 Retry-After 1");
            injected.put(1L, 1);
            failThenRecover(fake, "t1", () -> post(urlPathEqualTo("/api/v2/tickets/1/reply")),
                    error(429, "You have exceeded the limit of requests per hour").withHeader("Retry-After", "1"));
            faults.put(2L, "reply: 503, 502");
            injected.put(2L, 2);
            failThenRecover(fake, "t2", () -> post(urlPathEqualTo("/api/v2/tickets/2/reply")),
                    error(503, "Service Unavailable"), error(502, "Bad Gateway"));
            faults.put(3L, "reply: connection reset before Freshdesk took it");
            injected.put(3L, 1);
            failThenRecover(fake, "t3", () -> post(urlPathEqualTo("/api/v2/tickets/3/reply")),
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
            faults.put(4L, "read: 500, reset, 504");
            injected.put(4L, 3);
            failThenRecover(fake, "t4", () -> get(urlPathEqualTo("/api/v2/tickets/4")),
                    error(500, "Internal Server Error"), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                    error(504, "Gateway Timeout"));
            faults.put(5L, "read: 30 s stall (20 s read timeout)");
            injected.put(5L, 1);
            failThenRecover(fake, "t5", () -> get(urlPathEqualTo("/api/v2/tickets/5")),
                    aResponse().withTransformers(RecordingFreshdesk.TRANSFORMER).withFixedDelay(STALL_MS));
            faults.put(6L, "reply: Freshdesk took it, then a 30 s stall (the connector never heard)");
            injected.put(6L, 1);
            failThenRecover(fake, "t6", () -> post(urlPathEqualTo("/api/v2/tickets/6/reply")),
                    aResponse().withTransformers(RecordingFreshdesk.TRANSFORMER).withFixedDelay(STALL_MS));

            TickingClock clock = new TickingClock();
            Map<String, String> env = Harness.settings(fake.url(), kind, Map.of("PALAUTE_COOLDOWN", "PT0S"));
            List<Long> delivered = new ArrayList<>();
            try (Harness a = new Harness(env, clock); Harness b = new Harness(env, clock)) {
                // Control: ticket 40 meets no failure; its calls are the minimum a survey needs.
                assertEquals(202, a.webhook(Harness.resolvedBody(TICKETS)).statusCode());
                Harness.await("the control ticket surveyed", Duration.ofSeconds(20),
                        () -> fake.publicReplies().getOrDefault((long) TICKETS, 0) == 1);
                // The job goes on after the reply (the status check): measure once it is done.
                a.awaitJobsSettled();
                int minimum = calls(fake, TICKETS);
                long start = System.nanoTime();
                for (long t = 1; t < TICKETS; t++) {
                    Harness first = t % 2 == 0 ? a : b;
                    HttpResponse<String> r = first.webhook(Harness.resolvedBody(t));
                    assertEquals(202, r.statusCode(), r.body());
                    delivered.add(t);
                    // One ticket in four is delivered to the other instance as well (two rules, a retrying sender).
                    if (t % 4 == 0) assertEquals(202, (t % 2 == 0 ? b : a).webhook(Harness.resolvedBody(t)).statusCode());
                }
                Harness.await("every survey job finished", Duration.ofSeconds(60), () -> a.count(
                        "SELECT COUNT(*) FROM jobs WHERE kind = 'freshdesk.survey' AND state NOT IN ('done', 'dead')") == 0);
                double seconds = (System.nanoTime() - start) / 1e9;

                // A 429 without Retry-After: Freshdesk documents one always, so the client waits a minute.
                fake.server().stubFor(post(urlPathEqualTo("/api/v2/tickets/41/reply")).atPriority(1).inScenario("t41")
                        .whenScenarioStateIs(Scenario.STARTED).willReturn(error(429, "Too many requests"))
                        .willSetStateTo("recovered"));
                assertEquals(202, a.webhook(Harness.resolvedBody(41)).statusCode());
                Harness.await("the bare 429 answered", Duration.ofSeconds(20), () -> fake.server().getAllServeEvents().stream()
                        .anyMatch(e -> e.getRequest().getUrl().equals("/api/v2/tickets/41/reply")));
                Harness.await("the retry waiting", Duration.ofSeconds(10), () -> a.count(
                        "SELECT COUNT(*) FROM jobs WHERE payload LIKE '%\"41\"%' AND state = 'pending' AND attempts = 1") == 1);
                long waitMs = a.count("SELECT due_at FROM jobs WHERE payload LIKE '%\"41\"%'") - clock.millis();
                assertTrue(waitMs > 55_000, "a bare 429 waits a minute, not " + waitMs + " ms");
                assertEquals(0, fake.publicReplies().getOrDefault(41L, 0));
                clock.advance(Duration.ofSeconds(61));
                Harness.await("ticket 41 surveyed after the minute", Duration.ofSeconds(20),
                        () -> fake.publicReplies().getOrDefault(41L, 0) == 1);
                delivered.add(41L);
                faults.put(41L, "reply: 429 without Retry-After (waits 60 s; the test moves the clock)");
                injected.put(41L, 1);

                // What Freshdesk and the database say.
                Map<Long, Integer> replies = fake.publicReplies();
                long dead = a.count("SELECT COUNT(*) FROM jobs WHERE state = 'dead'");
                long workers = a.count("SELECT COUNT(DISTINCT lease_owner) FROM jobs WHERE state = 'done'");
                // Every fourth ticket is delivered twice.
                StormTally tally = StormTally.count(delivered, replies, faults, injected, minimum, t -> calls(fake, t),
                        t -> t % 4 == 0);
                System.out.printf("freshdesk storm on %s, two instances: %d tickets (%d delivered twice), %d with failures; "
                                + "surveyed %d, twice %d, lost %d, dead jobs %d; %d calls against a minimum of %d "
                                + "(%d per survey); storm done in %.1f s; jobs done by %d workers%n",
                        kind, delivered.size(), (TICKETS - 1) / 4, faults.size(), replies.size() - 1, tally.twice(), tally.lost(),
                        dead, tally.calls(), tally.minimumCalls(), minimum, seconds, workers);
                tally.faultLines().forEach(l -> System.out.println("freshdesk storm on " + kind + ": " + l));

                assertEquals(List.of(), tally.overspent(), "calls beyond what the failures explain");
                assertEquals(0, tally.lost(), "tickets never surveyed");
                assertEquals(0, tally.twice(), "tickets surveyed twice");
                assertEquals(0, dead, "jobs dead that should have lived: "
                        + a.string("SELECT last_error FROM jobs WHERE state = 'dead'"));
                assertEquals(2, workers, "both instances did work");
            }
        }
    }
}
