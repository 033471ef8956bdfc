package fi.palaute.common.link;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import fi.palaute.common.dashboard.Browser;
import fi.palaute.common.http.HttpService;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.MutableClock;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import fi.palaute.common.survey.Branding;
import fi.palaute.common.survey.TemplateCatalog;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The rating pages with a brand colour and a logo, served by the real HTTP edge and rendered in headless
 * Chromium: the logo (from a self-signed https stand-in) shows, the page's policy lets images come from
 * the logo's origin and from no other, and the text on brand-coloured buttons is readable on a dark and on
 * a pale brand colour. Screenshots go to target/screenshots/branded-*.png.
 */
class BrandedPagesBrowserTest {
    static final Instant SENT = Instant.parse("2026-03-02T10:00:00Z");
    /** A dark green (white text on it) and a pale yellow (dark text on it). */
    static final String DARK_BRAND = "#0a7d3e";
    static final String PALE_BRAND = "#f2c94c";

    private static final MutableClock clock = new MutableClock(SENT);
    private static final LinkSigner signer = new LinkSigner(RatingEndpointTest.SECRET);
    private static WireMockServer logoHost;
    private static WireMockServer otherHost;
    private static Browser browser;
    private static ChromeDriver driver;
    private static Database db;
    private static SurveyRows rows;
    private static HttpService dark;
    private static HttpService pale;
    private static int ticket = 1000;

    @BeforeAll
    static void start() throws Exception {
        logoHost = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        logoHost.start();
        byte[] logo = logoPng();
        logoHost.stubFor(get(urlPathEqualTo("/brand/logo.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(logo)));
        otherHost = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        otherHost.start();
        otherHost.stubFor(get(urlEqualTo("/pixel.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(logo)));
        browser = Browser.start("--ignore-certificate-errors");
        driver = browser.driver;
        db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        rows = new SurveyRows(db);
        dark = serve(DARK_BRAND);
        pale = serve(PALE_BRAND);
    }

    private static HttpService serve(String colour) throws Exception {
        Branding branding = Branding.of(colour, logoUrl());
        RatingEndpoint rating = new RatingEndpoint(db, new JobQueue(db, clock), signer, TemplateCatalog.load(null, "en"),
                "csat", "Acme Oy", clock, new Metrics(), () -> { }, AnswerLimits.defaults(), branding);
        return HttpService.builder().port(0).host("127.0.0.1")
                .get("/", rating::landing).get("/r/", rating::landing).get("/r/{token}", rating::show)
                .post("/r/{token}", rating::answer).get("/r/{token}/thanks", rating::thanks).build().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (dark != null) dark.stop(0);
        if (pale != null) pale.stop(0);
        if (db != null) db.close();
        if (logoHost != null) logoHost.stop();
        if (otherHost != null) otherHost.stop();
    }

    static String logoUrl() {
        return "https://localhost:" + logoHost.httpsPort() + "/brand/logo.png";
    }

    static Stream<Arguments> pages() {
        return Stream.of("csat", "nps").flatMap(metric -> Stream.of("en", "fi").flatMap(lang ->
                Stream.of(390, 1280).map(width -> Arguments.of(metric, lang, width))));
    }

    @ParameterizedTest(name = "{0} {1} at {2} px")
    @MethodSource("pages")
    void brandedFormShowsTheLogoAndReadableButtonsThenTheBrandedThankYou(String metric, String lang, int width)
            throws Exception {
        boolean phone = width < 600;
        // English pages in the dark brand colour, Finnish in the pale one: both contrast rules get a screenshot.
        HttpService http = lang.equals("en") ? dark : pale;
        String expectedText = lang.equals("en") ? "rgba(255, 255, 255, 1)" : "rgba(31, 35, 40, 1)";
        browser.emulate(width, phone, lang);
        String token = signer.token(rows.sentSurvey("zendesk", String.valueOf(ticket++), metric, lang, SENT, null, null));
        driver.get("http://127.0.0.1:" + http.port() + "/r/" + token + "?score=" + (metric.equals("nps") ? 9 : 4));

        assertLogoShown();
        WebElement chosen = driver.findElement(By.cssSelector(".option input:checked+label"));
        assertEquals(expectedText, chosen.getCssValue("color"), "text on the chosen score");
        WebElement send = driver.findElement(By.cssSelector("button[type=submit]"));
        assertEquals(expectedText, send.getCssValue("color"), "text on the send button");
        for (WebElement button : driver.findElements(By.cssSelector(".option label"))) {
            assertTrue(button.getRect().getWidth() >= 40, "score " + button.getText() + " at " + width + " px");
        }
        browser.screenshot("branded-" + metric + "-" + lang + "-" + width, width, phone);

        send.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("/thanks"));
        assertLogoShown();
        if (metric.equals("csat")) browser.screenshot("branded-thanks-" + lang + "-" + width, width, phone);
    }

    @Test
    void deadEndPagesCarryTheBranding() throws Exception {
        for (String lang : new String[] {"en", "fi"}) {
            HttpService http = lang.equals("en") ? dark : pale;
            browser.emulate(390, true, lang);
            driver.get("http://127.0.0.1:" + http.port() + "/r/forged.token");
            assertLogoShown();
            browser.screenshot("branded-invalid-" + lang + "-390", 390, true);
            String expired = signer.token(rows.sentSurvey("zendesk", String.valueOf(ticket++), "csat", lang,
                    SENT.minus(Duration.ofDays(30)), null, null));
            driver.get("http://127.0.0.1:" + http.port() + "/r/" + expired);
            assertLogoShown();
            assertTrue(driver.findElement(By.tagName("h1")).getText().length() > 0);
            browser.screenshot("branded-expired-" + lang + "-390", 390, true);
        }
    }

    @Test
    void thePagePolicyAllowsImagesFromTheLogosOriginOnly() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + dark.port() + "/r/forged.token")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        String origin = "https://localhost:" + logoHost.httpsPort();
        assertTrue(policy.contains("img-src 'self' " + origin + ";"), policy);
        assertEquals(1, policy.split(java.util.regex.Pattern.quote(origin), -1).length - 1,
                "the logo's origin appears in img-src and nowhere else: " + policy);
        assertTrue(policy.contains("default-src 'none'") && !policy.contains("https:;"), policy);

        // In the browser: an image from another https host is refused, the logo's host is not.
        browser.emulate(1280, false, "en");
        driver.get("http://127.0.0.1:" + dark.port() + "/r/forged.token");
        assertEquals("blocked", loadImage("https://localhost:" + otherHost.httpsPort() + "/pixel.png"));
        assertEquals("loaded", loadImage(logoUrl() + "?again"));
    }

    @ParameterizedTest(name = "survey e-mail {0} {1} at {2} px")
    @MethodSource("pages")
    void surveyEmailOpensWithTheLogoAndTheRequestItIsAbout(String metric, String lang, int width) throws Exception {
        boolean phone = width < 600;
        browser.emulate(width, phone, lang);
        var renderer = new fi.palaute.common.survey.SurveyRenderer(Branding.of(lang.equals("en") ? DARK_BRAND : PALE_BRAND,
                logoUrl()));
        var about = java.util.Optional.of(new fi.palaute.common.survey.RequestContext("1002",
                java.util.Optional.of(lang.equals("en") ? "Cannot log in <again>" : "En pääse kirjautumaan")));
        String fragment = renderer.html(TemplateCatalog.load(null, "en").find(metric, lang), "Acme Oy", about,
                s -> "https://cx.acme.example/r/token?score=" + s, "https://cx.acme.example/r/token/hp");
        // As a mail client shows it: the helpdesk's reply text above the survey, in a plain page.
        String mail = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"></head><body style=\"margin:16px;\">"
                + fragment + "</body></html>";
        java.nio.file.Path file = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "rating-pages"))
                .resolve("email-" + metric + "-" + lang + "-" + width + ".html");
        java.nio.file.Files.writeString(file, mail);
        driver.get(file.toAbsolutePath().toUri().toString());

        WebElement logo = driver.findElement(By.cssSelector("img[alt='Acme Oy']"));
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                ((Number) driver.executeScript("return arguments[0].naturalWidth", logo)).intValue() > 0);
        String body = driver.findElement(By.tagName("body")).getText();
        assertTrue(body.contains(lang.equals("en") ? "About your request #1002: Cannot log in <again>"
                : "Koskee pyyntöäsi #1002: En pääse kirjautumaan"), body);
        long overflow = (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, overflow, "the e-mail scrolls sideways at " + width + " px");
        browser.screenshot("email-" + metric + "-" + lang + "-" + width, width, phone);
    }

    private static String loadImage(String url) {
        return (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const img = new Image();
                img.onload = () => done('loaded');
                img.onerror = () => done('blocked');
                img.src = arguments[0];""", url);
    }

    private static void assertLogoShown() {
        WebElement logo = driver.findElement(By.cssSelector("img.logo"));
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                ((Number) driver.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", logo))
                        .intValue() > 0);
        assertEquals("Acme Oy", logo.getAttribute("alt"));
        assertTrue(logo.getRect().getHeight() <= 40, "logo height " + logo.getRect().getHeight());
    }

    /** A small wordmark: a brand-coloured disc and "Acme Oy". */
    private static byte[] logoPng() throws Exception {
        BufferedImage image = new BufferedImage(320, 80, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x0a7d3e));
        g.fillOval(4, 8, 64, 64);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(8));
        g.drawArc(20, 24, 32, 32, 30, 300);
        try {
            g.setColor(new Color(0x1f2328));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
            g.drawString("Acme Oy", 84, 56);
        } catch (RuntimeException | Error noFonts) {
            // A machine without fonts for Java gets the disc alone: the test is about the logo loading.
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
