package fi.palaute.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.fuzz.Fuzz;
import fi.palaute.common.fuzz.FuzzCase;
import fi.palaute.common.fuzz.HostileJson;
import fi.palaute.common.fuzz.HostileText;
import fi.palaute.common.fuzz.SafeAnswer;
import fi.palaute.common.link.LinkSigner;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Named kinds of hostile input at the Zendesk connector, each with what the sender should see. */
class ZendeskHostileCasesTest {
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");

    private final FakeZendesk zendesk = new FakeZendesk();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private RunningConnector app;
    private long events;
    private long jobs;
    private long answers;

    @BeforeEach
    void start() throws Exception {
        app = new RunningConnector(zendesk, Map.of("PALAUTE_SEND_DELAY", "P1D"));
        events = count("ticket_events");
        jobs = count("jobs");
        answers = count("answers");
    }

    @AfterEach
    void stop() {
        app.close();
        zendesk.close();
    }

    private long count(String table) {
        return app.runtime.db().inTransaction(tx -> tx.queryLong("SELECT COUNT(*) FROM " + table));
    }

    private void assertNothingStored() {
        assertEquals(events, count("ticket_events"), "no ticket event");
        assertEquals(jobs, count("jobs"), "no job");
        assertEquals(answers, count("answers"), "no answer");
    }

    private String now() {
        return app.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Sends a webhook with a correct signature over exactly these bytes. */
    private SafeAnswer signed(byte[] body, String contentType) {
        String ts = now();
        FuzzCase c = FuzzCase.post(ZendeskConnector.WEBHOOK_PATH, body, "signed")
                .header(WebhookSignature.TIMESTAMP_HEADER, ts)
                .header(WebhookSignature.SIGNATURE_HEADER, new WebhookSignature(RunningConnector.WEBHOOK_SECRET, app.clock).sign(ts, body));
        if (contentType != null) c.header("Content-Type", contentType);
        SafeAnswer a = Fuzz.send(http, app.base(), c);
        assertTrue(a.problem().isEmpty(), a.problem().orElse("") + " for " + c.describe());
        return a;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deeplyNestedJsonIsRefusedWith400NotAStackOverflow() {
        // 100,000 nested arrays fit under the body limit (200 KB), so they reach the parser.
        for (boolean closed : new boolean[] {true, false}) {
            for (String open : new String[] {"[", "{\"a\":"}) {
                int depth = open.equals("[") ? 100_000 : 40_000;
                String close = open.equals("[") ? "]" : "}";
                byte[] body = (open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "")).getBytes(StandardCharsets.UTF_8);
                SafeAnswer a = signed(body, "application/json");
                System.out.printf("nested JSON %s x %d (%s, %d bytes): %d %s%n", open, depth, closed ? "closed" : "open",
                        body.length, a.status(), a.body());
                assertEquals(400, a.status(), a.body());
            }
        }
        // Nesting inside a field the parser reads.
        String deep = "[".repeat(50_000) + "]".repeat(50_000);
        assertEquals(400, signed(utf8("{\"ticket_id\": " + deep + "}"), "application/json").status());
        assertEquals(400, signed(utf8("{\"ticket_id\": 5, \"status\": " + deep + "}"), "application/json").status());
        assertNothingStored();
        assertEquals(200, app.get("/healthz").statusCode(), "the service still answers");
    }

    @Test
    void everyTruncationOfAWebhookIsRefusedWith400() {
        String full = "{\"type\": \"zen:event-type:ticket.status_changed\", \"id\": \"e-1\", \"time\": \"2026-03-01T10:00:00Z\","
                + " \"detail\": {\"id\": \"35436\", \"status\": \"SOLVED\"}, \"event\": {\"current\": \"SOLVED\", \"previous\": \"OPEN\"}}";
        int refused = 0;
        for (int cut = 0; cut < full.length(); cut++) {
            SafeAnswer a = signed(utf8(full.substring(0, cut)), "application/json");
            assertEquals(400, a.status(), "cut at " + cut + ": " + a.body());
            refused++;
        }
        System.out.println("truncated webhooks refused with 400: " + refused + " of " + full.length());
        assertNothingStored();
        assertEquals(202, signed(utf8(full), "application/json").status(), "the whole body is accepted");
    }

    @Test
    void tenMegabyteBodiesAreAnswered413() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        // Known length (Content-Length), and streamed (chunked, no length up front).
        for (boolean chunked : new boolean[] {false, true}) {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(app.base() + ZendeskConnector.WEBHOOK_PATH))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP_HEADER, now())
                    .header(WebhookSignature.SIGNATURE_HEADER, new WebhookSignature(RunningConnector.WEBHOOK_SECRET, app.clock).sign(now(), big))
                    .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))
                            : HttpRequest.BodyPublishers.ofByteArray(big));
            HttpResponse<String> res = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
            System.out.printf("10 MB webhook (%s): %d %s%n", chunked ? "chunked" : "Content-Length", res.statusCode(), res.body());
            assertEquals(413, res.statusCode(), res.body());
            assertTrue(res.body().contains("body_too_large"), res.body());
        }
        HttpResponse<String> rating = http.send(HttpRequest.newBuilder(URI.create(app.base() + "/r/" + new LinkSigner(RunningConnector.LINK_SECRET).token(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, rating.statusCode(), rating.body());
        assertNothingStored();
    }

    @Test
    void wrongContentTypesNeverCauseServerErrors() {
        List<String> types = List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/xml", "application/json; charset=iso-8859-1", "", "\u0000".replace("\u0000", "x/y"));
        int accepted = 0;
        for (String type : types) {
            // A genuine JSON body is judged by its signature and content, whatever the label says.
            SafeAnswer a = signed(utf8(RunningConnector.triggerBody(700 + accepted, "2026-03-01T10:00Z")), type.isEmpty() ? null : type);
            assertEquals(202, a.status(), type + ": " + a.body());
            accepted++;
            // A form or XML body signed correctly is still not a webhook.
            assertEquals(400, signed(utf8("ticket_id=5&status=solved"), type.isEmpty() ? null : type).status());
            assertEquals(400, signed(utf8("<ticket><id>5</id></ticket>"), type.isEmpty() ? null : type).status());
        }
        assertEquals(events + accepted, count("ticket_events"), "only the JSON bodies were stored");
    }

    @Test
    void ticketIdsThatAreNotNumbersAreRefusedWith400() {
        List<String> ids = List.of("\"abc\"", "\"12abc\"", "-1", "0", "\"0\"", "1.5", "1e3", "\"١٢٣\"", "\"１２３\"",
                "99999999999999999999", "\"99999999999999999999\"", "[]", "{}", "true", "null", "\"\"", "\"{{ticket.id}}\"",
                "\" 12 34 \"", "\"0x1F\"", HostileJson.quote(HostileText.SQL), HostileJson.quote(HostileText.HTML));
        for (String id : ids) {
            SafeAnswer trigger = signed(utf8("{\"ticket_id\": " + id + ", \"status\": \"solved\"}"), "application/json");
            assertEquals(400, trigger.status(), id + ": " + trigger.body());
            SafeAnswer event = signed(utf8("{\"type\": \"zen:event-type:ticket.status_changed\", \"detail\": {\"id\": " + id
                    + "}, \"event\": {\"current\": \"SOLVED\"}}"), "application/json");
            assertEquals(400, event.status(), id + ": " + event.body());
        }
        System.out.println("non-numeric ticket ids refused: " + ids.size() * 2);
        assertNothingStored();
    }

    @Test
    void sqlAndHtmlInWebhookTextFieldsAreStoredAsText() {
        int n = 0;
        for (String hostile : HostileText.ALL) {
            if (hostile.isBlank() || hostile.contains("\u0000") || hostile.length() == 1 && Character.isSurrogate(hostile.charAt(0))) continue;
            long ticket = 800 + n++;
            SafeAnswer a = signed(utf8("{\"ticket_id\": " + ticket + ", \"status\": " + HostileJson.quote("solved " + hostile)
                    + ", \"updated_at\": " + HostileJson.quote(hostile) + "}"), "application/json");
            assertEquals(202, a.status(), hostile + ": " + a.body());
            String stored = app.rows("SELECT status FROM ticket_events WHERE ticket_id = ?", String.valueOf(ticket)).get(0).get("status").toString();
            assertEquals(("solved " + hostile).strip().toLowerCase(java.util.Locale.ROOT), stored);
        }
        System.out.println("webhooks with SQL/HTML/unicode in text fields stored verbatim: " + n);
        assertEquals(events + n, count("ticket_events"), "every table still there and counting");
    }

    @Test
    void forgedReplayedAndAlteredSignaturesAreRefusedWith401() {
        byte[] body = utf8(RunningConnector.triggerBody(900, "2026-03-01T10:00Z"));
        String ts = now();
        WebhookSignature real = new WebhookSignature(RunningConnector.WEBHOOK_SECRET, app.clock);
        String good = real.sign(ts, body);
        String old = app.clock.instant().minus(Duration.ofMinutes(6)).truncatedTo(ChronoUnit.SECONDS).toString();
        String future = app.clock.instant().plus(Duration.ofMinutes(6)).truncatedTo(ChronoUnit.SECONDS).toString();
        char[] flipped = good.toCharArray();
        flipped[3] = flipped[3] == 'A' ? 'B' : 'A';
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("forged with another secret", new String[] {ts, new WebhookSignature("not-the-secret", app.clock).sign(ts, body)});
        cases.put("replayed after 6 minutes", new String[] {old, real.sign(old, body)});
        cases.put("stamped 6 minutes ahead", new String[] {future, real.sign(future, body)});
        cases.put("one character of the signature altered", new String[] {ts, new String(flipped)});
        cases.put("timestamp altered", new String[] {app.clock.instant().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString(), good});
        cases.put("hex instead of base64", new String[] {ts, java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(good))});
        cases.put("signature missing", new String[] {ts, null});
        cases.put("timestamp missing", new String[] {null, good});
        for (var e : cases.entrySet()) {
            var res = app.webhook(new String(body, StandardCharsets.UTF_8), e.getValue()[0], e.getValue()[1]);
            System.out.println("zendesk signature " + e.getKey() + ": " + res.statusCode() + " " + res.body());
            assertEquals(401, res.statusCode(), e.getKey());
        }
        byte[] altered = utf8(RunningConnector.triggerBody(901, "2026-03-01T10:00Z"));
        assertEquals(401, app.webhook(new String(altered, StandardCharsets.UTF_8), ts, good).statusCode(), "body altered");
        assertNothingStored();
        // The genuine delivery, then the same delivery again within the window: one event.
        assertEquals(202, app.webhook(new String(body, StandardCharsets.UTF_8), ts, good).statusCode());
        var again = app.webhook(new String(body, StandardCharsets.UTF_8), ts, good);
        assertEquals(202, again.statusCode());
        assertTrue(again.body().contains("duplicate"), again.body());
        assertEquals(events + 1, count("ticket_events"));
        assertEquals(jobs + 1, count("jobs"));
    }

    private long survey(long ticket) {
        Instant sent = app.clock.instant().minus(Duration.ofHours(1));
        return app.runtime.db().inTransaction(tx -> tx.insertReturningId("""
                INSERT INTO surveys (source, ticket_id, cycle_key, ticket_url, requester_id, locale, template_id, metric,
                                     state, agent, agent_group, created_at, sent_at, expires_at)
                VALUES ('zendesk', ?, 'c1', ?, '9001', 'en', 'csat', 'csat', 'sent', 'Aino', 'Support', ?, ?, ?)""",
                String.valueOf(ticket), "https://acme.zendesk.com/agent/tickets/" + ticket, sent.toEpochMilli(),
                sent.toEpochMilli(), sent.plus(Duration.ofDays(14)).toEpochMilli()).orElseThrow());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String nonceFromPage(String token) {
        var page = app.get("/r/" + token + "?score=4", "User-Agent", RunningConnector.BROWSER);
        assertEquals(200, page.statusCode());
        Matcher m = NONCE.matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }

    @Test
    void forgedAndAlteredRatingTokensGet404AndRecordNothing() {
        LinkSigner signer = new LinkSigner(RunningConnector.LINK_SECRET);
        long id = survey(950);
        String token = signer.token(id);
        String nonce = nonceFromPage(token);
        List<String> bad = new ArrayList<>();
        bad.add(new LinkSigner("some-other-secret-0123456789-0123456789").token(id));
        for (int i = 0; i < token.length(); i++) {
            char[] t = token.toCharArray();
            t[i] = t[i] == 'A' ? 'B' : 'A';
            bad.add(new String(t));
        }
        bad.add(signer.token(id + 1000)); // genuine signature, no such survey
        bad.add(token + "A");
        bad.add(token.substring(1));
        for (String t : bad) {
            assertEquals(404, app.get("/r/" + enc(t) + "?score=5").statusCode(), t);
            assertEquals(404, app.postForm("/r/" + enc(t), "score=5&nonce=" + enc(nonce), RunningConnector.BROWSER).statusCode(), t);
        }
        System.out.println("forged or altered rating tokens answered 404: " + bad.size() * 2);
        assertNothingStored();
    }

    @Test
    void ratingPostWithoutItsOwnFreshNonceRecordsNothing() {
        LinkSigner signer = new LinkSigner(RunningConnector.LINK_SECRET);
        long a = survey(960);
        long b = survey(961);
        String tokenA = signer.token(a);
        String nonceB = nonceFromPage(signer.token(b));
        Map<String, String> forms = new java.util.LinkedHashMap<>();
        forms.put("no nonce", "score=5&comment=hi");
        forms.put("empty nonce", "score=5&nonce=");
        forms.put("another survey's nonce", "score=5&nonce=" + enc(nonceB));
        forms.put("stale nonce (3 days)", "score=5&nonce=" + enc(signer.nonce(a, app.clock.instant().minus(Duration.ofDays(3)))));
        forms.put("nonce from the future", "score=5&nonce=" + enc(signer.nonce(a, app.clock.instant().plus(Duration.ofHours(1)))));
        forms.put("forged nonce", "score=5&nonce=" + enc(new LinkSigner("some-other-secret-0123456789-0123456789").nonce(a, app.clock.instant())));
        for (var e : forms.entrySet()) {
            var res = app.postForm("/r/" + tokenA, e.getValue(), RunningConnector.BROWSER);
            System.out.println("rating POST with " + e.getKey() + ": " + res.statusCode());
            assertEquals(400, res.statusCode(), e.getKey());
            assertTrue(NONCE.matcher(res.body()).find(), "a fresh form to confirm again");
        }
        assertNothingStored();
        var ok = app.postForm("/r/" + tokenA, "score=5&nonce=" + enc(nonceFromPage(tokenA)), RunningConnector.BROWSER);
        assertEquals(303, ok.statusCode(), "its own nonce is accepted: on to the thank-you page");
        assertEquals(answers + 1, count("answers"));
    }

    @Test
    void hostileCommentsAreShownEscapedStoredIntactAndExportedSafely() throws Exception {
        LinkSigner signer = new LinkSigner(RunningConnector.LINK_SECRET);
        List<String> comments = new ArrayList<>(List.of(HostileText.SQL, HostileText.HTML, HostileText.EMOJI,
                "</textarea><script>alert(1)</script>", "line one\r\nline \"two\", three"));
        comments.addAll(HostileText.FORMULAS);
        Map<Long, String> bySurvey = new java.util.LinkedHashMap<>();
        for (int i = 0; i < comments.size(); i++) {
            String comment = comments.get(i);
            long id = survey(1000 + i);
            String token = signer.token(id);
            // Without a score the form comes back with the comment in the text box: escaped.
            var again = app.postForm("/r/" + token, "comment=" + enc(comment) + "&nonce=" + enc(nonceFromPage(token)), RunningConnector.BROWSER);
            assertEquals(400, again.statusCode());
            assertFalse(again.body().contains("<script>"), again.body());
            assertFalse(again.body().contains("<img src=x"), again.body());
            assertTrue(again.body().contains(fi.palaute.common.survey.HtmlText.escape(comment.strip())), "the comment is kept, escaped");
            var ok = app.postForm("/r/" + token, "score=" + (1 + i % 5) + "&comment=" + enc(comment) + "&nonce="
                    + enc(nonceFromPage(token)), RunningConnector.BROWSER);
            assertEquals(303, ok.statusCode(), ok.body());
            bySurvey.put(id, comment);
        }
        // A score in the link that is markup.
        var page = app.get("/r/" + signer.token(bySurvey.keySet().iterator().next()) + "?score=" + enc(HostileText.HTML));
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("<script>"));
        for (var e : bySurvey.entrySet()) {
            Object stored = app.rows("SELECT comment FROM answers WHERE survey_id = ?", e.getKey()).get(0).get("comment");
            assertEquals(e.getValue().strip(), stored, "stored intact");
        }
        var csv = app.get("/api/responses.csv", "Authorization", "Bearer " + RunningConnector.ADMIN_TOKEN);
        assertEquals(200, csv.statusCode());
        List<List<String>> rows = parseCsv(csv.body());
        int commentColumn = rows.get(0).indexOf("comment");
        List<String> exported = rows.subList(1, rows.size()).stream().map(r -> r.get(commentColumn)).toList();
        System.out.println("CSV comment cells: " + exported);
        for (String comment : comments) {
            String c = comment.strip();
            String expected = "=+-@".indexOf(c.charAt(0)) >= 0 ? "'" + c : c;
            assertTrue(exported.contains(expected), "CSV has " + expected + " in " + exported);
        }
        assertTrue(exported.stream().noneMatch(c -> !c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0),
                "no cell starts a formula");
        assertTrue(exported.contains(HostileText.EMOJI), "emoji round-trip through the CSV");
    }

    /** RFC 4180, as a spreadsheet reads it. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { row.add(cell.toString()); cell.setLength(0); }
            else if (c == '\r') continue;
            else if (c == '\n') { row.add(cell.toString()); cell.setLength(0); rows.add(row); row = new ArrayList<>(); }
            else cell.append(c);
        }
        if (cell.length() > 0 || !row.isEmpty()) { row.add(cell.toString()); rows.add(row); }
        return rows;
    }
}
