package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.dashboard.Browser;
import fi.palaute.common.dashboard.BrowserSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.WebElement;

/**
 * The rating page in headless Chromium on two phones and a desktop: every score button is a tap target at
 * least 40 px wide, nothing scrolls sideways, and the end labels sit beside the buttons they name.
 * Screenshots go to target/screenshots/rating-*.png.
 */
class RatingPageBrowserTest {
    private static final int MIN_TAP_WIDTH = 40;

    @RegisterExtension
    static final BrowserSession session = new BrowserSession();

    private static ChromeDriver driver() {
        return session.driver();
    }

    private final TemplateCatalog catalog = TemplateCatalog.load(null, "en");
    private final RatingPage page = new RatingPage();

    static Stream<Arguments> pages() {
        return Stream.of("csat", "ces", "nps").flatMap(metric -> Stream.of("en", "fi").flatMap(lang ->
                Stream.of(320, 390, 1280).map(width -> Arguments.of(metric, lang, width))));
    }

    @ParameterizedTest(name = "{0} {1} at {2} px")
    @MethodSource("pages")
    void everyScoreIsAWideEnoughTapTargetAndNothingScrollsSideways(String metric, String lang, int width) throws Exception {
        boolean phone = width < 600;
        session.browser().emulate(width, phone, lang);
        String html = page.form(catalog.find(metric, lang), "Acme Oy",
                RatingForm.opened("/r/token", "nonce", OptionalInt.empty()));
        Path file = Files.createDirectories(Path.of("target", "rating-pages"))
                .resolve(metric + "-" + lang + "-" + width + ".html");
        Files.writeString(file, html);
        driver().get(file.toAbsolutePath().toUri().toString());

        List<WebElement> buttons = driver().findElements(By.cssSelector(".option label"));
        assertEquals(switch (metric) { case "nps" -> 11; case "ces" -> 7; default -> 5; }, buttons.size());
        for (WebElement button : buttons) {
            int w = button.getRect().getWidth();
            assertTrue(w >= MIN_TAP_WIDTH, "score " + button.getText() + " is " + w + " px wide at " + width + " px");
        }
        long overflow = (Long) driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, overflow, "the page scrolls sideways at " + width + " px");

        // The low label starts where the lowest score does, the high label ends where the highest does.
        WebElement lowest = buttons.get(0);
        WebElement highest = buttons.get(buttons.size() - 1);
        WebElement low = driver().findElement(By.id("low-label"));
        WebElement high = driver().findElement(By.id("high-label"));
        assertEquals(lowest.getRect().getX(), low.getRect().getX(), 1, "low label beside the lowest score");
        assertEquals(highest.getRect().getX() + highest.getRect().getWidth(),
                high.getRect().getX() + high.getRect().getWidth(), 1, "high label beside the highest score");
        int lowGap = Math.abs(low.getRect().getY() - lowest.getRect().getY());
        int highGap = Math.abs(high.getRect().getY() - highest.getRect().getY());
        assertTrue(lowGap < 80 && highGap < 80, "labels next to their rows: " + lowGap + ", " + highGap);

        session.browser().screenshot("rating-" + metric + "-" + lang + "-" + width, width, phone);
    }

    @ParameterizedTest(name = "dead ends in {0} at 320 px")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "fi"})
    void deadEndPagesFitAPhone(String lang) throws Exception {
        session.browser().emulate(320, true, lang);
        SurveyTemplate template = catalog.find("csat", lang);
        for (var named : java.util.Map.of("invalid", page.invalidLink(template, "Acme Oy"),
                "expired", page.expiredLink(template, "Acme Oy"), "landing", page.landing(template, "Acme Oy")).entrySet()) {
            Path file = Files.createDirectories(Path.of("target", "rating-pages")).resolve(named.getKey() + "-" + lang + ".html");
            Files.writeString(file, named.getValue());
            driver().get(file.toAbsolutePath().toUri().toString());
            long overflow = (Long) driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertEquals(0, overflow, named.getKey() + " scrolls sideways");
            session.browser().screenshot("rating-" + named.getKey() + "-" + lang + "-320", 320, true);
        }
    }
}
