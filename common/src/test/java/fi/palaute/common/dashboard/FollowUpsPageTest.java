package fi.palaute.common.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.followup.Actor;
import fi.palaute.common.followup.CloseReason;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.http.HttpService;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.MutableClock;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard's follow-ups page in headless Chromium: the digest's line, the list, the state filter. */
class FollowUpsPageTest {
    static final String TOKEN = "followups-admin-token-0123456789";
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

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

    private String url(String path) {
        return "http://127.0.0.1:" + http.port() + path;
    }

    private void start(TestDatabases.Kind kind) throws Exception {
        db = TestDatabases.open(kind);
        MutableClock clock = new MutableClock(NOW);
        SurveyRows rows = new SurveyRows(db);
        FollowUpStore store = new FollowUpStore(db);
        Instant day = NOW.minus(Duration.ofDays(2));
        long[] ids = new long[4];
        String[][] answers = {{"zendesk", "5001", "1", "Nobody <b>called</b> back", "Aino"},
                {"freshdesk", "5002", "2", "Slow", "Ben"}, {"zendesk", "5003", "1", "Wrong invoice", "Aino"},
                {"zendesk", "5004", "2", "", "Ben"}};
        for (int i = 0; i < answers.length; i++) {
            String[] a = answers[i];
            Instant at = day.plus(Duration.ofHours(i));
            long survey = rows.sentSurvey(a[0], a[1], "csat", "en", at.minusSeconds(3600), a[4], "Tier 1");
            long answer = rows.answer(survey, a[0], a[1], "csat", Integer.parseInt(a[2]), a[3].isEmpty() ? null : a[3], at,
                    false, a[4], "Tier 1");
            ids[i] = db.inTransaction(tx -> store.open(tx, survey, answer, a[0], a[1], at).orElseThrow());
        }
        store.claim(ids[0], new Actor("U1", "aino.k"), day.plus(Duration.ofMinutes(30)));
        store.close(ids[0], CloseReason.DONE, new Actor("U1", "aino.k"), "Called, refunded the fee", true,
                day.plus(Duration.ofMinutes(90)));
        store.claim(ids[1], new Actor("U2", "ben.s"), day.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(50)));
        store.close(ids[2], CloseReason.NO_ACTION, new Actor("U2", "ben.s"), "No action needed", null,
                day.plus(Duration.ofHours(3)));
        HttpService.Builder b = HttpService.builder().port(0).host("127.0.0.1");
        Dashboard.builder(db, TOKEN).clock(clock).followups(new FollowUpSection(store, Duration.ofHours(4), clock))
                .build().register(b);
        http = b.build().start();
    }

    private void signIn() {
        driver().get(url("/dashboard/login"));
        driver().findElement(By.id("token")).sendKeys(TOKEN);
        driver().findElement(By.cssSelector("form.login button")).click();
        // The click returns before the POST's redirect has set the session cookie on a busy machine.
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private List<String> tickets() {
        return driver().findElements(By.cssSelector("table.followups tbody tr td:nth-child(2)")).stream()
                .map(e -> e.getText()).toList();
    }

    @ParameterizedTest
    @MethodSource("fi.palaute.common.store.TestDatabases#kinds")
    void followUpsPageListsThemWithTheDigestLineAndFiltersByState(TestDatabases.Kind kind) throws Exception {
        start(kind);
        signIn();
        driver().get(url("/dashboard/followups"));
        assertEquals("4 low scores, 3 followed up, median 40 min to claim, 1 past the SLA (240 min).",
                driver().findElement(By.cssSelector(".followup-summary")).getText());
        assertEquals(List.of("Ticket 5004 in Zendesk", "Ticket 5003 in Zendesk", "Ticket 5002 in Freshdesk",
                "Ticket 5001 in Zendesk"), tickets(), "newest first");
        String first = driver().findElement(By.cssSelector("tr[data-followup] td:nth-child(4)")).getText();
        assertEquals("", first);
        String done = driver().findElement(By.cssSelector("table.followups tbody tr:last-child")).getText();
        assertTrue(done.contains("Nobody <b>called</b> back"), "a comment stays text: " + done);
        assertTrue(done.contains("aino.k") && done.contains("Called, refunded the fee") && done.contains("Closed"), done);
        Path shot = session.browser().screenshot("followups-" + kind.name().toLowerCase(), 1280, false);
        assertTrue(Files.size(shot) > 0);

        driver().findElement(By.linkText("Claimed")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("state=claimed"));
        assertTrue(driver().getCurrentUrl().endsWith("state=claimed"), driver().getCurrentUrl());
        assertEquals(List.of("Ticket 5002 in Freshdesk"), tickets());
        assertEquals("page", driver().findElement(By.linkText("Claimed")).getAttribute("aria-current"));
        driver().findElement(By.linkText("Open")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("state=open"));
        assertEquals(List.of("Ticket 5004 in Zendesk"), tickets());
        driver().findElement(By.linkText("All")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("state=open"));
        assertEquals(4, tickets().size());
    }
}
