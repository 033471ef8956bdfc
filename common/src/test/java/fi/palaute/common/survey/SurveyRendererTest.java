package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SurveyRendererTest {

    private static final IntFunction<String> LINK = score -> "https://cx.example.com/r/TOKEN?score=" + score;
    private static final String HONEYPOT = "https://cx.example.com/r/TOKEN/h";
    private static final Pattern HREF = Pattern.compile("<a href=\"([^\"]*)\"");

    private final TemplateCatalog catalog = TemplateCatalog.load(null, "en");
    private final SurveyRenderer renderer = new SurveyRenderer();

    @Test
    void csatEmailHasOneLinkPerScore() {
        String html = renderer.html(catalog.find("csat", "en"), "Acme", LINK, HONEYPOT);
        assertEquals(List.of(LINK.apply(1), LINK.apply(2), LINK.apply(3), LINK.apply(4), LINK.apply(5)),
                scoreLinks(html));
    }

    @Test
    void cesEmailHasSevenLinks() {
        String html = renderer.html(catalog.find("ces", "en"), "Acme", LINK, HONEYPOT);
        assertEquals(7, scoreLinks(html).size());
        assertEquals(LINK.apply(7), scoreLinks(html).get(6));
    }

    @Test
    void npsHasElevenLinksFromZero() {
        String html = renderer.html(catalog.find("nps", "en"), "Acme", LINK, HONEYPOT);
        List<String> links = scoreLinks(html);
        assertEquals(11, links.size());
        assertEquals(LINK.apply(0), links.get(0));
        assertEquals(LINK.apply(10), links.get(10));
    }

    @Test
    void emailShowsQuestionEndLabelsAndCommentHint() {
        String html = renderer.html(catalog.find("nps", "fi"), "Acme", LINK, HONEYPOT);
        assertTrue(html.contains("Kuinka todennäköisesti suosittelisit meitä ystävällesi tai kollegallesi?"));
        assertTrue(html.indexOf("En lainkaan todennäköisesti") < html.indexOf("Erittäin todennäköisesti"));
        assertTrue(html.indexOf(">10</a>") < html.indexOf("En lainkaan todennäköisesti"), "labels sit under the scale");
        assertTrue(html.contains("voit halutessasi lisätä myös kommentin"));
    }

    @Test
    void emailHasNoScriptNoRemoteImageAndNoStyleBlock() {
        for (String id : catalog.ids()) {
            String html = renderer.html(catalog.find(id, "en"), "Acme", LINK, HONEYPOT).toLowerCase();
            assertFalse(html.contains("<script"), id);
            assertFalse(html.contains("<img"), id);
            assertFalse(html.contains("<style"), id);
            assertFalse(html.contains("class="), id);
            assertFalse(html.contains("url("), id);
        }
    }

    @Test
    void honeypotLinkIsHiddenFromPeopleInEveryClient() {
        String html = renderer.html(catalog.find("csat", "en"), "Acme", LINK, HONEYPOT);
        Matcher honeypot = Pattern.compile("<a href=\"" + Pattern.quote(HONEYPOT) + "\"[^>]*>").matcher(html);
        assertTrue(honeypot.find(), html);
        assertTrue(honeypot.group().contains("display:none"));
        assertTrue(honeypot.group().contains("mso-hide:all"));
        String wrapper = html.substring(html.lastIndexOf("<div", honeypot.start()), honeypot.start());
        assertTrue(wrapper.contains("display:none;mso-hide:all"), wrapper);
    }

    @Test
    void htmlInCompanyNameIsEscaped() {
        String html = renderer.html(catalog.find("ces", "en"), "<b>Evil</b> & \"Co\"", LINK, HONEYPOT);
        assertFalse(html.contains("<b>Evil"));
        assertTrue(html.contains("&lt;b&gt;Evil&lt;/b&gt; &amp; &quot;Co&quot; made it easy for me to handle my issue."));
    }

    @Test
    void linkWithQuotesCannotBreakOutOfTheAttribute() {
        String html = renderer.html(catalog.find("csat", "en"), "Acme",
                score -> "https://x.example/r/\"onmouseover=\"x?score=" + score, HONEYPOT);
        assertFalse(html.contains("\"onmouseover"));
    }

    @Test
    void nonWebLinksAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> renderer.html(catalog.find("csat", "en"), "Acme",
                score -> "javascript:alert(" + score + ")", HONEYPOT));
        assertThrows(IllegalArgumentException.class, () -> renderer.html(catalog.find("csat", "en"), "Acme",
                LINK, "/relative"));
    }

    @Test
    void textVersionHasOneLinePerScoreWithItsLink() {
        String text = renderer.text(catalog.find("csat", "en"), "Acme", LINK);
        assertTrue(text.startsWith("How satisfied were you with the support you received?\n"
                + "Open the link that matches your answer:\n1 (Very dissatisfied): "), text);
        assertTrue(text.contains("1 (Very dissatisfied): " + LINK.apply(1) + "\n"));
        assertTrue(text.contains("3: " + LINK.apply(3) + "\n"));
        assertTrue(text.contains("5 (Very satisfied): " + LINK.apply(5) + "\n"));
        assertEquals(5, text.lines().filter(line -> line.contains("https://")).count());
        assertFalse(text.contains(HONEYPOT));
    }

    @Test
    void finnishTextFormAsksInFinnish() {
        String text = renderer.text(catalog.find("csat", "fi"), "Acme", LINK);
        assertTrue(text.startsWith("Kuinka tyytyväinen olit saamaasi tukeen?\nAvaa vastaustasi vastaava linkki:\n"), text);
        assertTrue(text.contains("5 (Erittäin tyytyväinen): " + LINK.apply(5) + "\n"), text);
    }

    @Test
    void textFormHasNoMarkup() {
        for (String id : catalog.ids()) {
            String text = renderer.text(catalog.find(id, "en"), "Acme <b>&</b>", LINK);
            assertFalse(text.contains("<table") || text.contains("<a ") || text.contains("&amp;"), id);
        }
    }

    @Test
    void textVersionFillsCompanyWithoutEscaping() {
        String text = renderer.text(catalog.find("nps", "en"), "Smith & Sons", LINK);
        assertTrue(text.contains("recommend Smith & Sons to a friend"));
        assertEquals(11, text.lines().filter(line -> line.contains("https://")).count());
    }

    private static List<String> scoreLinks(String html) {
        return HREF.matcher(html).results()
                .map(match -> match.group(1).replace("&amp;", "&"))
                .filter(href -> !href.equals(HONEYPOT))
                .toList();
    }

    @Test
    void contextLineNamesTheRequestAndTheCompanyAndKeepsTheButtons() {
        var about = java.util.Optional.of(new RequestContext("1002", java.util.Optional.of("Cannot log in")));
        String plain = renderer.html(catalog.find("csat", "en"), "Acme Oy", LINK, HONEYPOT);
        String html = renderer.html(catalog.find("csat", "en"), "Acme Oy", about, LINK, HONEYPOT);
        assertTrue(html.contains(">About your request #1002: Cannot log in</p>"), html);
        assertTrue(html.contains(">Acme Oy</p>"), html);
        assertTrue(html.indexOf("About your request") < html.indexOf("How did we do?"), "the context comes first");
        String buttons = plain.substring(plain.indexOf("<table"), plain.indexOf("</table>"));
        assertTrue(html.contains(buttons), "the score buttons are unchanged");
    }

    @Test
    void contextLineIsFinnishForAFinnishSurvey() {
        var about = java.util.Optional.of(new RequestContext("1002", java.util.Optional.of("En pääse kirjautumaan")));
        String html = renderer.html(catalog.find("nps", "fi"), "Acme Oy", about, LINK, HONEYPOT);
        assertTrue(html.contains(">Koskee pyyntöäsi #1002: En pääse kirjautumaan</p>"), html);
    }

    @Test
    void customerControlledTitleIsEscapedInTheEmail() {
        var about = java.util.Optional.of(new RequestContext("7", java.util.Optional.of(
                "</p><script>alert(1)</script><a href=\"https://evil.example\">win</a> & more")));
        String html = renderer.html(catalog.find("csat", "en"), "Acme", about, LINK, HONEYPOT);
        assertTrue(html.contains("About your request #7: &lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&quot;"
                + "https://evil.example&quot;&gt;win&lt;/a&gt; &amp; more"), html);
        assertFalse(html.contains("<script>") || html.contains("evil.example\">"), html);
    }

    @Test
    void unsetCompanyShowsNoStandInNameLine() {
        var about = java.util.Optional.of(new RequestContext("7", java.util.Optional.empty()));
        String html = renderer.html(catalog.find("csat", "en"), null, about, LINK, HONEYPOT);
        assertFalse(html.contains(">our support team</p>"), html);
        assertTrue(html.contains(">About your request #7</p>"), html);
    }
}
