package fi.palaute.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.store.TestDatabases;
import java.net.URLEncoder;
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

/** Touchpoints on Zendesk: the channel recorded, the plain-text survey for messaging, a survey per channel. */
class ZendeskChannelTest {
    private static final Instant SOLVED = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");

    private final FakeZendesk zendesk = new FakeZendesk();
    private RunningConnector app;

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
        zendesk.close();
    }

    private JsonNode awaitSurveyComment(long ticket) {
        var puts = RunningConnector.await("survey reply on " + ticket, () -> zendesk.surveyPosts(ticket), l -> !l.isEmpty());
        RunningConnector.await("survey " + ticket + " marked sent", () -> app.surveys(ticket),
                l -> !l.isEmpty() && "sent".equals(l.get(0).get("state")));
        return zendesk.body(puts.get(0)).path("ticket").path("comment");
    }

    /** The rating links of a text survey, in order of score. */
    private static List<String> links(String text) {
        Matcher m = ZendeskSurveyTest.SCORE_LINK.matcher(text);
        List<String> links = new ArrayList<>();
        while (m.find()) links.add(m.group(1) + "?score=" + m.group(2));
        return links;
    }

    /** Opens a rating link as a person would and confirms the score on the page. */
    private void answer(String link, int score) {
        var page = app.get(link, "User-Agent", RunningConnector.BROWSER);
        assertEquals(200, page.statusCode(), page.body());
        Matcher nonce = NONCE.matcher(page.body());
        assertTrue(nonce.find(), page.body());
        app.clock.advance(Duration.ofMinutes(2));
        var posted = app.postForm(link.substring(0, link.indexOf('?')), "score=" + score + "&comment=&nonce="
                + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8) + "&website=", RunningConnector.BROWSER);
        assertEquals(303, posted.statusCode(), posted.body());
        // past the quiet period the write-back waits for a change of mind
        app.clock.advance(fi.palaute.common.link.AnswerLimits.defaults().quietPeriod().plusSeconds(1));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void messagingTicketGetsThePlainTextSurveyInTheRequestersLanguageWithWorkingLinks(TestDatabases.Kind kind)
            throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(301).channel("native_messaging").locale("fi"), 1, 0, SOLVED, 20);
        app = new RunningConnector(zendesk, Map.of(), kind);
        app.webhook(RunningConnector.triggerBody(301, SOLVED.toString()));

        JsonNode comment = awaitSurveyComment(301);
        assertTrue(comment.path("public").asBoolean());
        assertFalse(comment.has("html_body"), "a messaging conversation gets body only: " + comment);
        String text = comment.path("body").asText();
        assertTrue(text.startsWith("Kuinka tyytyväinen olit saamaasi tukeen?\nAvaa vastaustasi vastaava linkki:\n"), text);
        assertFalse(text.contains("<"), "no markup for the conversation to strip: " + text);
        List<String> links = links(text);
        assertEquals(5, links.size(), text);

        answer(links.get(3), 4);
        var answers = RunningConnector.await("the answer", () -> app.rows(
                "SELECT score, channel FROM answers WHERE ticket_id = '301'"), l -> !l.isEmpty());
        assertEquals(4L, answers.get(0).get("score"));
        assertEquals("native_messaging", answers.get(0).get("channel"));
        assertEquals("native_messaging", app.rows("SELECT channel FROM surveys WHERE ticket_id = '301'").get(0).get("channel"));
        assertEquals("native_messaging", app.outcomes(301).get(0).get("channel"));
    }

    @Test
    void emailTicketStillGetsTheHtmlSurvey() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(302).channel("web"), 1, 0, SOLVED, 20);
        app = new RunningConnector(zendesk, Map.of());
        app.webhook(RunningConnector.triggerBody(302, SOLVED.toString()));
        JsonNode comment = awaitSurveyComment(302);
        assertTrue(comment.path("html_body").asText().contains("<table"), comment.toString());
        assertFalse(comment.has("body"));
    }

    @Test
    void surveyByChannelAsksChatForEffortAndSuppressesVoice() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(303).channel("voice"), 1, 0, SOLVED, 20);
        zendesk.ticket(FakeZendesk.Ticket.solved(304).channel("chat"), 1, 0, SOLVED, 20);
        zendesk.ticket(FakeZendesk.Ticket.solved(305).channel("email"), 1, 0, SOLVED, 20);
        app = new RunningConnector(zendesk, Map.of("PALAUTE_SURVEY_BY_CHANNEL", "chat=ces,voice=none,*=csat",
                "PALAUTE_COOLDOWN", "PT0S"));
        for (long id : new long[] {303, 304, 305}) app.webhook(RunningConnector.triggerBody(id, SOLVED.toString()));

        String chat = awaitSurveyComment(304).path("body").asText();
        assertTrue(chat.startsWith("our support team made it easy for me to handle my issue.\n"), chat);
        assertEquals(7, links(chat).size(), "CES asks on 1-7: " + chat);
        assertEquals(5, links(awaitSurveyComment(305).path("html_body").asText()).size());

        app.awaitJobsFinished("zendesk.survey", 3);
        Map<String, Object> voice = app.surveys(303).get(0);
        assertEquals("suppressed", voice.get("state"));
        assertEquals("channel", voice.get("suppressed_reason"));
        assertEquals(0, zendesk.surveyPosts(303).size(), "no reply on the voice ticket");
        assertEquals("voice", app.outcomes(303).get(0).get("channel"), "its outcome is still recorded");
        assertTrue(app.get("/metrics").body().contains(
                "palaute_surveys_total{source=\"zendesk\",outcome=\"suppressed\",reason=\"channel\"} 1"));
    }

    @Test
    void unknownSurveyForAChannelStopsStartUpNamingTheSetting() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(fi.palaute.common.config.SettingException.class,
                () -> new RunningConnector(zendesk, Map.of("PALAUTE_SURVEY_BY_CHANNEL", "chat=csat_short")));
        assertEquals("PALAUTE_SURVEY_BY_CHANNEL", e.setting());
        assertTrue(e.getMessage().contains("csat_short"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void summaryByChannelSplitsTheTotalExactly(TestDatabases.Kind kind) throws Exception {
        String[] channels = {"email", "email", "native_messaging", "web", "voice"};
        int[] scores = {5, 2, 4, 1, 3};
        for (int i = 0; i < channels.length; i++) {
            zendesk.ticket(FakeZendesk.Ticket.solved(310 + i).channel(channels[i]), 1, 0, SOLVED, 20);
        }
        app = new RunningConnector(zendesk, Map.of("PALAUTE_COOLDOWN", "PT0S"), kind);
        for (int i = 0; i < channels.length; i++) {
            long id = 310 + i;
            app.webhook(RunningConnector.triggerBody(id, SOLVED.toString()));
            JsonNode comment = awaitSurveyComment(id);
            // One survey is left unanswered, so the response rates differ by channel.
            if (i == 1) continue;
            String body = comment.has("html_body") ? comment.path("html_body").asText() : comment.path("body").asText();
            answer(links(body).get(scores[i] - 1), scores[i]);
        }
        RunningConnector.await("four answers", () -> app.rows("SELECT id FROM answers"), l -> l.size() == 4);

        String range = "from=" + app.clock.instant().minus(Duration.ofDays(1)) + "&to=" + app.clock.instant().plus(Duration.ofDays(1));
        String auth = "Bearer " + RunningConnector.ADMIN_TOKEN;
        JsonNode total = new ObjectMapper().readTree(app.get("/api/summary?" + range, "Authorization", auth).body());
        var split = app.get("/api/summary?by=channel&" + range, "Authorization", auth);
        assertEquals(200, split.statusCode(), split.body());
        JsonNode byChannel = new ObjectMapper().readTree(split.body());
        long sent = 0, answers = 0, csatN = 0, fcrN = 0;
        List<String> keys = new ArrayList<>();
        for (JsonNode g : byChannel.path("groups")) {
            keys.add(g.path("key").asText());
            sent += g.path("surveys_sent").asLong();
            answers += g.path("answers").asLong();
            csatN += g.path("csat").path("n").asLong();
            fcrN += g.path("fcr").path("n").asLong();
        }
        assertEquals(List.of("email", "native_messaging", "voice", "web"), keys.stream().sorted().toList());
        assertEquals(5, total.path("surveys_sent").asLong());
        assertEquals(total.path("surveys_sent").asLong(), sent);
        assertEquals(total.path("answers").asLong(), answers);
        assertEquals(total.path("csat").path("n").asLong(), csatN);
        assertEquals(total.path("fcr").path("n").asLong(), fcrN);
        String csv = app.get("/api/responses.csv?" + range, "Authorization", auth).body();
        assertTrue(csv.startsWith("source,ticket_id,metric,score,comment,answered_at,agent,group,channel,"), csv);
        assertTrue(csv.contains(",Aino Agent,Billing,native_messaging,"), csv);
    }
}
