package fi.palaute.slack;

import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.app.Ticker;
import fi.palaute.common.client.CallPurpose;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.dashboard.FollowUpSection;
import fi.palaute.common.followup.AlertUpdateJob;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.http.AdminApi;
import fi.palaute.common.http.Handler;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.http.Response;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.score.SummaryQuery;
import fi.palaute.common.store.Database;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Slack connector: alert, follow-up and digest jobs, the digest and reminder schedulers,
 * {@code POST /slack/commands} and {@code POST /slack/interactions}, and {@code GET /api/followups}.
 */
public final class SlackService implements AutoCloseable {
    public static final int DEFAULT_PORT = fi.palaute.common.config.Service.SLACK.defaultPort();
    private static final Logger log = LoggerFactory.getLogger(SlackService.class);

    /** How often each instance checks that the latest scheduled digest has a job. */
    public static final Duration SCHEDULER_INTERVAL = Duration.ofSeconds(30);

    private final ServiceRuntime runtime;
    private final Optional<DigestScheduler> scheduler;
    private final ReminderScheduler reminders;
    private final List<Ticker> timers;
    private final ExecutorService commandExecutor;

    private SlackService(ServiceRuntime runtime, Optional<DigestScheduler> scheduler, ReminderScheduler reminders,
                         List<Ticker> timers, ExecutorService commandExecutor) {
        this.runtime = runtime;
        this.scheduler = scheduler;
        this.reminders = reminders;
        this.timers = timers;
        this.commandExecutor = commandExecutor;
    }

    public static SlackService start(SlackSettings slack, ServiceSettings service, Database db, Clock clock,
                                     JobWorker.Options workerOptions, Duration schedulerInterval) throws IOException {
        Metrics metrics = new Metrics();
        SlackClient client = new SlackClient(slack.apiUrl(), slack.botToken(), metrics, clock);
        DigestReportQuery reports = new DigestReportQuery(db, slack.followUpSla(), clock);
        DigestComposer composer = new DigestComposer();
        ExecutorService commandExecutor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "palaute-cx");
            t.setDaemon(true);
            return t;
        });
        ServiceRuntime.Builder b = ServiceRuntime.builder("connector-slack", db, service).clock(clock).metrics(metrics)
                .workerOptions(workerOptions);
        FollowUpStore followUps = new FollowUpStore(db);
        AnswerLookup answers = new AnswerLookup(db);
        AlertComposer alerts = new AlertComposer(slack.schedule().zone());
        SlackClient alertClient = client.withPurpose(CallPurpose.ALERT);
        SlackClient followUpClient = client.withPurpose(CallPurpose.FOLLOW_UP);
        SlackPostStore posts = new SlackPostStore(db);
        b.purge(fi.palaute.common.app.Retention.Purge.of("slack_posts", posts::deleteBefore));
        OncePerJobPoster followUpPoster = new OncePerJobPoster(followUpClient, posts, metrics, clock);
        AlertRedraw redraw = new AlertRedraw(answers, followUpClient, alerts);
        b.handle(AlertJob.KIND, new AlertJob(answers, followUps, alertClient,
                new OncePerJobPoster(alertClient, posts, metrics, clock), alerts, slack.alertChannel()));
        b.handle(FollowUpClick.KIND, new FollowUpClickJob(followUps, redraw, followUpClient, clock));
        b.handle(OutcomeSubmission.KIND, new OutcomeJob(db, followUps, b.queue(), redraw, b.pokeWorker(), clock));
        b.handle(AlertUpdateJob.KIND, new AlertUpdateHandler(followUps, redraw, followUpPoster));
        b.handle(ReminderJob.KIND, new ReminderJob(followUps, followUpPoster, slack.followUpSla(), clock));
        b.handle(AppHomeJob.KIND, new AppHomeJob(followUpClient, new AgentDirectory(db), new SummaryQuery(db), answers,
                followUps, new AppHomeComposer(slack.schedule().zone()), clock));
        AdminApi admin = new AdminApi(db, service.adminToken(), clock, slack.followUpSla());
        b.routes(admin::registerFollowUps);
        b.dashboard(d -> d.followups(new FollowUpSection(followUps, slack.followUpSla(), clock)));
        b.handle(DigestJob.KIND, new DigestJob(db, reports, composer,
                new OncePerJobPoster(client.withPurpose(CallPurpose.DIGEST), posts, metrics, clock), clock));
        if (slack.secret().isPresent()) {
            SlackSignatureVerifier signature = new SlackSignatureVerifier(slack.signingSecret(), clock);
            Handler cx = signature.signed("slash command",
                    new CxCommand(reports, composer, slack.schedule().zone(), clock, commandExecutor));
            Handler interactions = signature.signed("interaction", new InteractionEndpoint(b.queue(), b.pokeWorker(), clock));
            Handler events = signature.signed("event", new EventsEndpoint(b.queue(), b.pokeWorker(), clock));
            b.routes(r -> r.post("/slack/commands", cx).post("/slack/interactions", interactions)
                    .post("/slack/events", events));
        } else {
            log.warn("SLACK_SIGNING_SECRET is not set: /slack/commands, /slack/interactions and /slack/events answer 503");
            Handler off = req -> Response.error(503, "not_configured", "SLACK_SIGNING_SECRET is not set on this service");
            b.routes(r -> r.post("/slack/commands", off).post("/slack/interactions", off).post("/slack/events", off));
        }
        if (slack.alertChannel().isEmpty()) log.warn("SLACK_ALERT_CHANNEL is not set: low-score alerts are not posted");
        ServiceRuntime runtime = b.start();
        Optional<DigestScheduler> scheduler = slack.digestChannel().map(channel ->
                new DigestScheduler(slack.schedule(), channel, runtime.queue(), clock, runtime.worker()::poke));
        List<Ticker> timers = new java.util.ArrayList<>();
        if (scheduler.isEmpty()) log.warn("SLACK_DIGEST_CHANNEL is not set: scheduled digests are off");
        else {
            log.info("digests to {} on schedule {}", slack.digestChannel().get(), slack.schedule());
            timers.add(new Ticker("palaute-digest-scheduler", "digest scheduling", scheduler.get()::tick)
                    .start(schedulerInterval));
        }
        ReminderScheduler reminders = new ReminderScheduler(followUps, runtime.queue(), slack.followUpSla(), clock,
                runtime.worker()::poke);
        timers.add(new Ticker("palaute-followup-reminders", "follow-up reminder check", reminders::tick)
                .start(schedulerInterval));
        return new SlackService(runtime, scheduler, reminders, List.copyOf(timers), commandExecutor);
    }

    public ServiceRuntime runtime() { return runtime; }

    public int port() { return runtime.port(); }

    /** The digest scheduler, when SLACK_DIGEST_CHANNEL is set. */
    public Optional<DigestScheduler> scheduler() { return scheduler; }

    /** The follow-up reminder scheduler (every instance runs one). */
    public ReminderScheduler reminders() { return reminders; }

    @Override
    public void close() {
        timers.forEach(Ticker::close);
        runtime.close();
        commandExecutor.shutdownNow();
    }
}
