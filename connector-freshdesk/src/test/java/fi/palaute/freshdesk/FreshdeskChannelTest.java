package fi.palaute.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.palaute.common.store.TestDatabases;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Touchpoints on Freshdesk: source codes as channel names, the plain-text survey for chat, a survey per channel. */
class FreshdeskChannelTest {
    private static final Pattern LINK = Pattern.compile(Pattern.quote(Harness.PUBLIC_URL) + "(/r/[A-Za-z0-9_\\-.]+)\\?score=(\\d+)");
    private static final String RESOLVED_AT = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

    private final FreshdeskFake fake = new FreshdeskFake();
    private Harness app;

    static Stream<TestDatabases.Kind> databases() {
        return TestDatabases.kinds();
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
        fake.close();
    }

    private void resolved(long id, int source, String language) {
        ObjectNode ticket = fake.ticket(id, 4, RESOLVED_AT, null);
        ticket.put("source", source);
        fake.stubTicket(ticket);
        fake.contact(FreshdeskFake.REQUESTER, language);
        app.webhook("{\"ticket_id\": " + id + ", \"ticket_status\": \"Resolved\"}");
    }

    private String replyBody(long id) throws Exception {
        Harness.await("the survey reply on " + id, Duration.ofSeconds(15),
                () -> !fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/" + id + "/reply"))).isEmpty());
        return fake.json.readTree(fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/" + id + "/reply")))
                .get(0).getBodyAsString()).path("body").asText();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void chatTicketGetsThePlainTextSurveyWithWorkingLinks(TestDatabases.Kind db) throws Exception {
        app = new Harness(fake, Map.of(), db);
        resolved(401, 7, "fi");
        String body = replyBody(401);

        assertTrue(body.startsWith("Kuinka tyytyväinen olit saamaasi tukeen?<br>\nAvaa vastaustasi vastaava linkki:<br>\n"),
                body);
        assertFalse(body.contains("<table") || body.contains("<a ") || body.contains("display:none"),
                "text only, one line per link: " + body);
        Matcher m = LINK.matcher(body);
        List<String> paths = new ArrayList<>();
        while (m.find()) paths.add(m.group(1));
        assertEquals(5, paths.size(), body);
        app.awaitJobsSettled();

        String page = app.send(HttpRequest.newBuilder(URI.create(app.base() + paths.get(4) + "?score=5"))
                .header("User-Agent", Harness.BROWSER).build()).body();
        Matcher nonce = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(nonce.find(), page);
        app.clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> answer = app.send(HttpRequest.newBuilder(URI.create(app.base() + paths.get(4)))
                .header("User-Agent", Harness.BROWSER).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("score=5&comment=&website=&nonce="
                        + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8))).build());
        assertEquals(303, answer.statusCode(), "the answer ends on the thank-you page: " + answer.body());
            // past the quiet period the write-back waits for a change of mind
            app.clock.advance(fi.palaute.common.link.AnswerLimits.defaults().quietPeriod().plusSeconds(1));
        assertEquals("chat", app.string("SELECT channel FROM answers WHERE ticket_id = '401' AND score = 5"));
        assertEquals("chat", app.string("SELECT channel FROM surveys WHERE ticket_id = '401'"));
        assertEquals("chat", app.string("SELECT channel FROM ticket_outcomes WHERE ticket_id = '401'"));
    }

    @Test
    void sourceCodesAreRecordedByTheirNamesAndPhoneCanBeLeftUnsurveyed() throws Exception {
        app = new Harness(fake, Map.of("PALAUTE_SURVEY_BY_CHANNEL", "phone=none,*=csat", "PALAUTE_COOLDOWN", "PT0S"));
        int[] sources = {1, 2, 3, 9, 10, 12};
        for (int i = 0; i < sources.length; i++) resolved(410 + i, sources[i], "en");
        app.awaitJobsSettled();
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            channels.add(app.string("SELECT channel FROM ticket_outcomes WHERE ticket_id = ?", String.valueOf(410 + i)));
        }
        assertEquals(List.of("email", "portal", "phone", "feedback_widget", "outbound_email", "source_12"), channels);
        assertEquals("channel", app.string("SELECT suppressed_reason FROM surveys WHERE ticket_id = '412'"));
        assertEquals(0, fake.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/412/reply"))).size());
        assertTrue(replyBody(410).contains("<table"), "e-mail keeps the HTML survey");
        assertEquals(5, app.count("SELECT COUNT(*) FROM surveys WHERE state = 'sent'"));
    }
}
