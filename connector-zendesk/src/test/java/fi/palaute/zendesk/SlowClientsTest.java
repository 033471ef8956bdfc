package fi.palaute.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slow clients cannot take the service down: while 300 connections trickle signed webhooks (half of
 * them their headers, half their bodies) for 20 s, reconnecting whenever they are dropped, signed
 * webhooks from a well-behaved sender and /healthz keep answering within 100 ms (99th percentile), and
 * nothing a slow client sent is stored.
 */
class SlowClientsTest {
    private static final int SLOW_CLIENTS = 300;
    private static final Duration ATTACK = Duration.ofSeconds(20);
    private static final long LIMIT_MILLIS = 100;
    /** Slow senders' tickets start with 9, the well-behaved sender's with 1. */
    private static final long SLOW_TICKETS = 9_000_000;

    private FakeZendesk zendesk;
    private RunningConnector app;

    @BeforeEach
    void start() throws Exception {
        zendesk = new FakeZendesk();
        // Surveys are due tomorrow: the test is about the edge, not about the jobs the webhooks enqueue.
        app = new RunningConnector(zendesk, Map.of("PALAUTE_SEND_DELAY", "P1D"));
    }

    @AfterEach
    void stop() {
        app.close();
        zendesk.close();
    }

    /** One slow connection: the bytes it will send, and when it sends the next one. */
    private final class Trickle {
        final SocketChannel channel;
        final byte[] bytes;
        final int bytesPerTick;
        int sent;

        Trickle(long ticket, boolean slowHeaders) throws IOException {
            String body = RunningConnector.triggerBody(ticket, "2026-03-01T10:00Z");
            String ts = app.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
            String signature = new WebhookSignature(RunningConnector.WEBHOOK_SECRET, app.clock)
                    .sign(ts, body.getBytes(StandardCharsets.UTF_8));
            String head = "POST " + ZendeskConnector.WEBHOOK_PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\n" + WebhookSignature.TIMESTAMP_HEADER + ": " + ts + "\r\n"
                    + WebhookSignature.SIGNATURE_HEADER + ": " + signature + "\r\n"
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
            bytes = (head + body).getBytes(StandardCharsets.UTF_8);
            channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", app.runtime.port()));
            channel.configureBlocking(false);
            if (slowHeaders) {
                // the whole request would be in within the attack if nobody stopped it
                bytesPerTick = Math.max(1, bytes.length / 90);
            } else {
                channel.write(ByteBuffer.wrap(bytes, 0, head.length()));
                sent = head.length();
                bytesPerTick = Math.max(1, body.length() / 50);
            }
        }

        /** Sends the next bytes; false once the server has closed the connection. */
        boolean tick() {
            try {
                ByteBuffer in = ByteBuffer.allocate(4096);
                int read;
                while ((read = channel.read(in)) > 0) in.clear();
                if (read < 0) return false;
                if (sent < bytes.length) {
                    int n = Math.min(bytesPerTick, bytes.length - sent);
                    channel.write(ByteBuffer.wrap(bytes, sent, n));
                    sent += n;
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing what the server already closed
            }
        }
    }

    @Test
    void slowClientsAreDroppedWhileWebhooksAndHealthKeepAnswering() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + app.runtime.port();
        for (int i = 0; i < 20; i++) { // warm the connections and the code path
            get(client, base + "/healthz");
            app.webhook(RunningConnector.triggerBody(1_500_000 + i, "2026-03-01T10:00Z"));
        }

        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger dropped = new AtomicInteger();
        AtomicInteger nextTicket = new AtomicInteger();
        List<Trickle> open = new ArrayList<>();
        for (int i = 0; i < SLOW_CLIENTS; i++) open.add(new Trickle(SLOW_TICKETS + nextTicket.incrementAndGet(), i % 2 == 0));
        Thread attacker = new Thread(() -> {
            try {
                while (attacking.get()) {
                    for (int i = 0; i < open.size(); i++) {
                        Trickle t = open.get(i);
                        if (!t.tick()) {
                            t.close();
                            dropped.incrementAndGet();
                            open.set(i, new Trickle(SLOW_TICKETS + nextTicket.incrementAndGet(), i % 2 == 0));
                        }
                    }
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                open.forEach(Trickle::close);
            }
        }, "slow-clients");
        attacker.start();

        List<Long> webhookMillis = Collections.synchronizedList(new ArrayList<>());
        List<Long> healthMillis = new ArrayList<>();
        long deadline = System.nanoTime() + ATTACK.toNanos();
        int ticket = 1_000_000;
        while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            HttpResponse<String> hook = app.webhook(RunningConnector.triggerBody(++ticket, "2026-03-01T10:00Z"));
            webhookMillis.add((System.nanoTime() - t0) / 1_000_000);
            assertEquals(202, hook.statusCode(), hook.body());
            long t1 = System.nanoTime();
            assertEquals(200, get(client, base + "/healthz").statusCode());
            healthMillis.add((System.nanoTime() - t1) / 1_000_000);
            Thread.sleep(100);
        }
        attacking.set(false);
        attacker.join();

        // Judged at the 99th percentile: on two shared cores a scheduler hiccup can delay any one request;
        // the slowest is bounded too, far below the 10 s after which Zendesk gives up on a webhook.
        long webhookP99 = percentile(webhookMillis, 0.99);
        long healthP99 = percentile(healthMillis, 0.99);
        long slowest = Math.max(Collections.max(webhookMillis), Collections.max(healthMillis));
        System.out.println(String.format("SLOW-CLIENTS %d slow connections dropped and replaced; %d webhooks p99 %d ms, "
                + "%d health checks p99 %d ms, slowest of all %d ms", dropped.get(), webhookMillis.size(), webhookP99,
                healthMillis.size(), healthP99, slowest));
        // On a machine whose cores are oversubscribed by other work (load above twice the cores), latency
        // measures the scheduler, not the edge: then the bound is 500 ms, and the test says so.
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        long limit = load > 2 * cores ? 5 * LIMIT_MILLIS : LIMIT_MILLIS;
        if (limit != LIMIT_MILLIS) System.out.printf("SLOW-CLIENTS judged at %d ms: load average %.1f on %d cores%n", limit, load, cores);
        assertTrue(webhookP99 <= limit, "signed webhooks: p99 " + webhookP99 + " ms");
        assertTrue(healthP99 <= limit, "/healthz: p99 " + healthP99 + " ms");
        assertTrue(slowest <= 1000, "the slowest answer took " + slowest + " ms");
        // Each slow connection was dropped well within the attack (headers after 10 s, bodies within seconds).
        assertTrue(dropped.get() >= SLOW_CLIENTS, "only " + dropped.get() + " slow connections were dropped");
        assertEquals(0L, app.rows("SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id LIKE '9%'").get(0).get("n"));
        assertEquals((long) webhookMillis.size() + 20,
                app.rows("SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id LIKE '1%'").get(0).get("n"));
        String metrics = get(client, base + "/metrics").body();
        assertTrue(metrics.contains("palaute_http_dropped_total{phase=\"headers\"}"), metrics);
        assertTrue(metrics.contains("palaute_http_dropped_total{phase=\"body\"}"), metrics);
    }

    private static long percentile(List<Long> millis, double p) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
