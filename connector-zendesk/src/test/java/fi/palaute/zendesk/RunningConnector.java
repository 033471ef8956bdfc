package fi.palaute.zendesk;

import fi.palaute.common.job.JobState;
import fi.palaute.common.store.TickingClock;

import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.app.SurveyConnector;
import fi.palaute.common.config.Settings;
import fi.palaute.common.job.Backoff;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The Zendesk connector started in-process against a fake Zendesk, a fresh database and a movable clock. */
final class RunningConnector implements AutoCloseable {
    static final String WEBHOOK_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
    static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";
    static final String PUBLIC_URL = "https://cx.example.test";
    static final String LINK_SECRET = "test-link-secret-0123456789abcdefghijkl";
    static final String EMAIL = "palaute@acme.test";
    static final String API_TOKEN = "6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv";
    static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0 Safari/537.36";

    final TickingClock clock = new TickingClock();
    final ServiceRuntime runtime;
    private final HttpClient http = HttpClient.newHttpClient();
    private final WebhookSignature signer;

    RunningConnector(FakeZendesk zendesk, Map<String, String> extra) throws Exception {
        this(zendesk, extra, TestDatabases.Kind.SQLITE);
    }

    RunningConnector(FakeZendesk zendesk, Map<String, String> extra, TestDatabases.Kind kind) throws Exception {
        this(zendesk.url(), extra, kind, JobWorker.Options.defaults().withThreads(2).withPollInterval(Duration.ofMillis(50))
                .withBackoff(new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2), 0.2)));
    }

    RunningConnector(String zendeskUrl, Map<String, String> extra, TestDatabases.Kind kind, JobWorker.Options options)
            throws Exception {
        Map<String, String> env = settings(TestDatabases.newUrl(kind), zendeskUrl);
        env.put("PALAUTE_PORT", "0");
        env.put("PALAUTE_ADMIN_TOKEN", ADMIN_TOKEN);
        env.putAll(extra);
        Settings settings = new Settings(env);
        SurveyConnector connector = SurveyConnector.builder("zendesk", settings, 0).clock(clock).workerOptions(options);
        runtime = new ZendeskConnector(connector, ZendeskSettings.from(settings, true)).start();
        signer = new WebhookSignature(WEBHOOK_SECRET, clock);
    }

    String base() {
        return "http://localhost:" + runtime.port();
    }

    /** A webhook signed as Zendesk signs it, stamped now. */
    HttpResponse<String> webhook(String body) {
        String ts = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        return webhook(body, ts, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> webhook(String body, String timestamp, String signature) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base() + ZendeskConnector.WEBHOOK_PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) r.header(WebhookSignature.TIMESTAMP_HEADER, timestamp);
        if (signature != null) r.header(WebhookSignature.SIGNATURE_HEADER, signature);
        return send(r.build());
    }

    /**
     * The settings of a packaged connector jar a crash test starts, on {@code dbUrl} against the fake Zendesk
     * at {@code zendeskUrl}, with budgets high enough that only the test's own faults slow it. A mutable
     * copy: the test adds its own.
     */
    static Map<String, String> packagedSettings(String dbUrl, String zendeskUrl) {
        Map<String, String> env = settings(dbUrl, zendeskUrl);
        env.put("ZENDESK_UPDATES_PER_MINUTE", "600000");
        env.put("ZENDESK_READS_PER_MINUTE", "600000");
        return env;
    }

    /** What every connector under test needs: the database, the public link, the fake Zendesk's account. */
    private static Map<String, String> settings(String dbUrl, String zendeskUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("PALAUTE_DB_URL", dbUrl);
        env.put("PALAUTE_PUBLIC_URL", PUBLIC_URL);
        env.put("PALAUTE_LINK_SECRET", LINK_SECRET);
        env.put("ZENDESK_URL", zendeskUrl);
        env.put("ZENDESK_EMAIL", EMAIL);
        env.put("ZENDESK_API_TOKEN", API_TOKEN);
        env.put("ZENDESK_WEBHOOK_SECRET", WEBHOOK_SECRET);
        return env;
    }

    /**
     * A trigger delivery to a connector at {@code base} (a packaged jar, say), signed as Zendesk signs it at
     * sending time, with Zendesk's own 10 s delivery timeout.
     */
    static HttpRequest signedDelivery(String base, String body) {
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return HttpRequest.newBuilder(URI.create(base + ZendeskConnector.WEBHOOK_PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, ts)
                .header(WebhookSignature.SIGNATURE_HEADER, new WebhookSignature(WEBHOOK_SECRET, Clock.systemUTC())
                        .sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String triggerBody(long ticketId, String updatedAt) {
        return "{\"ticket_id\": \"" + ticketId + "\", \"status\": \"Solved\", \"updated_at\": \"" + updatedAt + "\"}";
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET();
        if (headers.length > 0) r.headers(headers);
        return send(r.build());
    }

    HttpResponse<String> postForm(String path, String form, String userAgent) {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    /** Polls until the condition holds, failing with what it last saw after the deadline. */
    static <T> T await(String what, Supplier<T> value, Predicate<T> until) {
        return await(what, value, until, Duration.ofSeconds(20));
    }

    static <T> T await(String what, Supplier<T> value, Predicate<T> until, Duration within) {
        return fi.palaute.common.store.Eventually.awaitValue(what, value, until, within);
    }

    List<Map<String, Object>> rows(String sql, Object... params) {
        return runtime.db().inTransaction(tx -> tx.query(sql, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object v = rs.getObject(i);
                row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), v instanceof Number n ? n.longValue() : v);
            }
            return row;
        }, params));
    }

    List<Map<String, Object>> surveys(long ticketId) {
        return rows("SELECT state, suppressed_reason, locale, cycle_key FROM surveys WHERE ticket_id = ? ORDER BY id",
                String.valueOf(ticketId));
    }

    List<Map<String, Object>> outcomes(long ticketId) {
        return rows("SELECT fcr, replies, reopens, handle_time_seconds, handle_time_source, resolution_seconds, agent, "
                + "agent_group, channel, agent_email FROM ticket_outcomes WHERE ticket_id = ? ORDER BY id", String.valueOf(ticketId));
    }

    List<JobQueue.JobStatus> jobs(String kind) {
        return runtime.queue().statuses(kind);
    }

    /** Every job of the kind has finished (done or dead) and there is at least one. */
    List<JobQueue.JobStatus> awaitJobsFinished(String kind, int count) {
        return await(count + " finished " + kind + " jobs", () -> jobs(kind),
                js -> js.size() >= count && js.stream().allMatch(j -> j.state() == JobState.DONE || j.state() == JobState.DEAD));
    }

    @Override
    public void close() {
        runtime.close();
    }
}
