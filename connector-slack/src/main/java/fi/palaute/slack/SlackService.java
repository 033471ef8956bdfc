package fi.palaute.slack;

import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.client.CallPurpose;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.http.Response;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.store.Database;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running Slack connector: alert and digest jobs, the digest scheduler and {@code POST /slack/commands}. */
public final class SlackService implements AutoCloseable {
    public static final int DEFAULT_PORT = fi.palaute.common.config.Service.SLACK.defaultPort();
    private static final Logger log = LoggerFactory.getLogger(SlackService.class);

    /** How often each instance checks that the latest scheduled digest has a job. */
    public static final Duration SCHEDULER_INTERVAL = Duration.ofSeconds(30);

    private final ServiceRuntime runtime;
    private final Optional<DigestScheduler> scheduler;
    private final ExecutorService commandExecutor;

    private SlackService(ServiceRuntime runtime, Optional<DigestScheduler> scheduler, ExecutorService commandExecutor) {
        this.runtime = runtime;
        this.scheduler = scheduler;
        this.commandExecutor = commandExecutor;
    }

    public static SlackService start(SlackSettings slack, ServiceSettings service, Database db, Clock clock,
                                     JobWorker.Options workerOptions, Duration schedulerInterval) throws IOException {
        Metrics metrics = new Metrics();
        SlackClient client = new SlackClient(slack.apiUrl(), slack.botToken(), metrics, clock);
        DigestReportQuery reports = new DigestReportQuery(db);
        DigestComposer composer = new DigestComposer();
        ExecutorService commandExecutor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "palaute-cx");
            t.setDaemon(true);
            return t;
        });
        ServiceRuntime.Builder b = ServiceRuntime.builder("connector-slack", db, service).clock(clock).metrics(metrics)
                .workerOptions(workerOptions);
        b.handle(AlertJob.KIND, new AlertJob(new AnswerLookup(db), client.withPurpose(CallPurpose.ALERT), new AlertComposer(slack.schedule().zone()),
                slack.alertChannel()));
        b.handle(DigestJob.KIND, new DigestJob(db, reports, composer, client.withPurpose(CallPurpose.DIGEST), clock));
        if (slack.secret().isPresent()) {
            CxCommand cx = new CxCommand(new SlackSignatureVerifier(slack.signingSecret(), clock), reports, composer,
                    slack.schedule().zone(), clock, commandExecutor);
            b.routes(r -> r.post("/slack/commands", cx));
        } else {
            log.warn("SLACK_SIGNING_SECRET is not set: /slack/commands answers 503");
            b.routes(r -> r.post("/slack/commands", req -> Response.error(503, "not_configured",
                    "SLACK_SIGNING_SECRET is not set on this service")));
        }
        if (slack.alertChannel().isEmpty()) log.warn("SLACK_ALERT_CHANNEL is not set: low-score alerts are not posted");
        ServiceRuntime runtime = b.start();
        Optional<DigestScheduler> scheduler = slack.digestChannel().map(channel ->
                new DigestScheduler(slack.schedule(), channel, runtime.queue(), clock, runtime.worker()::poke)
                        .start(schedulerInterval));
        if (scheduler.isEmpty()) log.warn("SLACK_DIGEST_CHANNEL is not set: scheduled digests are off");
        else log.info("digests to {} on schedule {}", slack.digestChannel().get(), slack.schedule());
        return new SlackService(runtime, scheduler, commandExecutor);
    }

    public ServiceRuntime runtime() { return runtime; }

    public int port() { return runtime.port(); }

    /** The digest scheduler, when SLACK_DIGEST_CHANNEL is set. */
    public Optional<DigestScheduler> scheduler() { return scheduler; }

    @Override
    public void close() {
        scheduler.ifPresent(DigestScheduler::close);
        runtime.close();
        commandExecutor.shutdownNow();
    }
}
