package fi.palaute.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Zendesk Support API that enforces an account rate limit as Zendesk does: at most
 * {@code limit} requests per fixed window (a minute, or a scaled minute), then 429 with Retry-After
 * (whole seconds to the window's end). Windows are counted from the first request. It answers the
 * calls a survey job makes (show ticket with users and groups, ticket metrics, update ticket, comments)
 * and a write-back makes (update many tickets for one ticket), counts the public replies — the surveys —
 * per ticket, and keeps each ticket's last survey so a benchmark can answer it.
 */
final class RateLimitedZendesk implements AutoCloseable {
    private final JsonStandIn server;
    private final int limit;
    private final long windowNanos;
    private final ObjectMapper json = new ObjectMapper();
    private volatile long firstNanos = -1;
    private long windowIndex = -1;
    private int inWindow;
    final AtomicLong served = new AtomicLong();
    final AtomicLong limited = new AtomicLong();
    final AtomicLong limitedAfterFirstWindow = new AtomicLong();
    volatile long lastServedNanos;
    final Map<Long, AtomicInteger> surveysPerTicket = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> callsByKind = new ConcurrentHashMap<>();
    /** The last public reply (the survey's HTML) per ticket. */
    final Map<Long, String> lastSurvey = new ConcurrentHashMap<>();

    RateLimitedZendesk(int limit, long windowMillis) throws IOException {
        this.limit = limit;
        this.windowNanos = windowMillis * 1_000_000L;
        server = JsonStandIn.start("fake-zendesk", this::handle);
    }

    String url() {
        return server.url();
    }

    long firstNanos() {
        return firstNanos;
    }

    /** Admits the request into the current window, or returns the seconds until the window ends. */
    private synchronized long admit(long now) {
        if (firstNanos < 0) firstNanos = now;
        long w = (now - firstNanos) / windowNanos;
        if (w != windowIndex) {
            windowIndex = w;
            inWindow = 0;
        }
        if (inWindow < limit) {
            inWindow++;
            return -1;
        }
        if (w > 0) limitedAfterFirstWindow.incrementAndGet();
        long endOfWindow = firstNanos + (w + 1) * windowNanos;
        return Math.max(1, (endOfWindow - now + 999_999_999L) / 1_000_000_000L);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            long retryAfter = admit(System.nanoTime());
            if (retryAfter >= 0) {
                limited.incrementAndGet();
                ex.getResponseHeaders().set("Retry-After", Long.toString(retryAfter));
                send(ex, 429, "{\"error\": \"APIRateLimitExceeded\", \"description\": \"Number of allowed API requests per minute exceeded\"}");
                return;
            }
            served.incrementAndGet();
            lastServedNanos = System.nanoTime();
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String[] p = path.split("/");
            // /api/v2/tickets/{id}[/metrics|/comments|/tags], /api/v2/tickets/update_many?ids={id}
            if (p.length < 5 || !p[3].equals("tickets")) {
                send(ex, 404, "{\"error\": \"InvalidEndpoint\"}");
                return;
            }
            if (method.equals("PUT") && p[4].startsWith("update_many")) {
                callsByKind.computeIfAbsent("PUT update_many", k -> new AtomicLong()).incrementAndGet();
                send(ex, 200, "{\"job_status\": {\"id\": \"8b726e606741012ffc2d782bcb7848fe\", \"url\": "
                        + "\"https://acme.zendesk.com/api/v2/job_statuses/8b726e606741012ffc2d782bcb7848fe.json\", "
                        + "\"total\": 1, \"progress\": 0, \"status\": \"queued\", \"message\": null, \"results\": null}}");
                return;
            }
            long id = Long.parseLong(p[4]);
            String kind = method + (p.length > 5 ? " " + p[5] : " ticket");
            callsByKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            if (method.equals("GET") && p.length == 5) {
                send(ex, 200, ticketJson(id));
            } else if (method.equals("GET") && p[5].equals("metrics")) {
                send(ex, 200, metricsJson(id));
            } else if (method.equals("GET") && p[5].equals("comments")) {
                send(ex, 200, "{\"comments\": [], \"next_page\": null, \"previous_page\": null, \"count\": 0}");
            } else if (method.equals("PUT") && p.length == 5) {
                JsonNode update = json.readTree(body);
                if (update.path("ticket").path("comment").path("public").asBoolean(false)) {
                    surveysPerTicket.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    lastSurvey.put(id, update.path("ticket").path("comment").path("html_body").asText(""));
                }
                send(ex, 200, "{\"ticket\": {\"id\": " + id + ", \"status\": \"solved\"}, \"audit\": {\"id\": 1, \"ticket_id\": " + id + ", \"events\": []}}");
            } else if (method.equals("PUT") && p[5].equals("tags")) {
                send(ex, 200, "{\"tags\": [\"billing\"]}");
            } else {
                send(ex, 404, "{\"error\": \"InvalidEndpoint\"}");
            }
        } catch (RuntimeException e) {
            send(ex, 500, "{\"error\": \"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        JsonStandIn.send(ex, status, body);
    }

    /** Each ticket has its own requester, so the per-requester cooldown suppresses nothing. */
    static String ticketJson(long id) {
        long requester = 50_000_000L + id;
        return """
                {"ticket": {"id": %d, "status": "solved", "requester_id": %d, "submitter_id": %d, "assignee_id": 7001,
                  "group_id": 360001, "via": {"channel": "email"}, "tags": ["billing"], "custom_fields": [],
                  "created_at": "2026-03-01T08:00:00Z", "updated_at": "2026-03-01T10:00:00Z", "subject": "Invoice"},
                 "users": [
                  {"id": %d, "name": "Customer %d", "email": "c%d@example.test", "locale": "en-US", "role": "end-user"},
                  {"id": 7001, "name": "Aino Agent", "email": "aino@acme.test", "locale": "en-US", "role": "agent"}],
                 "groups": [{"id": 360001, "name": "Billing"}]}
                """.formatted(id, requester, requester, requester, id, id);
    }

    static String metricsJson(long id) {
        return """
                {"ticket_metric": {"id": %d, "ticket_id": %d, "reopens": 0, "replies": 1,
                  "solved_at": "2026-03-01T10:00:00Z", "full_resolution_time_in_minutes": {"calendar": 120, "business": 40}}}
                """.formatted(id, id);
    }

    @Override
    public void close() {
        server.close();
    }
}
