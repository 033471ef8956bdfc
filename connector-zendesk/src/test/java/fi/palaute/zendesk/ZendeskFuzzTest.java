package fi.palaute.zendesk;

import fi.palaute.common.survey.SurveyJobs;
import static fi.palaute.common.fuzz.HostileJson.pick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.fuzz.Fuzz;
import fi.palaute.common.fuzz.FuzzCase;
import fi.palaute.common.fuzz.HostileJson;
import fi.palaute.common.fuzz.HostileText;
import fi.palaute.common.link.LinkSigner;
import fi.palaute.common.link.RatingEndpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated requests at the Zendesk connector's public endpoints. Most webhooks carry a
 * correct signature over a hostile body, so the parser, not only the signature check, is exercised;
 * most rating POSTs carry a genuine token. Every answer must be 2xx or 4xx with a JSON or HTML body and
 * no stack trace, and the database must hold exactly what the accepted requests account for.
 */
class ZendeskFuzzTest {
    static final List<String> WEBHOOK_KEYS = List.of("ticket_id", "status", "updated_at", "type", "detail", "event",
            "id", "time", "current");
    static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
            "application/json; charset=latin1", "*/*", "application/xml", "json");

    static final List<String> STATUSES = java.util.stream.Stream.concat(HostileText.ALL.stream(),
            java.util.stream.Stream.of("solved", "Solved", "CLOSED", "open", "pending", "hold", "deleted")).toList();

    private final FakeZendesk zendesk = new FakeZendesk();
    private RunningConnector app;

    @BeforeEach
    void start() throws Exception {
        // Surveys due tomorrow: accepted webhooks stay as rows to count instead of calling the fake.
        app = new RunningConnector(zendesk, Map.of("PALAUTE_SEND_DELAY", "P1D"));
    }

    @AfterEach
    void stop() {
        app.close();
        zendesk.close();
    }

    private long count(String table) {
        return app.runtime.db().inTransaction(tx -> tx.queryLong("SELECT COUNT(*) FROM " + table));
    }

    private long countWhere(String sql, Object... params) {
        return app.runtime.db().inTransaction(tx -> tx.queryLong(sql, params));
    }

    /** A hostile webhook: usually a correct signature over a hostile body, sometimes a broken signature. */
    private FuzzCase webhook(Random r, int index) {
        HostileJson gen = new HostileJson(WEBHOOK_KEYS);
        int shape = r.nextInt(100);
        byte[] body;
        if (shape < 20) {
            body = ("{\"ticket_id\": " + idValue(r) + ", \"status\": " + HostileJson.quote(pick(r, STATUSES))
                    + ", \"updated_at\": " + HostileJson.quote(pick(r, HostileText.ALL)) + "}").getBytes(StandardCharsets.UTF_8);
        } else if (shape < 30) {
            body = ("{\"type\": \"zen:event-type:ticket.status_changed\", \"id\": " + HostileJson.quote(pick(r, HostileText.ALL))
                    + ", \"time\": " + HostileJson.quote(pick(r, HostileText.ALL)) + ", \"detail\": {\"id\": " + idValue(r)
                    + "}, \"event\": {\"current\": " + HostileJson.quote(pick(r, HostileText.ALL)) + "}}")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            body = gen.body(r);
        }
        FuzzCase c = FuzzCase.post(ZendeskConnector.WEBHOOK_PATH, body, "webhook");
        if (r.nextInt(10) > 0) c.header("Content-Type", pick(r, CONTENT_TYPES));
        WebhookSignature signer = new WebhookSignature(RunningConnector.WEBHOOK_SECRET, app.clock);
        String now = app.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        int mode = r.nextInt(100);
        if (mode < 65) {
            c.header(WebhookSignature.TIMESTAMP_HEADER, now).header(WebhookSignature.SIGNATURE_HEADER, signer.sign(now, body));
        } else if (mode < 72) {
            String stale = app.clock.instant().minus(Duration.ofMinutes(6 + r.nextInt(10_000))).toString();
            c.header(WebhookSignature.TIMESTAMP_HEADER, stale).header(WebhookSignature.SIGNATURE_HEADER, signer.sign(stale, body));
        } else if (mode < 79) {
            c.header(WebhookSignature.TIMESTAMP_HEADER, now)
                    .header(WebhookSignature.SIGNATURE_HEADER, new WebhookSignature("forged-secret", app.clock).sign(now, body));
        } else if (mode < 86) {
            c.header(WebhookSignature.TIMESTAMP_HEADER, ascii(pick(r, HostileText.ALL)))
                    .header(WebhookSignature.SIGNATURE_HEADER, ascii(pick(r, HostileText.ALL)));
        } else if (mode < 93) {
            // The signature of a slightly different body.
            byte[] other = body.length == 0 ? new byte[] {'x'} : java.util.Arrays.copyOf(body, body.length - 1);
            c.header(WebhookSignature.TIMESTAMP_HEADER, now).header(WebhookSignature.SIGNATURE_HEADER, signer.sign(now, other));
        }
        if (r.nextInt(5) == 0) c.header("User-Agent", ascii(pick(r, HostileText.ALL)) + "x");
        return c;
    }

    static String idValue(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> Integer.toString(1 + r.nextInt(1_000_000));
            case 1 -> "\"" + (1 + r.nextInt(1_000_000)) + "\"";
            case 2 -> HostileJson.quote(pick(r, HostileText.ALL));
            case 3 -> "-" + r.nextInt(100);
            case 4 -> "[" + r.nextInt(10) + "]";
            default -> "{\"id\": 1}";
        };
    }

    /** Header values must be visible ASCII on the wire; keep the hostility, drop what HTTP cannot carry. */
    static String ascii(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) if (ch >= 0x21 && ch < 0x7F) b.append(ch); else if (ch == ' ') b.append(' ');
        return b.toString().strip();
    }

    @Test
    void hostileWebhooksAreAnsweredWithoutServerErrorsAndOnlyAcceptedOnesAreStored() {
        long events = count("ticket_events");
        long jobs = count("jobs");
        AtomicInteger accepted = new AtomicInteger();
        Fuzz.Tally tally = Fuzz.run("POST /webhooks/zendesk", app.base(), Fuzz.CASES, this::webhook, (c, a) -> {
            if (a.status() == 202 && a.body().contains("\"status\":\"accepted\"")) accepted.incrementAndGet();
        });
        Fuzz.assertAllSafe(tally);
        System.out.printf("zendesk webhook fuzz: accepted %d, refused 401 %d, 400 %d, 413 %d, ignored or duplicate %d%n",
                accepted.get(), tally.count(401), tally.count(400), tally.count(413), tally.count(202) - accepted.get());
        assertEquals(accepted.get(), count("ticket_events") - events, "one ticket event per accepted webhook, none for the rest");
        assertEquals(accepted.get(), count("jobs") - jobs, "one survey job per accepted webhook, none for the rest");
        assertEquals(0, count("answers"));
    }

    /** Two sent surveys; tokens and nonces are made with the connector's own link secret. */
    private record Surveys(long a, long b, LinkSigner signer) {}

    private Surveys surveys() {
        Instant sent = app.clock.instant().minus(Duration.ofHours(1));
        long a = insertSurvey(501, sent);
        long b = insertSurvey(502, sent);
        return new Surveys(a, b, new LinkSigner(RunningConnector.LINK_SECRET));
    }

    long insertSurvey(long ticket, Instant sent) {
        return app.runtime.db().inTransaction(tx -> tx.insertReturningId("""
                INSERT INTO surveys (source, ticket_id, cycle_key, ticket_url, requester_id, locale, template_id, metric,
                                     state, agent, agent_group, created_at, sent_at, expires_at)
                VALUES ('zendesk', ?, 'c1', ?, '9001', 'en', 'csat', 'csat', 'sent', 'Aino', 'Support', ?, ?, ?)""",
                String.valueOf(ticket), "https://acme.zendesk.com/agent/tickets/" + ticket, sent.toEpochMilli(),
                sent.toEpochMilli(), sent.plus(Duration.ofDays(14)).toEpochMilli()).orElseThrow());
    }

    private static String token(Random r, Surveys s) {
        String real = s.signer.token(r.nextBoolean() ? s.a : s.b);
        return switch (r.nextInt(8)) {
            case 0, 1, 2 -> real;
            case 3 -> { // one character changed
                char[] t = real.toCharArray();
                int i = r.nextInt(t.length);
                t[i] = t[i] == 'A' ? 'B' : 'A';
                yield new String(t);
            }
            case 4 -> new LinkSigner("another-secret-0123456789-0123456789").token(s.a);
            case 5 -> s.signer.token(1_000_000 + r.nextInt(1000)); // genuine signature, no such survey
            case 6 -> HostileJson.pick(r, HostileText.ALL);
            default -> real.substring(0, r.nextInt(real.length())) + HostileJson.pick(r, HostileText.ALL);
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String path(String token) {
        String p = enc(token);
        return "/r/" + (p.isEmpty() ? "x" : p);
    }

    @Test
    void hostileRatingPageFetchesRecordNothing() {
        Surveys s = surveys();
        long answers = count("answers");
        long jobs = count("jobs");
        Fuzz.Tally tally = Fuzz.run("GET /r/{token}", app.base(), (r, i) -> {
            String query = switch (r.nextInt(4)) {
                case 0 -> "";
                case 1 -> "?score=" + (1 + r.nextInt(5));
                case 2 -> "?score=" + enc(HostileJson.pick(r, HostileText.ALL));
                default -> "?" + enc(HostileJson.pick(r, HostileText.ALL)) + "=" + enc(HostileJson.pick(r, HostileText.ALL));
            };
            FuzzCase c = FuzzCase.get(path(token(r, s)) + query, "rating page");
            if (r.nextBoolean()) c.header("User-Agent", ascii(HostileJson.pick(r, HostileText.ALL)) + "x");
            return c;
        });
        Fuzz.assertAllSafe(tally);
        assertEquals(0, count("answers") - answers, "a GET never records an answer");
        assertEquals(0, count("jobs") - jobs, "a GET never enqueues work");
    }

    @Test
    void hostileRatingPostsRecordOnlyGenuineAnswers() {
        Surveys s = surveys();
        long surveys = count("surveys");
        long maxAnswer = countWhere("SELECT COALESCE(MAX(id), 0) FROM answers");
        AtomicInteger recorded = new AtomicInteger();
        Fuzz.Tally tally = Fuzz.run("POST /r/{token}", app.base(), Fuzz.CASES, (r, i) -> {
            long survey = r.nextBoolean() ? s.a : s.b;
            String token = r.nextInt(10) < 8 ? s.signer.token(survey) : token(r, s);
            Instant now = app.clock.instant();
            String nonce = switch (r.nextInt(7)) {
                case 0, 1, 2 -> s.signer.nonce(survey, now.minusSeconds(30));
                case 3 -> s.signer.nonce(survey == s.a ? s.b : s.a, now.minusSeconds(30)); // another survey's
                case 4 -> s.signer.nonce(survey, now.minus(Duration.ofDays(3))); // stale
                case 5 -> null;
                default -> HostileJson.pick(r, HostileText.ALL);
            };
            StringBuilder form = new StringBuilder();
            if (nonce != null) form.append("nonce=").append(enc(nonce)).append('&');
            form.append("score=").append(r.nextInt(3) > 0 ? Integer.toString(r.nextInt(7)) : enc(HostileJson.pick(r, HostileText.ALL)));
            if (r.nextInt(4) > 0) form.append("&comment=").append(enc(HostileJson.pick(r, HostileText.ALL)));
            if (r.nextInt(10) == 0) form.append("&website=").append(enc(HostileJson.pick(r, HostileText.ALL)));
            if (r.nextInt(10) == 0) form.append("&%zz=%").append(enc(HostileJson.pick(r, HostileText.ALL))).append("&&=");
            byte[] body = r.nextInt(20) == 0 ? new HostileJson(List.of("nonce", "score", "comment")).body(r)
                    : form.toString().getBytes(StandardCharsets.UTF_8);
            FuzzCase c = FuzzCase.post(path(token), body, "rating answer");
            if (r.nextInt(5) > 0) c.header("Content-Type", r.nextInt(3) > 0 ? "application/x-www-form-urlencoded"
                    : HostileJson.pick(r, CONTENT_TYPES));
            c.header("User-Agent", r.nextInt(3) > 0 ? RunningConnector.BROWSER : ascii(HostileJson.pick(r, HostileText.ALL)) + "x");
            return c;
        }, (c, a) -> {
            if (a.status() == 303) recorded.incrementAndGet();
        });
        Fuzz.assertAllSafe(tally);
        long added = countWhere("SELECT COUNT(*) FROM answers WHERE id > ?", maxAnswer);
        long answered = countWhere("SELECT COUNT(DISTINCT survey_id) FROM answers WHERE id > ?", maxAnswer);
        long lowHuman = countWhere("SELECT COUNT(DISTINCT survey_id) FROM answers WHERE id > ? AND suspected_bot = 0 "
                + "AND score <= 2", maxAnswer);
        System.out.printf("rating POST fuzz: %d answers taken (%d sent to the thank-you page), refused 400 %d, 404 %d%n",
                added, recorded.get(), tally.count(400), tally.count(404));
        assertTrue(added <= recorded.get(), "an answer row only for a POST that ended on the thank-you page");
        assertTrue(countWhere("SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM answers GROUP BY survey_id) t")
                <= fi.palaute.common.link.AnswerLimits.defaults().maxAnswers(), "a survey takes a bounded number of answers");
        assertEquals(answered, app.runtime.queue().statuses(SurveyJobs.writeBack("zendesk").name()).size(),
                "one write-back per answered survey: the changes wait out one quiet period together");
        assertEquals(lowHuman, app.runtime.queue().statuses(SurveyJobs.SLACK_ALERT.name()).size(),
                "one alert per survey with a low answer by a person");
        assertEquals(surveys, count("surveys"));
        assertEquals(0, countWhere("SELECT COUNT(*) FROM (SELECT survey_id FROM answers WHERE replaced_at IS NULL "
                + "GROUP BY survey_id HAVING COUNT(*) > 1) t"), "at most one current answer per survey");
    }
}
