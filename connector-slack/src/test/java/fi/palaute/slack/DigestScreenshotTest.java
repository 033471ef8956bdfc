package fi.palaute.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.common.dashboard.Browser;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.TestDatabases;
import fi.palaute.common.survey.HtmlText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The golden week's digest as a reader sees it: its Block Kit JSON laid out the way Slack draws it (header,
 * sections in mrkdwn, divider, the small grey context footer) in headless Chromium, on a desktop and a
 * phone. Screenshots go to target/screenshots/digest-*.png; docs/slack.md shows one.
 */
class DigestScreenshotTest {
    private Database db;
    private Fixture fixture;

    @BeforeEach
    void open() {
        db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        fixture = new Fixture(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void weeklyDigestReadsAsSlackShowsIt() throws Exception {
        fixture.goldenWeek();
        JsonNode message = new DigestComposer().compose(new DigestReportQuery(db, java.time.Duration.ofHours(4),
                java.time.Clock.systemUTC()).load(DigestComposerTest.WEEK)).toJson();
        Path file = Files.createDirectories(Path.of("target", "digest")).resolve("digest-week.html");
        Files.writeString(file, page(message));
        try (Browser browser = Browser.start()) {
            for (int width : new int[] {720, 390}) {
                boolean phone = width < 600;
                browser.emulate(width, phone, "en");
                browser.driver.get(file.toAbsolutePath().toUri().toString());
                String text = browser.driver.findElement(By.tagName("body")).getText();
                assertTrue(text.contains("Groups by CSAT (5 answers or more)"), text);
                assertTrue(text.contains("How FCR (first contact resolution) was counted"), text);
                assertTrue(!text.contains("stats.reopened at") && !text.contains("*"), "mrkdwn rendered: " + text);
                long overflow = (Long) browser.driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertEquals(0, overflow, "scrolls sideways at " + width + " px");
                browser.screenshot("digest-week-" + width, width, phone);
            }
        }
    }

    /** Block Kit to HTML, close to Slack's own look: enough of mrkdwn for what digests use. */
    static String page(JsonNode message) {
        StringBuilder body = new StringBuilder();
        for (JsonNode block : message.path("blocks")) {
            switch (block.path("type").asText()) {
                case "header" -> body.append("<h1>").append(HtmlText.escape(block.path("text").path("text").asText()))
                        .append("</h1>\n");
                case "section" -> body.append("<div class=\"section\">").append(mrkdwn(block.path("text").path("text")
                        .asText())).append("</div>\n");
                case "divider" -> body.append("<hr>\n");
                case "context" -> {
                    body.append("<div class=\"context\">");
                    for (JsonNode e : block.path("elements")) body.append("<span>").append(mrkdwn(e.path("text").asText()))
                            .append("</span>");
                    body.append("</div>\n");
                }
                default -> throw new AssertionError("a block the digest should not use: " + block);
            }
        }
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><style>
                body{margin:0;background:#fff;color:#1d1c1d;font:15px/1.47 Lato,"Helvetica Neue",Arial,sans-serif}
                .msg{display:flex;gap:8px;padding:12px 16px;max-width:760px}
                .avatar{flex:none;width:36px;height:36px;border-radius:6px;background:#0a7d3e;color:#fff;font-weight:700;
                  display:flex;align-items:center;justify-content:center}
                .content{min-width:0;flex:1}
                .who{font-weight:900}.who small{font-weight:400;color:#616061;margin-left:6px}
                h1{font-size:18px;font-weight:900;margin:4px 0 8px}
                .section{margin:0 0 8px;white-space:pre-wrap;overflow-wrap:anywhere}
                code{font:12px Monaco,Menlo,Consolas,monospace;color:#c01343;background:#f8f8f8;border:1px solid #ddd;
                  border-radius:3px;padding:1px 3px}
                blockquote{margin:0;padding-left:10px;border-left:4px solid #ddd;display:block}
                a{color:#1264a3;text-decoration:none}
                hr{border:0;border-top:1px solid #ddd;margin:8px 0}
                .context{font-size:12px;color:#616061;white-space:pre-wrap;overflow-wrap:anywhere}
                </style></head><body><div class="msg"><div class="avatar">P</div><div class="content">
                <div class="who">Palaute <small>APP 09:00</small></div>
                """ + body + "</div></div></body></html>\n";
    }

    /** Slack's mrkdwn as the digest writes it: it arrives escaped (&amp; &lt; &gt;), so it is HTML already. */
    static String mrkdwn(String text) {
        String html = text;
        Matcher m = Pattern.compile("<(https?://[^|>]+)\\|([^>]*)>").matcher(html);
        html = m.replaceAll(r -> "<a href=\"" + Matcher.quoteReplacement(r.group(1)) + "\">"
                + Matcher.quoteReplacement(r.group(2)) + "</a>");
        html = html.replaceAll("`([^`]+)`", "<code>$1</code>");
        html = html.replaceAll("(?<![\\w*])\\*([^*\\n]+)\\*(?![\\w*])", "<b>$1</b>");
        html = html.replaceAll("(?<![\\w_])_([^_\\n]+)_(?![\\w_])", "<i>$1</i>");
        html = html.replaceAll("(?m)^> (.*)$", "<blockquote>$1</blockquote>");
        return html.replace("\n<blockquote>", "<blockquote>").replace("</blockquote>\n", "</blockquote>");
    }
}
