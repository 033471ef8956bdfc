package fi.palaute.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import fi.palaute.common.job.Backoff;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.crash.StormTally;
import fi.palaute.common.store.TestDatabases;
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
 * Issue #17, vendor storms: two Zendesk connector instances share one database (SQLite, PostgreSQL) and
 * one Zendesk that fails in every way at once: 429 with and without Retry-After, 5xx, connection resets,
 * a 30-second stall on a read and a 30-second stall after Zendesk took the reply. Every ticket ends with
 * exactly one survey, no job dies, and the calls made are counted against the minimum a survey needs.
 */
class ZendeskStormTest {
    private static final int TICKETS = 40;
    private static final int STALL_MS = 30_000;
    private static final String SOLVED = RecordingZendesk.SOLVED.toString();

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static ResponseDefinitionBuilder error(int status, String error, String description) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"" + error + "\", \"description\": \"" + description + "\"}");
    }

    /** Each response in turn, one request each; then the fake's normal answers. */
    private static void failThenRecover(RecordingZendesk z, String scenario, Supplier<MappingBuilder> request,
                                        ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String next = i == failures.length - 1 ? "recovered" : "failed-" + (i + 1);
            z.server.stubFor(request.get().atPriority(1).inScenario(scenario).whenScenarioStateIs(state)
                    .willReturn(failures[i]).willSetStateTo(next));
            state = next;
        }
    }

    private static int calls(RecordingZendesk z, long ticket) {
        Pattern mine = Pattern.compile("/api/v2/tickets/" + ticket + "([/?].*)?");
        int n = 0;
        for (ServeEvent e : z.server.getAllServeEvents()) if (mine.matcher(e.getRequest().getUrl()).matches()) n++;
        return n;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoInstancesSurveyEveryTicketOnceThroughAZendeskStorm(TestDatabases.Kind kind) throws Exception {
        try (RecordingZendesk zendesk = new RecordingZendesk()) {
            Map<Long, String> faults = new LinkedHashMap<>();
            Map<Long, Integer> injected = new LinkedHashMap<>();
            faults.put(1L, "reply: 429 Retry-After 1");
            injected.put(1L, 1);
            failThenRecover(zendesk, "t1", () -> put(urlPathEqualTo("/api/v2/tickets/1")),
                    error(429, "TooManyRequests", "Rate limit exceeded").withHeader("Retry-After", "1"));
            faults.put(2L, "reply: 503, 500");
            injected.put(2L, 2);
            failThenRecover(zendesk, "t2", () -> put(urlPathEqualTo("/api/v2/tickets/2")),
                    error(503, "ServiceUnavailable", "Service temporarily unavailable"),
                    error(500, "InternalError", "Something went wrong"));
            faults.put(3L, "reply: connection reset before Zendesk took it");
            injected.put(3L, 1);
            failThenRecover(zendesk, "t3", () -> put(urlPathEqualTo("/api/v2/tickets/3")),
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
            faults.put(4L, "read: 502, reset, 504");
            injected.put(4L, 3);
            failThenRecover(zendesk, "t4", () -> get(urlPathEqualTo("/api/v2/tickets/4")),
                    error(502, "BadGateway", "Bad gateway"), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                    error(504, "GatewayTimeout", "Gateway timeout"));
            faults.put(5L, "read: 30 s stall (20 s read timeout)");
            injected.put(5L, 1);
            failThenRecover(zendesk, "t5", () -> get(urlPathEqualTo("/api/v2/tickets/5")),
                    aResponse().withTransformers(RecordingZendesk.TRANSFORMER).withFixedDelay(STALL_MS));
            faults.put(6L, "reply: Zendesk took it, then a 30 s stall (the connector never heard)");
            injected.put(6L, 1);
            failThenRecover(zendesk, "t6", () -> put(urlPathEqualTo("/api/v2/tickets/6")),
                    aResponse().withTransformers(RecordingZendesk.TRANSFORMER).withFixedDelay(STALL_MS));

            String dbUrl = TestDatabases.newUrl(kind);
            Map<String, String> extra = Map.of("PALAUTE_DB_URL", dbUrl, "ZENDESK_UPDATES_PER_MINUTE", "60000",
                    "ZENDESK_READS_PER_MINUTE", "60000");
            JobWorker.Options options = JobWorker.Options.defaults().withThreads(2).withPollInterval(Duration.ofMillis(50))
                    .withBackoff(new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2), 0.2));
            List<Long> delivered = new ArrayList<>();
            try (RunningConnector a = new RunningConnector(zendesk.url(), extra, kind, options);
                 RunningConnector b = new RunningConnector(zendesk.url(), extra, kind, options)) {
                // Control: the last ticket meets no failure; its calls are the minimum a survey needs.
                assertEquals(202, a.webhook(RunningConnector.triggerBody(TICKETS, SOLVED)).statusCode());
                RunningConnector.await("the control ticket surveyed", () -> zendesk.publicReplies((long) TICKETS), n -> n == 1);
                RunningConnector.await("its job done", () -> a.jobs("zendesk.survey"),
                        js -> js.stream().allMatch(j -> j.state() == fi.palaute.common.job.JobState.DONE));
                int minimum = calls(zendesk, TICKETS);
                long start = System.nanoTime();
                for (long t = 1; t < TICKETS; t++) {
                    RunningConnector first = t % 2 == 0 ? a : b;
                    assertEquals(202, first.webhook(RunningConnector.triggerBody(t, SOLVED)).statusCode());
                    delivered.add(t);
                    // One ticket in four is delivered to the other instance as well, as Zendesk redelivers.
                    if (t % 4 == 0) {
                        assertEquals(202, (t % 2 == 0 ? b : a).webhook(RunningConnector.triggerBody(t, SOLVED)).statusCode());
                    }
                }
                RunningConnector.await("every survey job finished", () -> count(a,
                        "SELECT COUNT(*) AS n FROM jobs WHERE kind = 'zendesk.survey' AND state NOT IN ('done', 'dead')"),
                        n -> n == 0, Duration.ofSeconds(60));
                double seconds = (System.nanoTime() - start) / 1e9;

                // A 429 without Retry-After: Zendesk documents 60 s as the wait then.
                zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/41")).atPriority(1).inScenario("t41")
                        .whenScenarioStateIs(Scenario.STARTED).willReturn(error(429, "TooManyRequests", "Rate limit exceeded"))
                        .willSetStateTo("recovered"));
                assertEquals(202, a.webhook(RunningConnector.triggerBody(41, SOLVED)).statusCode());
                RunningConnector.await("the retry waiting", () -> count(a, "SELECT COUNT(*) AS n FROM jobs "
                        + "WHERE payload LIKE '%\"41\"%' AND state = 'pending' AND attempts = 1"), n -> n == 1);
                long waitMs = count(a, "SELECT due_at AS n FROM jobs WHERE payload LIKE '%\"41\"%'") - a.clock.millis();
                assertTrue(waitMs > 55_000, "a bare 429 waits a minute, not " + waitMs + " ms");
                assertEquals(0, zendesk.publicReplies(41));
                a.clock.advance(Duration.ofSeconds(61));
                b.clock.advance(Duration.ofSeconds(61));
                RunningConnector.await("ticket 41 surveyed after the minute", () -> zendesk.publicReplies(41), n -> n == 1);
                delivered.add(41L);
                faults.put(41L, "read: 429 without Retry-After (waits 60 s; the test moves the clocks)");
                injected.put(41L, 1);

                Map<Long, Integer> replies = zendesk.publicReplies();
                long dead = count(a, "SELECT COUNT(*) AS n FROM jobs WHERE state = 'dead'");
                long workers = count(a, "SELECT COUNT(DISTINCT lease_owner) AS n FROM jobs WHERE state = 'done'");
                long found = count(a, "SELECT COUNT(*) AS n FROM surveys WHERE state = 'sent'");
                // Every fourth ticket is delivered twice.
                StormTally tally = StormTally.count(delivered, replies, faults, injected, minimum, t -> calls(zendesk, t),
                        t -> t % 4 == 0);
                System.out.printf("zendesk storm on %s, two instances: %d tickets (%d delivered twice), %d with failures; "
                                + "surveyed %d, twice %d, lost %d, dead jobs %d; %d calls against a minimum of %d "
                                + "(%d per survey); storm done in %.1f s; jobs done by %d workers; %d surveys sent%n",
                        kind, delivered.size(), (TICKETS - 1) / 4, faults.size(), replies.size() - 1, tally.twice(), tally.lost(),
                        dead, tally.calls(), tally.minimumCalls(), minimum, seconds, workers, found);
                tally.faultLines().forEach(l -> System.out.println("zendesk storm on " + kind + ": " + l));

                assertEquals(List.of(), tally.overspent(), "calls beyond what the failures explain");
                assertEquals(0, tally.lost(), "tickets never surveyed");
                assertEquals(0, tally.twice(), "tickets surveyed twice");
                assertEquals(0, dead, "jobs dead that should have lived: "
                        + a.rows("SELECT last_error FROM jobs WHERE state = 'dead'"));
                assertEquals(2, workers, "both instances did work");
            }
        }
    }

    private static long count(RunningConnector app, String sql) {
        Object n = app.rows(sql).get(0).get("n");
        return n == null ? 0 : ((Number) n).longValue();
    }
}
