package fi.palaute.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.link.AnswerLimits;
import fi.palaute.common.link.RatingEndpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One rating link cannot flood a ticket: thirty low answers 1.5 s apart on one survey (the case that
 * once made thirty notes, thirty tag updates and thirty Slack alerts) reach the ticket as at most two
 * write-backs and raise one alert, and the answer that stands reaches the ticket whole.
 */
class AnswerSpamTest {
    private static final Instant SOLVED = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");

    private final FakeZendesk zendesk = new FakeZendesk();
    private RunningConnector app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
        zendesk.close();
    }

    @Test
    void thirtyAnswersOnOneSurveyMakeAtMostTwoNotesAndOneAlert() throws Exception {
        zendesk.ticket(FakeZendesk.Ticket.solved(301), 1, 0, SOLVED, 95);
        app = new RunningConnector(zendesk, Map.of());
        app.webhook(RunningConnector.triggerBody(301, "2026-03-01T10:00Z"));
        var posts = RunningConnector.await("survey reply", () -> zendesk.surveyPosts(301), l -> !l.isEmpty());
        String html = zendesk.body(posts.get(0)).path("ticket").path("comment").path("html_body").asText();
        Matcher link = ZendeskSurveyTest.SCORE_LINK.matcher(html);
        assertTrue(link.find(), html);
        String path = link.group(1);
        RunningConnector.await("survey marked sent", () -> app.surveys(301), l -> "sent".equals(l.get(0).get("state")));
        app.clock.advance(Duration.ofMinutes(1)); // a person, not a scanner

        String nonce = null;
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            var page = app.get(path, "User-Agent", RunningConnector.BROWSER);
            Matcher m = NONCE.matcher(page.body());
            if (m.find()) nonce = m.group(1);
            else refused++;
            var r = app.postForm(path, "score=" + (1 + i % 2) + "&comment=" + URLEncoder.encode("attempt " + i,
                    StandardCharsets.UTF_8) + "&nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8) + "&website=",
                    RunningConnector.BROWSER);
            assertEquals(303, r.statusCode(), r.body());
            app.clock.advance(Duration.ofMillis(1500));
        }
        int limit = AnswerLimits.defaults().maxAnswers();
        assertEquals(30 - limit, refused, "after its last change the page offers no form");
        var last = app.get(path, "User-Agent", RunningConnector.BROWSER).body();
        assertTrue(last.contains("This survey takes no more changes."), last);

        // Nothing is written while the changes keep coming; once the quiet period has passed, the answer that
        // stands is written, whole.
        assertTrue(zendesk.notes(301).isEmpty(), "no write-back during the burst");
        app.clock.advance(AnswerLimits.defaults().quietPeriod().plusSeconds(1));
        var done = app.awaitJobsFinished("zendesk.writeback", 1);
        var notes = RunningConnector.await("the note", () -> zendesk.notes(301), l -> !l.isEmpty());
        String standing = "attempt " + (limit - 1);
        int standingScore = 1 + (limit - 1) % 2;
        var update = zendesk.body(notes.get(notes.size() - 1)).path("ticket");
        String text = update.path("comment").path("body").asText();
        assertTrue(text.contains("CSAT " + standingScore) && text.contains(standing), text);
        assertEquals(1L, app.rows("SELECT COUNT(*) AS n FROM answers WHERE replaced_at IS NULL AND comment = ? AND score = ?",
                standing, standingScore).get(0).get("n"));
        var tags = update.path("additional_tags");
        assertTrue(tags.toString().contains("palaute_csat_" + standingScore), update.toString());

        long alerts = app.jobs(fi.palaute.common.survey.SurveyJobs.SLACK_ALERT.name()).size();
        System.out.printf("SPAM 30 answers 1.5 s apart on one survey: %d taken, %d refused, %d write-back job(s), "
                + "%d ticket update(s) with a private note, %d low-score alert(s)%n", limit, 30 - limit, done.size(),
                zendesk.notes(301).size(), alerts);
        assertTrue(zendesk.notes(301).size() <= 2, "private notes: " + zendesk.notes(301).size());
        assertEquals(zendesk.writeBacks(301).size(), done.size(), "each write-back is one ticket update");
        assertEquals(1, alerts, "one low-score alert for the survey");
    }
}
