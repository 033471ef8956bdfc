package fi.palaute.common.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.http.HttpError;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.http.Request;
import fi.palaute.common.http.Response;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.MutableClock;
import fi.palaute.common.store.TestDatabases;
import fi.palaute.common.survey.SurveyIntake;
import fi.palaute.common.survey.SurveyJobs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared webhook path with a made-up helpdesk whose whole adapter is a header check and a
 * "ticket:status" body: what a third helpdesk plugs in, and what the pipeline does for it.
 */
class WebhookPipelineTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final Metrics metrics = new Metrics();
    private Database db;
    private JobQueue queue;
    private WebhookPipeline pipeline;

    private static final WebhookVerifier VERIFIER = r -> r.header("X-Toy-Key").filter("sesame"::equals).isPresent()
            ? Optional.empty() : Optional.of(new Refusal(401, "unauthorized", "send X-Toy-Key", "key"));
    private static final WebhookParser PARSER = r -> {
        String[] parts = new String(r.body(), StandardCharsets.UTF_8).split(":");
        if (parts.length != 2) throw new HttpError(400, "malformed_body", "expected ticket:status");
        return parts[1].equals("open") ? TicketEvent.ignored(parts[0], "status is open")
                : TicketEvent.solved(parts[0], "event:" + parts[1], parts[1], Optional.empty());
    };

    @BeforeEach
    void start() {
        db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        queue = new JobQueue(db, clock);
        pipeline = new WebhookPipeline("toydesk", VERIFIER, PARSER,
                new SurveyIntake(db, queue, Duration.ofHours(1), clock, () -> { }), metrics);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private Response post(String key, String body) {
        return pipeline.handle(new Request("POST", "/webhooks/toydesk", Map.of(), Map.of(),
                key == null ? Map.of() : Map.of("X-Toy-Key", List.of(key)), body.getBytes(StandardCharsets.UTF_8), null));
    }

    private static String text(Response r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void eachDispositionIsAnsweredAndCountedOnce() {
        Response accepted = post("sesame", "7:solved");
        Response duplicate = post("sesame", "7:solved");
        Response ignored = post("sesame", "7:open");
        Response refused = post("wrong", "7:solved");
        Response malformed = post("sesame", "seven");

        assertEquals(202, accepted.status());
        assertEquals("{\"status\":\"accepted\",\"ticket_id\":\"7\"}", text(accepted));
        assertEquals("{\"status\":\"duplicate\",\"ticket_id\":\"7\"}", text(duplicate));
        assertEquals("{\"status\":\"ignored\",\"reason\":\"status is open\",\"ticket_id\":\"7\"}", text(ignored));
        assertEquals(401, refused.status());
        assertTrue(text(refused).contains("\"error\":\"unauthorized\""), text(refused));
        assertEquals(400, malformed.status());
        assertTrue(text(malformed).contains("expected ticket:status"), text(malformed));

        String m = metrics.scrape();
        for (String series : List.of(
                "palaute_webhooks_total{source=\"toydesk\",result=\"accepted\"} 1",
                "palaute_webhooks_total{source=\"toydesk\",result=\"duplicate\"} 1",
                "palaute_webhooks_total{source=\"toydesk\",result=\"ignored\"} 1",
                "palaute_webhooks_rejected_total{source=\"toydesk\",reason=\"key\"} 1",
                "palaute_webhooks_rejected_total{source=\"toydesk\",reason=\"malformed_body\"} 1")) {
            assertTrue(m.contains(series), series + " in\n" + m);
        }
    }

    @Test
    void anAcceptedSolveIsOneEventAndOneSurveyJobDueAfterTheSendDelay() {
        post("sesame", "7:solved");
        post("sesame", "7:solved");
        post("sesame", "7:open");
        post("wrong", "8:solved");
        assertEquals(1L, (long) db.inTransaction(tx -> tx.queryLong("SELECT COUNT(*) FROM ticket_events")));
        List<JobQueue.JobStatus> jobs = queue.statuses(SurveyJobs.survey("toydesk"));
        assertEquals(1, jobs.size());
        assertEquals(clock.instant().plus(Duration.ofHours(1)), jobs.get(0).dueAt());
    }
}
