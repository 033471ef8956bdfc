package fi.palaute.zendesk;

import fi.palaute.common.job.JobState;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fi.palaute.common.job.Backoff;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.job.JobRequest;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.store.TestDatabases;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #7, vendor failures, Zendesk: 429 with Retry-After, 500/503, connection resets and 30-second
 * stalls (with the client's real timeouts: 20 s read, 30 s call) fail a ticket's calls a few times and
 * then recover. All work completes, Retry-After is honoured, plain failures back off, a job that cannot
 * succeed ends dead with Zendesk's error, and webhooks are answered at once while Zendesk stalls. On
 * SQLite and PostgreSQL.
 */
class ZendeskVendorFailureTest {
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 0.2);
    /** A survey job's calls when nothing fails: show ticket, its metrics (twice: status, then outcome), the reply. */
    private static final int MIN_CALLS = 4;
    private static final int STALL_MS = 30_000;
    private static final int WEBHOOKS_DURING_STALL = 200;

    private static ResponseDefinitionBuilder zendeskError(int status, String error, String description) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"" + error + "\", \"description\": \"" + description + "\"}");
    }

    /** Answers with each response in turn, one request each, then leaves the ticket to the default fake. */
    private static void failThenRecover(RecordingZendesk z, String scenario, Function<String, MappingBuilder> request,
                                        ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String next = i == failures.length - 1 ? "recovered" : "failed-" + (i + 1);
            z.server.stubFor(request.apply(scenario).atPriority(1).inScenario(scenario).whenScenarioStateIs(state)
                    .willReturn(failures[i]).willSetStateTo(next));
            state = next;
        }
    }

    private static List<LoggedRequest> callsOn(RecordingZendesk z, long ticket) {
        List<LoggedRequest> all = new ArrayList<>(z.server.findAll(anyRequestedFor(urlPathMatching("/api/v2/tickets/" + ticket + "(/.*)?"))));
        all.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
        return all;
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void surveysGoOutOnceAfterZendeskRecoversAndWebhooksStayFastWhileItStalls(TestDatabases.Kind kind) throws Exception {
        try (RecordingZendesk zendesk = new RecordingZendesk()) {
            // Ticket 1: 503, reset, 500 on reading the ticket, then a 429 with Retry-After: 2 on the reply.
            failThenRecover(zendesk, "t1-read", s -> get(urlPathEqualTo("/api/v2/tickets/1")),
                    zendeskError(503, "ServiceUnavailable", "Service temporarily unavailable"),
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                    zendeskError(500, "InternalError", "Something went wrong"));
            failThenRecover(zendesk, "t1-reply", s -> put(urlPathEqualTo("/api/v2/tickets/1")),
                    zendeskError(429, "TooManyRequests", "Rate limit exceeded").withHeader("Retry-After", "2"));
            // Ticket 2: reading the ticket stalls for 30 s once (the read timeout, 20 s, gives up first).
            failThenRecover(zendesk, "t2-read", s -> get(urlPathEqualTo("/api/v2/tickets/2")),
                    aResponse().withTransformers(RecordingZendesk.TRANSFORMER).withFixedDelay(STALL_MS));
            // Ticket 3: Zendesk takes the reply and then stalls for 30 s: the connector never hears it landed.
            failThenRecover(zendesk, "t3-reply", s -> put(urlPathEqualTo("/api/v2/tickets/3")),
                    aResponse().withTransformers(RecordingZendesk.TRANSFORMER).withFixedDelay(STALL_MS));
            // Ticket 4: deleted (404): nothing a retry can fix. Ticket 5: 503 for ever.
            zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/4")).atPriority(1)
                    .willReturn(zendeskError(404, "RecordNotFound", "Not found")));
            zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/5")).atPriority(1)
                    .willReturn(zendeskError(503, "ServiceUnavailable", "Service temporarily unavailable")));

            JobWorker.Options options = JobWorker.Options.defaults().withThreads(4)
                    .withPollInterval(Duration.ofMillis(50)).withBackoff(BACKOFF);
            try (RunningConnector app = new RunningConnector(zendesk.url(), Map.of("ZENDESK_UPDATES_PER_MINUTE", "60000",
                    "ZENDESK_READS_PER_MINUTE", "60000"), kind, options)) {
                for (long t = 1; t <= 5; t++) {
                    assertEquals(202, app.webhook(RunningConnector.triggerBody(t, "2026-03-01T10:00:00Z")).statusCode());
                }

                // While both stalls hold a worker each, webhooks keep being answered at once.
                RunningConnector.await("both stalls under way",
                        () -> zendesk.server.findAll(getRequestedFor(urlPathEqualTo("/api/v2/tickets/2"))).size()
                                + zendesk.server.findAll(putRequestedFor(urlPathEqualTo("/api/v2/tickets/3"))).size(),
                        n -> n >= 2);
                long stallSeen = System.nanoTime();
                List<Long> millis = Collections.synchronizedList(new ArrayList<>());
                ExecutorService senders = Executors.newFixedThreadPool(4);
                List<Future<Integer>> statuses = new ArrayList<>();
                for (long t = 100; t < 100 + WEBHOOKS_DURING_STALL; t++) {
                    String body = RunningConnector.triggerBody(t, "2026-03-01T10:00:00Z");
                    statuses.add(senders.submit(() -> {
                        long start = System.nanoTime();
                        HttpResponse<String> r = app.webhook(body);
                        millis.add((System.nanoTime() - start) / 1_000_000);
                        return r.statusCode();
                    }));
                }
                for (Future<Integer> s : statuses) assertEquals(202, (int) s.get());
                senders.shutdown();
                long sendingTook = (System.nanoTime() - stallSeen) / 1_000_000;
                assertTrue(sendingTook < 20_000, "the webhooks were all sent while the stalls held (" + sendingTook + " ms)");
                List<Long> sorted = new ArrayList<>(millis);
                Collections.sort(sorted);
                long p50 = sorted.get(sorted.size() / 2);
                long max = sorted.get(sorted.size() - 1);
                System.out.printf("zendesk stall: %d webhooks answered while Zendesk stalled: p50 %d ms, max %d ms "
                        + "(Zendesk gives up after 10 s)%n", sorted.size(), p50, max);
                assertTrue(max < 2000 && p50 < 500, "webhooks answered at once while Zendesk stalls: p50 " + p50 + " ms, max " + max + " ms");

                // Every job ends: the stalled ones after the timeout and a retry, the hopeless ones dead.
                List<JobQueue.JobStatus> jobs = RunningConnector.await("all survey jobs finished",
                        () -> app.jobs("zendesk.survey"),
                        js -> js.size() == 5 + WEBHOOKS_DURING_STALL
                                && js.stream().allMatch(j -> j.state() == JobState.DONE || j.state() == JobState.DEAD),
                        Duration.ofSeconds(90));

                JobQueue.JobStatus deleted = jobs.get(3);
                JobQueue.JobStatus unavailable = jobs.get(4);
                System.out.printf("zendesk permanent: 404 job %s after %d attempt(s): %s%n", deleted.state(),
                        deleted.attempts(), deleted.lastError());
                System.out.printf("zendesk permanent: 503-for-ever job %s after %d attempts: %s%n", unavailable.state(),
                        unavailable.attempts(), unavailable.lastError());
                assertEquals(JobState.DEAD, deleted.state());
                assertEquals(1, deleted.attempts(), "a 404 is not retried");
                assertTrue(deleted.lastError().contains("404") && deleted.lastError().contains("Not found"), deleted.lastError());
                assertEquals(JobState.DEAD, unavailable.state());
                assertEquals(JobRequest.DEFAULT_MAX_ATTEMPTS, unavailable.attempts(), "retried up to the limit, not for ever");
                assertTrue(unavailable.lastError().contains("gave up") && unavailable.lastError().contains("503"),
                        unavailable.lastError());
                assertEquals(JobRequest.DEFAULT_MAX_ATTEMPTS,
                        zendesk.server.findAll(getRequestedFor(urlPathEqualTo("/api/v2/tickets/5"))).size());

                // The waits between the 503s grow: exponential backoff (lower bounds only; jitter is ±20 %).
                List<LoggedRequest> hopeless = callsOn(zendesk, 5);
                List<Long> gaps = new ArrayList<>();
                for (int i = 1; i < hopeless.size(); i++) {
                    gaps.add(hopeless.get(i).getLoggedDate().getTime() - hopeless.get(i - 1).getLoggedDate().getTime());
                }
                System.out.printf("zendesk backoff: waits between the %d attempts on a 503 (ms): %s%n", hopeless.size(), gaps);
                for (int i = 0; i < gaps.size(); i++) {
                    long expected = Math.min(BACKOFF.base().toMillis() << i, BACKOFF.max().toMillis());
                    assertTrue(gaps.get(i) >= expected * 0.8 - 5, "wait " + (i + 1) + " was " + gaps.get(i)
                            + " ms, backoff asks at least " + (long) (expected * 0.8) + " ms: " + gaps);
                }

                // Retry-After: 2 on the reply: the next reply came no sooner.
                List<LoggedRequest> replies = zendesk.server.findAll(putRequestedFor(urlPathEqualTo("/api/v2/tickets/1")));
                assertEquals(2, replies.size(), "the 429'd reply and its retry");
                long waited = replies.get(1).getLoggedDate().getTime() - replies.get(0).getLoggedDate().getTime();
                System.out.printf("zendesk 429: retried the reply %d ms after a 429 with Retry-After: 2%n", waited);
                assertTrue(waited >= 1950, "Retry-After honoured, waited " + waited + " ms");

                // What the customers got: one survey each on every ticket that could take one.
                Map<Long, Integer> surveys = zendesk.publicReplies();
                for (long t : new long[] {1, 2, 3}) {
                    List<LoggedRequest> calls = callsOn(zendesk, t);
                    System.out.printf("zendesk ticket %d: %d calls against a minimum of %d, %d survey(s)%n", t,
                            calls.size(), MIN_CALLS, surveys.getOrDefault(t, 0));
                    assertEquals(1, surveys.getOrDefault(t, 0), "ticket " + t + " got exactly one survey");
                    // Each failure costs at most one more run of the job.
                    assertTrue(calls.size() <= MIN_CALLS * 5, "ticket " + t + ": " + calls.size() + " calls");
                }
                assertEquals(0, surveys.getOrDefault(4L, 0) + surveys.getOrDefault(5L, 0));
                for (long t = 100; t < 100 + WEBHOOKS_DURING_STALL; t++) {
                    assertEquals(1, surveys.getOrDefault(t, 0), "ticket " + t + " got exactly one survey");
                }
                assertEquals(3 + WEBHOOKS_DURING_STALL, jobs.stream().filter(j -> j.state() == JobState.DONE).count());
            }
        }
    }
}
