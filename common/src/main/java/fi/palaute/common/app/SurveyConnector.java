package fi.palaute.common.app;

import fi.palaute.common.config.FollowUpSettings;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.Setting;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import fi.palaute.common.config.SurveySettings;
import fi.palaute.common.dashboard.FollowUpSection;
import fi.palaute.common.followup.FollowUpNoteWriter;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.followup.NoteJob;
import fi.palaute.common.experiment.ExperimentFile;
import fi.palaute.common.experiment.ExperimentStore;
import fi.palaute.common.experiment.Experiments;
import fi.palaute.common.http.AdminApi;
import fi.palaute.common.http.HttpService;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.link.LinkSigner;
import fi.palaute.common.link.AnswerLimits;
import fi.palaute.common.link.RatingEndpoint;
import fi.palaute.common.store.Database;
import fi.palaute.common.survey.Helpdesk;
import fi.palaute.common.survey.SurveyComposer;
import fi.palaute.common.survey.SurveyIntake;
import fi.palaute.common.survey.AnswerStore;
import fi.palaute.common.survey.SurveyJob;
import fi.palaute.common.survey.SurveyJobs;
import fi.palaute.common.survey.SurveyPlan;
import fi.palaute.common.survey.SurveyStore;
import fi.palaute.common.survey.SurveyPolicy;
import fi.palaute.common.survey.TemplateCatalog;
import fi.palaute.common.survey.WriteBackJob;
import fi.palaute.common.webhook.WebhookPipeline;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a survey connector (Zendesk, Freshdesk) shares: the survey and write-back jobs, the rating
 * pages, the admin API, health and metrics. The connector brings its helpdesk client and webhook route.
 */
public final class SurveyConnector {
    private final String source;
    private final Settings env;
    private final int defaultPort;
    private Clock clock = Clock.systemUTC();
    private JobWorker.Options workerOptions = JobWorker.Options.defaults();
    private final Metrics metrics = new Metrics();
    /**
     * The shortest PALAUTE_JOB_LEASE allowed. A lease must outlast a job's run, or a second worker starts
     * the same job while the first still runs (and a survey could go out twice); one vendor call may take
     * 30 s before it times out, so a minute is the floor.
     */
    static final Duration MIN_JOB_LEASE = Duration.ofMinutes(1);

    private SurveyConnector(String source, Settings env, int defaultPort) {
        this.source = source;
        this.env = env;
        this.defaultPort = defaultPort;
    }

    public static SurveyConnector builder(String source, Settings env, int defaultPort) {
        return new SurveyConnector(source, env, defaultPort);
    }

    public SurveyConnector clock(Clock c) { this.clock = c; return this; }

    public SurveyConnector workerOptions(JobWorker.Options o) { this.workerOptions = o; return this; }

    public Metrics metrics() { return metrics; }

    public Clock clock() { return clock; }

    /**
     * Validates every setting, opens the database and starts serving the helpdesk's webhook on the shared
     * pipeline, with the survey and write-back jobs on its API.
     */
    public ServiceRuntime start(HelpdeskConnector connector) throws IOException {
        if (!connector.source().equals(source)) {
            throw new IllegalArgumentException("connector " + connector.source() + " on a service built for " + source);
        }
        ServiceSettings service = ServiceSettings.from(env, defaultPort);
        SurveySettings survey = SurveySettings.from(env);
        TemplateCatalog templates = TemplateCatalog.load(survey.templatesDir().orElse(null), survey.locale());
        if (!templates.contains(survey.surveyTemplate())) {
            throw new SettingException("PALAUTE_SURVEY", "no template with id '" + survey.surveyTemplate()
                    + "' (known: " + templates.ids() + ")");
        }
        for (String id : survey.channels().surveyIds()) {
            if (!templates.contains(id)) {
                throw new SettingException("PALAUTE_SURVEY_BY_CHANNEL", "no template with id '" + id
                        + "' (known: " + templates.ids() + ", or none)");
            }
        }
        requireCompanyName(templates, survey);
        Experiments experiments = survey.experimentsFile()
                .map(file -> new ExperimentFile(id -> templates.contains(id)
                        ? Optional.of(templates.find(id, null).metric()) : Optional.empty()).read(file))
                .orElse(Experiments.NONE);
        Optional<Duration> lease = jobLease(env);
        FollowUpSettings followUp = FollowUpSettings.from(env);
        Helpdesk desk = connector.helpdesk(metrics);
        Database db = Database.open(env);
        try {
            LinkSigner signer = new LinkSigner(survey.linkSecret());
            ServiceRuntime.Builder runtime = ServiceRuntime.builder(source, db, service)
                    .clock(clock).metrics(metrics).workerOptions(lease.map(workerOptions::withLease)
                            .orElse(workerOptions));
            new ExperimentStore(db).save(experiments, clock);
            // Jobs are due at the earliest send delay of any arm; an arm that waits longer postpones its job.
            SurveyIntake intake = new SurveyIntake(db, runtime.queue(),
                    experiments.shortestSendDelay(survey.sendDelay(), clock.instant()), clock, runtime.pokeWorker());
            WebhookPipeline webhook = new WebhookPipeline(source, connector.verifier(), connector.parser(), intake, metrics);
            RatingEndpoint rating = new RatingEndpoint(db, runtime.queue(), signer, templates, survey.surveyTemplate(),
                    survey.company().orElse(null), clock, metrics, runtime.pokeWorker(),
                    new AnswerLimits(env.duration(Setting.PALAUTE_ANSWER_QUIET_PERIOD), AnswerLimits.defaults().maxAnswers()),
                    survey.branding());
            SurveyJob surveyJob = new SurveyJob(db, desk, templates,
                    new SurveyPlan(survey.channels(), experiments, survey.sendDelay()),
                    new SurveyComposer(survey.publicUrl(), signer, survey.company().orElse(null), survey.branding()),
                    new SurveyPolicy(new SurveyStore(db), survey.excludeTags(), survey.cooldown(), survey.sampleRate()),
                    survey.answerWindow(), clock, metrics);
            AdminApi admin = new AdminApi(db, service.adminToken(), clock, followUp.sla());
            return runtime
                    .purge(Retention.Purge.of("ticket_events", intake::deleteEventsReceivedBefore))
                    .dashboard(d -> d.secureCookie("https".equalsIgnoreCase(survey.publicUrl().getScheme()))
                            .followups(new FollowUpSection(new FollowUpStore(db), followUp.sla(), clock)))
                    .handle(SurveyJobs.survey(source), surveyJob)
                    .handle(SurveyJobs.writeBack(source), new WriteBackJob(new AnswerStore(db), new SurveyStore(db), desk))
                    .handle(NoteJob.kind(source), new FollowUpNoteWriter(new FollowUpStore(db), desk))
                    .routes(r -> {
                        r.post(connector.webhookPath(), webhook);
                        r.get("/", rating::landing);
                        r.get("/r/", rating::landing);
                        r.get("/r/{token}", rating::show);
                        r.post("/r/{token}", rating::answer);
                        r.get("/r/{token}/hp", rating::honeypot);
                        r.get("/r/{token}/thanks", rating::thanks);
                        admin.register(r);
                    })
                    .start();
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Refuses to start when a survey that can be sent names the company in a language with no default name
     * for it and PALAUTE_COMPANY is unset, rather than sending a survey with a hole (or English) in it.
     */
    public static void requireCompanyName(TemplateCatalog templates, SurveySettings survey) {
        if (survey.company().isPresent()) return;
        java.util.Set<String> ids = new java.util.TreeSet<>(survey.channels().surveyIds());
        ids.add(survey.surveyTemplate());
        for (String id : ids) {
            for (String locale : templates.locales(id)) {
                if (templates.find(id, locale).needsCompanyName()) {
                    throw new SettingException(fi.palaute.common.config.Setting.PALAUTE_COMPANY.name(), "is required: "
                            + "survey template " + id + " names the company, and its " + locale + " version has no "
                            + "default name to use instead");
                }
            }
        }
    }

    /**
     * PALAUTE_JOB_LEASE: how long a claimed job belongs to its worker. The jobs of a worker that died
     * (killed, out of memory, host lost) are taken up again once their lease has run out.
     */
    static Optional<Duration> jobLease(Settings env) {
        Optional<Duration> given = env.optional(Setting.PALAUTE_JOB_LEASE).map(Duration::parse);
        if (given.isEmpty()) return Optional.empty();
        Duration lease = given.get();
        if (lease.compareTo(MIN_JOB_LEASE) < 0) {
            throw new SettingException("PALAUTE_JOB_LEASE", "must be at least PT1M: a job's vendor calls may take "
                    + "30 s each, and a lease shorter than a job's run lets a second worker start the same job");
        }
        return Optional.of(lease);
    }
}
