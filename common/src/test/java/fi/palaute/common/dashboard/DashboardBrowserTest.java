package fi.palaute.common.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium, as a support lead uses it: sign in, read the same numbers the admin
 * API gives, filter by an agent with a click on the breakdown, follow a chart point to its comments, sign
 * out; hostile comments stay text; screenshots on a desktop and a phone go to target/screenshots.
 */
class DashboardBrowserTest {

    @RegisterExtension
    static final BrowserSession session = new BrowserSession();

    private static ChromeDriver driver() {
        return session.driver();
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Messages en = Messages.of("en");
    private DashboardFixture app;

    @AfterEach
    void stopApp() {
        if (app != null) app.close();
        session.browser().emulate(1280, false, "en-US,en");
    }

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void signInSeeTheApiNumbersFilterByAgentFollowAChartPointAndSignOut(TestDatabases.Kind kind) throws Exception {
        app = DashboardFixture.start(kind);
        driver().get(app.url("/dashboard"));
        assertEquals(app.url("/dashboard/login"), driver().getCurrentUrl());

        driver().findElement(By.id("token")).sendKeys("not-the-admin-token-000");
        driver().findElement(By.cssSelector("form.login button")).click();
        assertTrue(new WebDriverWait(driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("login-error"))).isDisplayed(),
                "a wrong token shows the form again");

        signIn();
        assertEquals(app.url("/dashboard"), driver().getCurrentUrl());
        JsonNode total = api("/api/summary?from=2026-11-01&to=2026-12-01");
        assertEquals(en.percent(total.at("/csat/score").asDouble()), text("#card-csat .value"));
        assertEquals(en.count(total.at("/csat/n").asLong()), text("#card-csat .n"));
        assertEquals(interval(total.at("/csat/ci95")), text("#card-csat .ci"));
        assertEquals(en.decimal(total.at("/ces/mean").asDouble(), 1), text("#card-ces .value"));
        assertEquals(interval(total.at("/ces/ci95")), text("#card-ces .ci"));
        assertTrue(text("#card-csat .change").startsWith("▼"), "November fell well below October: " + text("#card-csat .change"));
        assertEquals(en.fraction(total.at("/fcr/rate").asDouble()), text("#card-fcr .value"));
        assertEquals(en.duration(total.at("/handle_time_seconds/median").asDouble()), text("#card-handle .value"));
        assertTrue(text("#card-bots .what").startsWith(total.get("suspected_bot_answers").asLong() + " of "));

        // A click anywhere on Ben's row (here on his n) filters the whole page to him.
        WebElement benRow = driver().findElement(By.xpath("//table[contains(@class,'breakdown')]//tr[th/a[text()='Ben']]"));
        new Actions(driver()).moveToElement(benRow.findElements(By.tagName("td")).get(2)).click().perform();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("agent=Ben"));
        JsonNode ben = group(api("/api/summary?from=2026-11-01&to=2026-12-01&by=agent"), "Ben");
        assertEquals(en.percent(ben.at("/csat/score").asDouble()), text("#card-csat .value"));
        assertEquals(en.count(ben.at("/csat/n").asLong()), text("#card-csat .n"));
        assertEquals(interval(ben.at("/csat/ci95")), text("#card-csat .ci"));
        assertTrue(text("#card-csat .rr").startsWith(en.fraction(ben.get("response_rate").asDouble())));
        assertTrue(driver().findElements(By.id("card-ces")).isEmpty(), "Ben answered no CES survey");

        // The point of 3 November leads to that day's comments on Ben.
        String day = en.date(LocalDate.of(2026, 11, 3));
        WebElement point = driver().findElements(By.cssSelector("svg.score-chart a.point")).stream()
                .filter(a -> a.getAttribute("aria-label").startsWith(day + ":")).findFirst().orElseThrow();
        new Actions(driver()).moveToElement(point.findElement(By.cssSelector("circle.dot"))).click().perform();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/dashboard/comments"));
        assertTrue(driver().getCurrentUrl().contains("from=2026-11-03") && driver().getCurrentUrl().contains("to=2026-11-04"),
                driver().getCurrentUrl());
        assertEquals(List.of("Waited three days for an answer"), Browser.texts(driver().findElements(By.cssSelector(".comment .text"))));

        driver().findElement(By.cssSelector("form.signout button")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(app.url("/dashboard/login")));
        driver().get(app.url("/dashboard"));
        assertEquals(app.url("/dashboard/login"), driver().getCurrentUrl(), "signed out: the dashboard asks to sign in again");
    }

    @Test
    void hostileCommentsAreShownAsText() throws Exception {
        app = DashboardFixture.start(TestDatabases.Kind.SQLITE);
        driver().get(app.url("/dashboard/login"));
        signIn();
        driver().get(app.url("/dashboard/comments"));
        assertEquals("Comments – Palaute", driver().getTitle(), "no script ran");
        List<WebElement> texts = driver().findElements(By.cssSelector(".comment .text"));
        List<String> shown = Browser.texts(texts);
        assertTrue(shown.contains(DashboardFixture.SCRIPT_COMMENT), "markup is shown as typed: " + shown);
        assertTrue(driver().findElements(By.cssSelector(".comment .text b, .comment script")).isEmpty());
        assertTrue(shown.contains(DashboardFixture.EMOJI_COMMENT));
        WebElement rtl = texts.get(shown.indexOf(DashboardFixture.RTL_COMMENT));
        assertEquals("rtl", rtl.getCssValue("direction"), "right-to-left text is laid out right to left");
        assertFalse(shown.contains(DashboardFixture.BOT_COMMENT), "answers flagged as automated are hidden by default");

        session.browser().emulate(390, true, "en-US,en");
        driver().get(app.url("/dashboard/comments"));
        assertTrue(Browser.texts(driver().findElements(By.cssSelector(".comment .text"))).contains(DashboardFixture.LONG_COMMENT));
        assertNoSidewaysScroll();

        driver().get(app.url("/dashboard/comments?bots=include"));
        assertTrue(Browser.texts(driver().findElements(By.cssSelector(".comment .text"))).contains(DashboardFixture.BOT_COMMENT));
    }

    @Test
    void screenshotsOnADesktopAndAPhone() throws Exception {
        app = DashboardFixture.start(TestDatabases.Kind.SQLITE);
        driver().get(app.url("/dashboard/login"));
        session.browser().screenshot("login-desktop", 1280, false);
        signIn();
        for (String lang : List.of("en", "fi")) {
            for (int width : new int[] {1280, 390}) {
                boolean phone = width < 600;
                session.browser().emulate(width, phone, lang);
                String suffix = (phone ? "phone" : "desktop") + (lang.equals("en") ? "" : "-" + lang);
                driver().get(app.url("/dashboard"));
                assertEquals(lang, driver().findElement(By.tagName("html")).getAttribute("lang"));
                if (phone) assertNoSidewaysScroll();
                session.browser().screenshot("overview-" + suffix, width, phone);
                driver().get(app.url("/dashboard/comments"));
                if (phone) assertNoSidewaysScroll();
                session.browser().screenshot("comments-" + suffix, width, phone);
            }
        }
        session.browser().emulate(1280, false, "en-US,en");
        driver().get(app.url("/dashboard/followups"));
        session.browser().screenshot("followups-desktop", 1280, false);
    }

    private void assertNoSidewaysScroll() {
        long overflow = (Long) driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0) {
            Object wide = driver().executeScript("const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.scroll')).slice(0, 5)"
                    + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
            throw new AssertionError("the page scrolls sideways by " + overflow + " px on " + driver().getCurrentUrl() + ": " + wide);
        }
    }

    private void signIn() {
        WebElement token = driver().findElement(By.id("token"));
        token.clear();
        token.sendKeys(DashboardFixture.TOKEN);
        driver().findElement(By.cssSelector("form.login button")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private String text(String css) {
        return driver().findElement(By.cssSelector(css)).getText().trim();
    }

    private String interval(JsonNode ci) {
        return en.decimal(ci.get(0).asDouble(), 1) + " … " + en.decimal(ci.get(1).asDouble(), 1);
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Authorization", "Bearer " + DashboardFixture.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    private static JsonNode group(JsonNode summary, String key) {
        for (JsonNode g : summary.get("groups")) if (g.get("key").asText().equals(key)) return g;
        throw new AssertionError("no group " + key + " in " + summary);
    }
}
