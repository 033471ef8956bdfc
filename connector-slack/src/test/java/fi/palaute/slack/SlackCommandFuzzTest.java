package fi.palaute.slack;

import fi.palaute.common.store.TickingClock;
import static fi.palaute.common.fuzz.HostileJson.pick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.Settings;
import fi.palaute.common.fuzz.Fuzz;
import fi.palaute.common.fuzz.FuzzCase;
import fi.palaute.common.fuzz.HostileJson;
import fi.palaute.common.fuzz.HostileText;
import fi.palaute.common.fuzz.SafeAnswer;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.TestDatabases;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at {@code POST /slack/commands}: generated form bodies and headers, most correctly signed
 * so the command itself runs, and the named signature and mrkdwn cases. A slash command stores nothing.
 */
class SlackCommandFuzzTest {
    static final String SIGNING_SECRET = "f0a1b2c3d4e5f60718293a4b5c6d7e8f";
    static final String BOT_TOKEN = "xoxb-1234567890-0987654321-fuzzTestBotToken";
    static final String MENTION = "<!channel> <@U123> <https://evil.test|click here> & " + HostileText.SQL;

    private final TickingClock clock = new TickingClock(Instant.parse("2026-03-10T09:00:05Z"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Database db;
    private SlackService service;

    @BeforeEach
    void start() throws Exception {
        db = Database.open(TestDatabases.newUrl(TestDatabases.Kind.SQLITE), null, null);
        Fixture fixture = new Fixture(db);
        fixture.goldenWeek();
        // Low answers with hostile comments inside the last week, so /cx week shows them.
        fixture.answered("zendesk", "3001", "csat", 1, MENTION, Instant.parse("2026-03-09T10:00:00Z"), "<@U999>", "*Billing*");
        fixture.answered("zendesk", "3002", "csat", 1, HostileText.HTML, Instant.parse("2026-03-09T11:00:00Z"), "Aino", "Support");
        fixture.answered("zendesk", "3003", "csat", 2, HostileText.EMOJI, Instant.parse("2026-03-09T12:00:00Z"), "Aino", "Support");
        Map<String, String> env = Map.of("SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_API_URL", "http://127.0.0.1:9/api",
                "SLACK_SIGNING_SECRET", SIGNING_SECRET, "SLACK_DIGEST_SCHEDULE", "daily 09:00 UTC");
        service = SlackService.start(SlackSettings.from(new Settings(env)), new ServiceSettings(0, Optional.empty()), db, clock,
                JobWorker.Options.defaults().withThreads(1).withPollInterval(Duration.ofMillis(200)), Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private String base() {
        return "http://localhost:" + service.port();
    }

    private long count(String table) {
        return db.inTransaction(tx -> tx.queryLong("SELECT COUNT(*) FROM " + table));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String ascii(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) if (ch >= 0x20 && ch < 0x7F) b.append(ch);
        return b.toString().strip();
    }

    private FuzzCase command(Random r, int index) {
        StringBuilder form = new StringBuilder("token=").append(enc(pick(r, HostileText.ALL)))
                .append("&team_id=T0001&channel_id=").append(enc(pick(r, HostileText.ALL)))
                .append("&user_name=").append(enc(pick(r, HostileText.ALL))).append("&command=%2Fcx");
        String text = switch (r.nextInt(6)) {
            case 0 -> pick(r, List.of("", "today", "week", "month", " WEEK ", "Month"));
            case 1 -> pick(r, HostileText.ALL) + " week";
            default -> pick(r, HostileText.ALL);
        };
        form.append("&text=").append(enc(text));
        if (r.nextInt(10) == 0) form.append("&text=").append(enc(pick(r, HostileText.ALL))).append("&%zz&=%");
        byte[] body = r.nextInt(15) == 0 ? new HostileJson(List.of("text", "command", "token")).body(r)
                : form.toString().getBytes(StandardCharsets.UTF_8);
        FuzzCase c = FuzzCase.post("/slack/commands", body, "slash command");
        if (r.nextInt(8) > 0) c.header("Content-Type", pick(r, List.of("application/x-www-form-urlencoded", "application/json", "text/plain")));
        String ts = Long.toString(clock.instant().getEpochSecond());
        SlackSignatureVerifier signer = new SlackSignatureVerifier(SIGNING_SECRET, clock);
        String raw = new String(body, StandardCharsets.UTF_8);
        int mode = r.nextInt(100);
        if (mode < 65) c.header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signer.expectedSignature(ts, raw));
        else if (mode < 72) {
            String old = Long.toString(clock.instant().getEpochSecond() - 301 - r.nextInt(100_000));
            c.header("X-Slack-Request-Timestamp", old).header("X-Slack-Signature", signer.expectedSignature(old, raw));
        } else if (mode < 79) {
            c.header("X-Slack-Request-Timestamp", ts)
                    .header("X-Slack-Signature", new SlackSignatureVerifier("not-the-secret", clock).expectedSignature(ts, raw));
        } else if (mode < 86) {
            c.header("X-Slack-Request-Timestamp", ascii(pick(r, HostileText.ALL)) + "x")
                    .header("X-Slack-Signature", ascii(pick(r, HostileText.ALL)) + "x");
        } else if (mode < 93) {
            c.header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signer.expectedSignature(ts, raw + "&text=week"));
        }
        return c;
    }

    @Test
    void hostileSlashCommandsAreAnsweredWithoutServerErrorsAndStoreNothing() {
        long jobs = count("jobs");
        long digests = count("digests");
        long answers = count("answers");
        Fuzz.Tally tally = Fuzz.run("POST /slack/commands", base(), this::command);
        Fuzz.assertAllSafe(tally);
        System.out.printf("slack command fuzz: answered 200 %d, refused 401 %d, 400 %d%n", tally.count(200), tally.count(401),
                tally.count(400));
        assertEquals(jobs, count("jobs"));
        assertEquals(digests, count("digests"));
        assertEquals(answers, count("answers"));
    }

    private SafeAnswer send(String body, String timestamp, String signature) {
        FuzzCase c = FuzzCase.post("/slack/commands", body.getBytes(StandardCharsets.UTF_8), "named")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (timestamp != null) c.header("X-Slack-Request-Timestamp", timestamp);
        if (signature != null) c.header("X-Slack-Signature", signature);
        SafeAnswer a = Fuzz.send(http, base(), c);
        assertTrue(a.problem().isEmpty(), a.problem().orElse(""));
        return a;
    }

    @Test
    void forgedReplayedAndAlteredSlackSignaturesAreRefusedWith401() {
        String body = "token=x&team_id=T0001&command=%2Fcx&text=week";
        SlackSignatureVerifier signer = new SlackSignatureVerifier(SIGNING_SECRET, clock);
        String ts = Long.toString(clock.instant().getEpochSecond());
        String good = signer.expectedSignature(ts, body);
        String old = Long.toString(clock.instant().getEpochSecond() - 301);
        String ahead = Long.toString(clock.instant().getEpochSecond() + 301);
        char[] flipped = good.toCharArray();
        flipped[10] = flipped[10] == 'a' ? 'b' : 'a';
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("forged with another secret", new String[] {ts, new SlackSignatureVerifier("another-secret", clock).expectedSignature(ts, body)});
        cases.put("replayed after 5 minutes", new String[] {old, signer.expectedSignature(old, body)});
        cases.put("stamped 5 minutes ahead", new String[] {ahead, signer.expectedSignature(ahead, body)});
        cases.put("one hex digit altered", new String[] {ts, new String(flipped)});
        cases.put("v1 instead of v0", new String[] {ts, good.replace("v0=", "v1=")});
        cases.put("timestamp altered", new String[] {Long.toString(clock.instant().getEpochSecond() - 1), good});
        cases.put("no signature", new String[] {ts, null});
        cases.put("no timestamp", new String[] {null, good});
        for (var e : cases.entrySet()) {
            SafeAnswer a = send(body, e.getValue()[0], e.getValue()[1]);
            System.out.println("slack signature " + e.getKey() + ": " + a.status() + " " + a.body());
            assertEquals(401, a.status(), e.getKey());
        }
        assertEquals(401, send(body.replace("week", "month"), ts, good).status(), "body altered");
        assertEquals(200, send(body, ts, good).status(), "the genuine request");
    }

    @Test
    void customerTextInSlashCommandAnswersCannotPingOrLink() {
        String body = "token=x&team_id=T0001&command=%2Fcx&text=week";
        String ts = Long.toString(clock.instant().getEpochSecond());
        SafeAnswer a = send(body, ts, new SlackSignatureVerifier(SIGNING_SECRET, clock).expectedSignature(ts, body));
        assertEquals(200, a.status(), a.body());
        String shown = a.body();
        System.out.println("/cx week with hostile comments: " + shown.length() + " chars");
        assertFalse(shown.contains("<!channel>"), "no @channel ping");
        assertFalse(shown.contains("<@U123>"), "no user mention");
        assertFalse(shown.contains("<https://evil.test|"), "no disguised link");
        assertFalse(shown.contains("<script>"), shown);
        assertTrue(shown.contains("&lt;!channel&gt;"), "the comment is shown, escaped: " + shown);
        assertTrue(shown.contains("&lt;script&gt;"), "markup in a comment is shown as text: " + shown);
    }
}
