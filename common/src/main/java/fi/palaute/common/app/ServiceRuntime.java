package fi.palaute.common.app;

import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.dashboard.Dashboard;
import fi.palaute.common.experiment.ExperimentReport;
import fi.palaute.common.experiment.ExperimentsPage;
import fi.palaute.common.http.HttpService;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.JobHandler;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.store.Database;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Palaute service runs on: the database, metrics, the job worker and the HTTP service with
 * /healthz and /metrics. A connector adds its routes and job handlers, then starts it. Closing stops
 * taking requests, lets in-flight requests and jobs finish, and closes the database.
 */
public final class ServiceRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceRuntime.class);

    private final String name;
    private final Database db;
    private final Metrics metrics;
    private final Clock clock;
    private final JobQueue queue;
    private final JobWorker worker;
    private final HttpService http;
    private final Retention retention;
    /** Retention runs this often; each run deletes at most a bounded number of batches. */
    static final java.time.Duration RETENTION_EVERY = java.time.Duration.ofMinutes(10);

    private ServiceRuntime(String name, Database db, Metrics metrics, Clock clock, JobQueue queue, JobWorker worker,
                           HttpService http, Retention retention) {
        this.retention = retention;
        this.name = name;
        this.db = db;
        this.metrics = metrics;
        this.clock = clock;
        this.queue = queue;
        this.worker = worker;
        this.http = http;
    }

    public static Builder builder(String name, Database db, ServiceSettings settings) {
        return new Builder(name, db, settings);
    }

    public String name() { return name; }

    public Database db() { return db; }

    public Metrics metrics() { return metrics; }

    public Clock clock() { return clock; }

    public JobQueue queue() { return queue; }

    public JobWorker worker() { return worker; }

    public int port() { return http.port(); }

    /** Stops on SIGTERM / Ctrl-C, finishing in-flight work first. */
    public ServiceRuntime closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("{} stopping: finishing in-flight requests and jobs", name);
            close();
        }, "palaute-shutdown"));
        return this;
    }

    @Override
    public void close() {
        retention.close();
        http.stop(10);
        worker.close();
        db.close();
        log.info("{} stopped", name);
    }

    /** Assembles a runtime; routes may use {@link #queue()} and {@link #metrics()} via the builder's getters. */
    public static final class Builder {
        private final String name;
        private final Database db;
        private final ServiceSettings settings;
        private final HttpService.Builder http;
        private final Map<String, JobHandler> handlers = new LinkedHashMap<>();
        private Metrics metrics = new Metrics();
        private Clock clock = Clock.systemUTC();
        private JobWorker.Options workerOptions = JobWorker.Options.defaults();
        private JobQueue queue;
        private JobWorker worker;
        private UnaryOperator<Dashboard.Builder> dashboard = UnaryOperator.identity();
        private final java.util.List<Retention.Purge> purges = new java.util.ArrayList<>();

        private Builder(String name, Database db, ServiceSettings settings) {
            this.name = name;
            this.db = db;
            this.settings = settings;
            this.http = HttpService.builder().host(settings.bind()).port(settings.port());
        }

        public Builder clock(Clock c) { this.clock = c; return this; }

        public Builder workerOptions(JobWorker.Options o) { this.workerOptions = o; return this; }

        public Builder metrics(Metrics m) { this.metrics = m; return this; }

        public Clock clock() { return clock; }

        public Metrics metrics() { return metrics; }

        public Database db() { return db; }

        public ServiceSettings settings() { return settings; }

        public JobQueue queue() {
            if (queue == null) queue = new JobQueue(db, clock);
            return queue;
        }

        /** Pokes the worker (once built) so a freshly enqueued job runs without waiting for the poll. */
        public Runnable pokeWorker() {
            return () -> {
                if (worker != null) worker.poke();
            };
        }

        /** Runs jobs of this kind with the handler, given their payload as the kind defines it. */
        public <P> Builder handle(fi.palaute.common.job.JobKind<P> kind, fi.palaute.common.job.JobKind.PayloadHandler<P> handler) {
            handlers.put(kind.name(), kind.handler(handler));
            return this;
        }

        /**
         * Options of the dashboard (Secure cookie, follow-ups and experiments sections); it is served
         * whenever PALAUTE_ADMIN_TOKEN is set. Options given twice add up.
         */
        public Builder dashboard(UnaryOperator<Dashboard.Builder> options) {
            UnaryOperator<Dashboard.Builder> before = dashboard;
            dashboard = d -> options.apply(before.apply(d));
            return this;
        }

        /** Rows this service deletes after PALAUTE_RETENTION, besides finished jobs (which every service deletes). */
        public Builder purge(Retention.Purge purge) {
            purges.add(purge);
            return this;
        }

        public Builder routes(Consumer<HttpService.Builder> routes) {
            routes.accept(http);
            return this;
        }

        public ServiceRuntime start() throws IOException {
            JobQueue q = queue();
            metrics.gauges(g -> q.countsByKindAndState().forEach((kind, states) -> states.forEach(
                    (state, count) -> g.gauge("palaute_jobs", "Jobs in the queue by kind and state", count,
                            "kind", kind, "state", state.id()))));
            worker = new JobWorker(q, handlers, workerOptions, metrics, clock);
            settings.adminToken().ifPresent(token ->
                    dashboard.apply(Dashboard.builder(db, token).clock(clock)
                            // Experiments live in the database, so every service shows them.
                            .experiments(new ExperimentsPage(new ExperimentReport(db, clock)))).build().register(http));
            HttpService service = listen(settings.port(),
                    () -> http.metrics(metrics).health(db::isHealthy).metricsEndpoint(settings.metricsToken()).build().start());
            worker.start();
            java.util.List<Retention.Purge> all = new java.util.ArrayList<>();
            all.add(Retention.Purge.of("jobs", q::deleteFinishedBefore));
            all.addAll(purges);
            Retention retention = new Retention(settings.retention(), clock, all, metrics).start(RETENTION_EVERY);
            log.info("{} listening on {}:{} (database {}, job kinds {})", name, settings.bind(), service.port(),
                    db.displayUrl(), handlers.keySet());
            return new ServiceRuntime(name, db, metrics, clock, q, worker, service, retention);
        }
    }

    private interface Listen {
        HttpService start() throws IOException;
    }

    /** A port another process holds is a setting problem: one line naming PALAUTE_PORT and the port. */
    private static HttpService listen(int port, Listen listen) throws IOException {
        try {
            return listen.start();
        } catch (IOException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.net.BindException) {
                    throw new fi.palaute.common.config.SettingException(
                            fi.palaute.common.config.Setting.PALAUTE_PORT.name(), "port " + port
                            + " is already in use (" + t.getMessage() + "): stop what listens there or choose "
                            + "another port");
                }
            }
            throw e;
        }
    }
}
