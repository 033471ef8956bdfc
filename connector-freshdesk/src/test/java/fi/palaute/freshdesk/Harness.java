package fi.palaute.freshdesk;

import fi.palaute.common.store.TickingClock;

import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.config.Settings;
import fi.palaute.common.job.Backoff;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.store.TestDatabases;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The connector running in-process against the fake, with quick job polling and a movable clock. */
final class Harness implements AutoCloseable {
    static final String SECRET = "webhook-secret-0123456789";
    static final String PUBLIC_URL = "https://palaute.example.com";
    static final String ADMIN_TOKEN = "admin-token-0123456789";
    static final String LINK_SECRET = "link-secret-0123456789-0123456789-abc";
    static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0 Safari/537.36";

    final TickingClock clock;
    final ServiceRuntime runtime;
    private final String dbUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    Harness(FreshdeskFake fake, Map<String, String> extra) throws IOException {
        this(fake, extra, TestDatabases.Kind.SQLITE);
    }

    Harness(FreshdeskFake fake, Map<String, String> extra, TestDatabases.Kind db) throws IOException {
        this(settings(fake.url(), db, extra), new TickingClock());
    }

    /** An instance on the given settings and clock: several of them can share a database and a clock. */
    Harness(Map<String, String> env, TickingClock clock) throws IOException {
        this.clock = clock;
        this.dbUrl = env.get("PALAUTE_DB_URL");
        this.runtime = FreshdeskConnector.start(new Settings(env), clock,
                JobWorker.Options.defaults().withThreads(2).withPollInterval(Duration.ofMillis(50))
                        .withBackoff(new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2), 0.2)));
    }

    static Map<String, String> settings(FreshdeskFake fake, TestDatabases.Kind db, Map<String, String> extra) {
        return settings(fake.url(), db, extra);
    }

    /**
     * The settings of a packaged connector jar a crash test starts, on {@code dbUrl} against the fake
     * Freshdesk at {@code freshdeskUrl}, with a budget high enough that only the test's own faults slow it.
     * A mutable copy: the test adds its own.
     */
    static Map<String, String> packagedSettings(String dbUrl, String freshdeskUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("PALAUTE_DB_URL", dbUrl);
        env.put("PALAUTE_PUBLIC_URL", PUBLIC_URL);
        env.put("PALAUTE_LINK_SECRET", LINK_SECRET);
        env.put("FRESHDESK_URL", freshdeskUrl);
        env.put("FRESHDESK_API_KEY", FreshdeskFake.API_KEY);
        env.put("FRESHDESK_WEBHOOK_SECRET", SECRET);
        env.put("FRESHDESK_CALLS_PER_MINUTE", "600000");
        return env;
    }

    static Map<String, String> settings(String freshdeskUrl, TestDatabases.Kind db, Map<String, String> extra) {
        Map<String, String> env = packagedSettings(TestDatabases.newUrl(db), freshdeskUrl);
        env.put("PALAUTE_PORT", "0");
        env.put("PALAUTE_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("FRESHDESK_CALLS_PER_MINUTE", "6000");
        env.putAll(extra);
        return env;
    }

    String base() {
        return "http://localhost:" + runtime.port();
    }

    HttpResponse<String> webhook(String body) {
        return send(HttpRequest.newBuilder(URI.create(base() + "/webhooks/freshdesk"))
                .header("Content-Type", "application/json").header("X-Palaute-Secret", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The "ticket resolved" body the automation rule of docs/freshdesk.md sends. */
    static String resolvedBody(long ticket) {
        return "{\"ticket_id\": " + ticket + ", \"ticket_status\": \"Resolved\"}";
    }

    /**
     * Freshdesk's automation-rule delivery of {@link #resolvedBody} to a connector at {@code base} (a
     * packaged jar, say), with the shared secret and a 10 s timeout.
     */
    static HttpRequest resolvedDelivery(String base, long ticket) {
        return HttpRequest.newBuilder(URI.create(base + "/webhooks/freshdesk")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-Palaute-Secret", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(resolvedBody(ticket))).build();
    }

    HttpResponse<String> webhookWithBasic(String user, String password, String body) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base() + "/webhooks/freshdesk"))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... params) {
        Object value = value(sql, params);
        return value == null ? 0 : ((Number) value).longValue();
    }

    String string(String sql, Object... params) {
        Object value = value(sql, params);
        return value == null ? null : value.toString();
    }

    /**
     * First column of the first row, read over a connection of its own in autocommit, as an outside
     * observer: the service's pool opens write transactions on SQLite, and a test polling through it
     * would compete with the workers it is watching.
     */
    Object value(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(dbUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Waits for a condition, failing with the message after the deadline. */
    static void await(String what, Duration deadline, BooleanSupplier condition) {
        fi.palaute.common.store.Eventually.await(what, deadline, condition);
    }

    void awaitSurveyRows(long n) {
        await(n + " survey rows", Duration.ofSeconds(10), () -> count("SELECT COUNT(*) FROM surveys") >= n);
    }

    /** Waits until no job is pending or running: every delivery so far has been handled. */
    void awaitJobsSettled() {
        await("jobs to settle", Duration.ofSeconds(10),
                () -> count("SELECT COUNT(*) FROM jobs WHERE state NOT IN ('done', 'dead')") == 0);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
