package fi.palaute.slack;

import fi.palaute.common.http.Response;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.job.JobRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * How Slack's interactive endpoints (events, interactions) hand their work on: Slack waits three
 * seconds for an answer, so an endpoint only enqueues a job, pokes the worker and answers an empty 200.
 * Everything that calls Slack runs in the job.
 */
final class SlackJobIntake {
    private final JobQueue queue;
    private final Runnable poke;
    private final Clock clock;

    SlackJobIntake(JobQueue queue, Runnable poke, Clock clock) {
        this.queue = queue;
        this.poke = poke;
        this.clock = clock;
    }

    /** Enqueues the job made for now and wakes the worker; the job's dedupe key turns a repeat into a no-op. */
    void enqueue(Function<Instant, JobRequest> job) {
        queue.enqueue(job.apply(clock.instant()));
        poke.run();
    }

    /** The empty 200 Slack wants within three seconds. */
    static Response ok() {
        return new Response(200, "text/plain; charset=utf-8", new byte[0], Map.of());
    }
}
