package fi.palaute.common.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.experiment.Arm;
import fi.palaute.common.experiment.Experiment;
import fi.palaute.common.experiment.ExperimentReport;
import fi.palaute.common.experiment.ExperimentStore;
import fi.palaute.common.experiment.Experiments;
import fi.palaute.common.experiment.ExperimentsPage;
import fi.palaute.common.http.AdminApi;
import fi.palaute.common.http.HttpService;
import fi.palaute.common.score.Metric;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.MutableClock;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The experiments page in headless Chromium: the arms side by side with the figures /api/experiments
 * gives, each difference drawn with its interval, and the verdict; a screenshot goes to target/screenshots.
 */
class ExperimentsPageBrowserTest {
    private static final String TOKEN = "experiments-admin-token-0123456789";
    private static final Instant NOW = Instant.parse("2026-12-20T12:00:00Z");

    @RegisterExtension
    static final BrowserSession session = new BrowserSession();

    private static ChromeDriver driver() {
        return session.driver();
    }

    private Database db;
    private HttpService http;

    @AfterEach
    void stop() {
        if (http != null) http.stop(0);
        if (db != null) db.close();
    }

    private void start() throws Exception {
        db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        MutableClock clock = new MutableClock(NOW);
        Experiment e = new Experiment("short-question", Instant.parse("2026-12-01T00:00:00Z"), Optional.empty(), List.of(
                new Arm("control", "csat", Metric.CSAT, Optional.empty(), 1),
                new Arm("short", "csat_short", Metric.CSAT, Optional.of(Duration.ofHours(2)), 1)));
        new ExperimentStore(db).save(new Experiments(List.of(e)), clock);
        // control: 300 sent, 90 answered (72 satisfied); short: 300 sent, 126 answered (99 satisfied)
        seed("control", 300, 90, 72);
        seed("short", 300, 126, 99);
        HttpService.Builder b = HttpService.builder().port(0).host("127.0.0.1");
        new AdminApi(db, Optional.of(TOKEN), clock, Duration.ofHours(4)).register(b);
        Dashboard.builder(db, TOKEN).clock(clock).experiments(new ExperimentsPage(new ExperimentReport(db, clock)))
                .build().register(b);
        http = b.build().start();
    }

    private void seed(String arm, int sent, int answered, int satisfied) {
        SurveyRows rows = new SurveyRows(db);
        for (int i = 0; i < sent; i++) {
            String ticket = arm + "-" + i;
            Instant at = Instant.parse("2026-12-05T09:00:00Z").plusSeconds(60L * i);
            long id = rows.sentSurvey("zendesk", ticket, "csat", "en", at, "Aino", "Tier 1");
            db.run(tx -> tx.update("UPDATE surveys SET experiment_id = 'short-question', experiment_arm = ? WHERE id = ?",
                    arm, id));
            if (i < answered) rows.answer(id, "zendesk", ticket, "csat", i < satisfied ? 5 : 2, null, at.plusSeconds(600),
                    false, "Aino", "Tier 1");
        }
        // A scanner's answer on an unanswered survey is left out.
        long bot = rows.sentSurvey("zendesk", arm + "-bot", "csat", "en", Instant.parse("2026-12-05T09:00:00Z"), "Aino", "Tier 1");
        rows.answer(bot, "zendesk", arm + "-bot", "csat", 5, null, Instant.parse("2026-12-05T09:00:01Z"), true, "Aino", "Tier 1");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + http.port() + path;
    }

    @Test
    void armsSideBySideTheDifferencesDrawnAndTheVerdict() throws Exception {
        start();
        JsonNode api = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/experiments"))).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("experiments").get(0);

        driver().get(url("/dashboard/experiments"));
        WebElement token = driver().findElement(By.id("token"));
        token.sendKeys(TOKEN);
        driver().findElement(By.cssSelector("form.login button")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
        driver().get(url("/dashboard/experiments"));

        assertEquals(api.at("/comparison/verdict").asText(), driver().findElement(By.cssSelector(".verdict")).getText());
        assertTrue(api.at("/comparison/verdict").asText().startsWith("\"short\" raises the response rate by 12.0 points"),
                api.toString());
        List<WebElement> rows = driver().findElements(By.cssSelector("section.experiment table.arms tbody tr"));
        assertEquals(2, rows.size());
        assertEquals(List.of("control", "csat (CSAT)", "300", "90", "30.0%"),
                Browser.texts(rows.get(0).findElements(By.cssSelector("th, td"))).subList(0, 5));
        assertEquals("42.0%", rows.get(1).findElements(By.cssSelector("td")).get(3).getText());
        List<WebElement> diffs = driver().findElements(By.cssSelector("table.diffs tbody tr"));
        assertEquals(2, diffs.size(), "response rate and score");
        assertEquals("+12.0 points", diffs.get(0).findElements(By.cssSelector("td")).get(1).getText());
        assertEquals(api.at("/comparison/response_rate_diff/ci95/0").asDouble() + "–"
                + api.at("/comparison/response_rate_diff/ci95/1").asDouble(),
                diffs.get(0).findElements(By.cssSelector("td")).get(2).getText());
        assertEquals("shown", diffs.get(0).getAttribute("class"));
        assertEquals("not-shown", diffs.get(1).getAttribute("class"));
        assertEquals(1, diffs.get(0).findElements(By.cssSelector("svg circle.point")).size());
        assertEquals(3, diffs.get(0).findElements(By.cssSelector("svg line.ci")).size(), "interval and its two ends");
        session.browser().screenshot("experiments-desktop", 1280, false);
        session.browser().screenshot("experiments-phone", 390, true);
    }
}
