package fi.palaute.freshdesk;

import static fi.palaute.common.fuzz.HostileJson.pick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.fuzz.Fuzz;
import fi.palaute.common.fuzz.FuzzCase;
import fi.palaute.common.fuzz.HostileJson;
import fi.palaute.common.fuzz.HostileText;
import fi.palaute.common.fuzz.SafeAnswer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at {@code POST /webhooks/freshdesk}: generated bodies and headers, most with the right
 * shared secret so the parser is exercised, and the named cases. Every answer is 2xx or 4xx with a JSON
 * body and no stack trace; only accepted webhooks leave rows.
 */
class FreshdeskFuzzTest {
    static final List<String> KEYS = List.of("ticket_id", "ticket_status", "status", "freshdesk_webhook", "triggered_event");
    static final List<String> STATUSES = java.util.stream.Stream.concat(HostileText.ALL.stream(),
            java.util.stream.Stream.of("Resolved", "Closed", "4", "5", "2", "Open", "Pending", "7")).toList();

    private final FreshdeskFake fake = new FreshdeskFake();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Harness app;

    @BeforeEach
    void start() throws Exception {
        // Surveys due tomorrow: accepted webhooks stay as rows to count.
        app = new Harness(fake, Map.of("PALAUTE_SEND_DELAY", "P1D"));
    }

    @AfterEach
    void stop() {
        app.close();
        fake.close();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String ascii(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) if (ch >= 0x20 && ch < 0x7F) b.append(ch);
        return b.toString().strip();
    }

    private FuzzCase webhook(Random r, int index) {
        byte[] body;
        int shape = r.nextInt(100);
        if (shape < 25) {
            body = ("{\"ticket_id\": " + ticketId(r) + ", \"ticket_status\": " + HostileJson.quote(pick(r, STATUSES)) + "}")
                    .getBytes(StandardCharsets.UTF_8);
        } else if (shape < 35) {
            body = ("{\"freshdesk_webhook\": {\"ticket_id\": " + ticketId(r) + ", \"ticket_status\": "
                    + HostileJson.quote(pick(r, STATUSES)) + "}}").getBytes(StandardCharsets.UTF_8);
        } else {
            body = new HostileJson(KEYS).body(r);
        }
        FuzzCase c = FuzzCase.post("/webhooks/freshdesk", body, "webhook");
        if (r.nextInt(10) > 0) c.header("Content-Type", pick(r, List.of("application/json", "text/plain",
                "application/x-www-form-urlencoded", "application/json; charset=utf-8", "multipart/form-data; boundary=x")));
        int auth = r.nextInt(100);
        if (auth < 45) c.header("X-Palaute-Secret", Harness.SECRET);
        else if (auth < 65) c.header("Authorization", basic(ascii(pick(r, HostileText.ALL)), Harness.SECRET));
        else if (auth < 72) c.header("X-Palaute-Secret", Harness.SECRET + "x");
        else if (auth < 79) c.header("Authorization", basic("admin", ascii(pick(r, HostileText.ALL))));
        else if (auth < 86) c.header("Authorization", ascii(pick(r, HostileText.ALL)) + "x");
        else if (auth < 93) c.header("X-Palaute-Secret", ascii(pick(r, HostileText.ALL)) + "x");
        return c;
    }

    private static String ticketId(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> Integer.toString(1 + r.nextInt(1_000_000));
            case 1 -> "\"" + (1 + r.nextInt(1_000_000)) + "\"";
            case 2 -> HostileJson.quote(pick(r, HostileText.ALL));
            case 3 -> "-" + r.nextInt(100);
            default -> r.nextBoolean() ? "[1]" : "1.5";
        };
    }

    @Test
    void hostileWebhooksAreAnsweredWithoutServerErrorsAndOnlyAcceptedOnesAreStored() {
        long events = app.count("SELECT COUNT(*) FROM ticket_events");
        long jobs = app.count("SELECT COUNT(*) FROM jobs");
        AtomicInteger accepted = new AtomicInteger();
        Fuzz.Tally tally = Fuzz.run("POST /webhooks/freshdesk", app.base(), Fuzz.CASES, this::webhook, (c, a) -> {
            if (a.status() == 202 && a.body().contains("\"status\":\"accepted\"")) accepted.incrementAndGet();
        });
        Fuzz.assertAllSafe(tally);
        System.out.printf("freshdesk webhook fuzz: accepted %d, refused 401 %d, 400 %d, ignored or duplicate %d%n",
                accepted.get(), tally.count(401), tally.count(400), tally.count(202) - accepted.get());
        assertEquals(accepted.get(), app.count("SELECT COUNT(*) FROM ticket_events") - events);
        assertEquals(accepted.get(), app.count("SELECT COUNT(*) FROM jobs") - jobs);
        assertEquals(0, app.count("SELECT COUNT(*) FROM answers"));
    }

    private SafeAnswer post(byte[] body, String contentType, String headerName, String headerValue) {
        FuzzCase c = FuzzCase.post("/webhooks/freshdesk", body, "named");
        if (contentType != null) c.header("Content-Type", contentType);
        if (headerName != null) c.header(headerName, headerValue);
        SafeAnswer a = Fuzz.send(http, app.base(), c);
        assertTrue(a.problem().isEmpty(), a.problem().orElse("") + " for " + c.describe());
        return a;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void namedHostileBodiesAreRefusedWithTheRightStatusAndStoreNothing() throws Exception {
        long events = app.count("SELECT COUNT(*) FROM ticket_events");
        // Deeply nested and truncated JSON: 400.
        assertEquals(400, post(utf8("[".repeat(100_000) + "]".repeat(100_000)), "application/json", "X-Palaute-Secret", Harness.SECRET).status());
        assertEquals(400, post(utf8("{\"ticket_id\": " + "[".repeat(100_000)), "application/json", "X-Palaute-Secret", Harness.SECRET).status());
        String full = "{\"freshdesk_webhook\": {\"ticket_id\": 42, \"ticket_status\": \"Resolved\"}}";
        for (int cut = 0; cut < full.length(); cut++) {
            assertEquals(400, post(utf8(full.substring(0, cut)), "application/json", "X-Palaute-Secret", Harness.SECRET).status(), "cut " + cut);
        }
        // Ids that are not numbers: 400.
        for (String id : List.of("\"abc\"", "-1", "1.5", "1e3", "\"١٢٣\"", "99999999999999999999", "[]", "{}", "true", "\"{{ticket.id}}\"",
                HostileJson.quote(HostileText.SQL), HostileJson.quote(HostileText.HTML))) {
            SafeAnswer a = post(utf8("{\"ticket_id\": " + id + ", \"ticket_status\": \"Resolved\"}"), "application/json", "X-Palaute-Secret", Harness.SECRET);
            assertEquals(400, a.status(), id + ": " + a.body());
        }
        // Wrong content types with a form or XML body: 400; the label alone does not matter.
        for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "application/xml")) {
            assertEquals(400, post(utf8("ticket_id=5&ticket_status=Resolved"), type, "X-Palaute-Secret", Harness.SECRET).status());
            assertEquals(400, post(utf8("<ticket_id>5</ticket_id>"), type, "X-Palaute-Secret", Harness.SECRET).status());
        }
        // Forged secrets: 401.
        Map<String, String[]> forged = new java.util.LinkedHashMap<>();
        forged.put("wrong header secret", new String[] {"X-Palaute-Secret", Harness.SECRET.substring(1)});
        forged.put("secret plus a character", new String[] {"X-Palaute-Secret", Harness.SECRET + "0"});
        forged.put("secret as the Basic user name", new String[] {"Authorization", basic(Harness.SECRET, "X")});
        forged.put("Basic without a colon", new String[] {"Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8(Harness.SECRET))});
        forged.put("Bearer secret", new String[] {"Authorization", "Bearer " + Harness.SECRET});
        forged.put("Basic not base64", new String[] {"Authorization", "Basic %%%"});
        forged.put("no secret", new String[] {null, null});
        for (var e : forged.entrySet()) {
            SafeAnswer a = post(utf8("{\"ticket_id\": 42, \"ticket_status\": \"Resolved\"}"), "application/json", e.getValue()[0], e.getValue()[1]);
            System.out.println("freshdesk " + e.getKey() + ": " + a.status());
            assertEquals(401, a.status(), e.getKey());
        }
        // 10 MB, with a length and streamed: 413.
        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        for (boolean chunked : new boolean[] {false, true}) {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(app.base() + "/webhooks/freshdesk"))
                    .header("Content-Type", "application/json").header("X-Palaute-Secret", Harness.SECRET)
                    .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))
                            : HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("freshdesk 10 MB body (" + (chunked ? "chunked" : "Content-Length") + "): " + res.statusCode());
            assertEquals(413, res.statusCode(), res.body());
        }
        assertEquals(events, app.count("SELECT COUNT(*) FROM ticket_events"), "nothing stored for any of them");
        assertEquals(0, app.count("SELECT COUNT(*) FROM jobs"));
        // SQL and HTML in the status are stored as text.
        SafeAnswer a = post(utf8("{\"ticket_id\": 43, \"ticket_status\": " + HostileJson.quote(HostileText.SQL) + "}"),
                "application/json", "X-Palaute-Secret", Harness.SECRET);
        assertEquals(202, a.status(), a.body());
        assertEquals(events + 1, app.count("SELECT COUNT(*) FROM ticket_events"));
    }
}
