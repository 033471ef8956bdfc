package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RatingPageTest {

    private static final String ACTION = "/r/abc.DEF_123";
    private static final Pattern RADIO = Pattern.compile("<input type=\"radio\"[^>]*>");

    private final TemplateCatalog catalog = TemplateCatalog.load(null, "en");
    private final RatingPage page = new RatingPage();

    @Test
    void ratingPagePreselectsScore() {
        String html = page.form(catalog.find("csat", "en"), "Acme", RatingForm.opened(ACTION, "n1", OptionalInt.of(4)));
        List<String> checked = radios(html).stream().filter(radio -> radio.contains(" checked")).toList();
        assertEquals(1, checked.size());
        assertTrue(checked.get(0).contains("value=\"4\""), checked.get(0));
    }

    @Test
    void npsPageOffersZeroToTenAndCanPreselectZero() {
        String html = page.form(catalog.find("nps", "en"), "Acme", RatingForm.opened(ACTION, "n1", OptionalInt.of(0)));
        List<String> radios = radios(html);
        assertEquals(11, radios.size());
        assertTrue(radios.get(0).contains("value=\"0\"") && radios.get(0).contains(" checked"));
        assertTrue(radios.get(10).contains("value=\"10\""));
    }

    @Test
    void absentOrOutOfRangeScoreSelectsNothing() {
        for (OptionalInt score : List.of(OptionalInt.empty(), OptionalInt.of(0), OptionalInt.of(6), OptionalInt.of(-1))) {
            String html = page.form(catalog.find("csat", "en"), "Acme", RatingForm.opened(ACTION, "n1", score));
            assertEquals(5, radios(html).size());
            assertFalse(html.contains(" checked"), "score " + score);
        }
    }

    @Test
    void scaleIsAnAccessibleRadioGroup() {
        String html = page.form(catalog.find("ces", "en"), "Acme", RatingForm.opened(ACTION, "n1", OptionalInt.empty()));
        assertTrue(html.contains("<fieldset>\n<legend>Acme made it easy for me to handle my issue.</legend>"));
        for (int score = 1; score <= 7; score++) {
            assertTrue(html.contains("id=\"score-" + score + "\""));
            assertTrue(html.contains("<label for=\"score-" + score + "\">" + score + "</label>"));
        }
        assertTrue(html.contains("<span id=\"low-label\">Strongly disagree</span>"));
        assertTrue(html.contains("<span id=\"high-label\">Strongly agree</span>"));
        assertTrue(radios(html).get(0).contains("aria-describedby=\"low-label\""));
        assertTrue(radios(html).get(6).contains("aria-describedby=\"high-label\""));
        assertTrue(html.contains("min-height:3rem"), "touch targets are at least 48px high");
    }

    @Test
    void formPostsToItsOwnPathWithNonceCommentAndHoneypot() {
        String html = page.form(catalog.find("csat", "en"), "Acme", RatingForm.opened(ACTION, "nonce-42", OptionalInt.of(5)));
        assertTrue(html.contains("<form method=\"post\" action=\"" + ACTION + "\">"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"nonce\" value=\"nonce-42\">"));
        assertTrue(html.contains("<textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"2000\">"));
        assertTrue(html.contains("<button type=\"submit\">Send my answer</button>"));

        Matcher honeypot = Pattern.compile("<input type=\"text\"[^>]*name=\"website\"[^>]*>").matcher(html);
        assertTrue(honeypot.find());
        assertTrue(honeypot.group().contains("tabindex=\"-1\""));
        assertTrue(honeypot.group().contains("autocomplete=\"off\""));
        assertTrue(honeypot.group().contains("aria-hidden=\"true\""));
        assertTrue(html.contains("<div class=\"hp\" aria-hidden=\"true\">"));
        assertTrue(html.contains(".hp{position:absolute;left:-10000px"), "honeypot is off-screen");
    }

    @Test
    void pageIsInTheTemplatesLanguageAndMobileFriendly() {
        String html = page.form(catalog.find("csat", "fi-FI"), "Acme", RatingForm.opened(ACTION, "n", OptionalInt.of(3)));
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"fi\">"));
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertTrue(html.contains("Kuinka tyytyväinen olit saamaasi tukeen?"));
        assertTrue(html.contains("Lähetä vastaus"));
    }

    @Test
    void noPageHasScriptsOrExternalAssets() {
        SurveyTemplate template = catalog.find("nps", "en");
        for (String html : List.of(
                page.form(template, "Acme", RatingForm.opened(ACTION, "n", OptionalInt.of(9))),
                page.thankYou(template, "Acme"),
                page.invalidLink(template, "Acme"),
                page.expiredLink(template, "Acme"))) {
            String lower = html.toLowerCase();
            assertFalse(lower.contains("<script"));
            assertFalse(Pattern.compile("\\son[a-z]+=").matcher(lower).find(), "no event handler attributes");
            assertFalse(lower.contains("<img"));
            assertFalse(lower.contains("<link"));
            assertFalse(lower.contains("http://") || lower.contains("https://") || lower.contains("src="));
            assertTrue(html.contains("<html lang=\"en\">"));
        }
    }

    @Test
    void htmlInCompanyNameIsEscaped() {
        String html = page.form(catalog.find("nps", "en"), "<script>alert(1)</script>",
                RatingForm.opened(ACTION, "n", OptionalInt.empty()));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("recommend &lt;script&gt;alert(1)&lt;/script&gt; to a friend"));
    }

    @Test
    void commentAndNonceAreEscapedWhenShownAgain() {
        String html = page.form(catalog.find("csat", "en"), "Acme",
                RatingForm.scoreMissing(ACTION, "\"><b>", "</textarea><script>x()</script>"));
        assertTrue(html.contains(">&lt;/textarea&gt;&lt;script&gt;x()&lt;/script&gt;</textarea>"));
        assertTrue(html.contains("name=\"nonce\" value=\"&quot;&gt;&lt;b&gt;\""));
        assertFalse(html.contains("<script>"));
    }

    @Test
    void formSentWithoutScoreAsksForOne() {
        String html = page.form(catalog.find("csat", "en"), "Acme", RatingForm.scoreMissing(ACTION, "n", "kept"));
        assertTrue(html.contains("<p class=\"alert\" role=\"alert\" id=\"score-error\">Please choose a score before sending.</p>"));
        assertTrue(html.contains(">kept</textarea>"));
        String fresh = page.form(catalog.find("csat", "en"), "Acme", RatingForm.opened(ACTION, "n", OptionalInt.empty()));
        assertFalse(fresh.contains("role=\"alert\""));
    }

    @Test
    void missingScoreErrorIsTiedToTheScoreGroup() {
        String html = page.form(catalog.find("nps", "en"), "Acme", RatingForm.scoreMissing(ACTION, "n", ""));
        assertTrue(html.contains("<fieldset aria-describedby=\"score-error\">"));
        List<String> radios = radios(html);
        assertEquals(11, radios.size());
        for (String radio : radios) {
            assertTrue(radio.contains("aria-invalid=\"true\""), radio);
            assertTrue(radio.matches("(?s).*aria-describedby=\"[^\"]*score-error\".*"), radio);
        }
        assertTrue(radios.get(0).contains("aria-describedby=\"low-label score-error\""));
        String fresh = page.form(catalog.find("nps", "en"), "Acme", RatingForm.opened(ACTION, "n", OptionalInt.empty()));
        assertFalse(fresh.contains("aria-invalid"));
        assertFalse(fresh.contains("score-error"));
    }

    @Test
    void thankYouSaysTheAnswerCanBeChangedWithTheLink() {
        String html = page.thankYou(catalog.find("csat", "en"), "Acme");
        assertTrue(html.contains("<h1>Thank you for your feedback!</h1>"));
        assertTrue(html.contains("Your answer has been recorded."));
        assertTrue(html.contains("Open the link in the email again to change your answer until the survey closes."));
        assertFalse(html.contains("<form"));
    }

    @Test
    void errorPagesExplainWithoutDetails() {
        String invalid = page.invalidLink(catalog.find("csat", "fi"), "Acme");
        assertTrue(invalid.contains("<html lang=\"fi\">"));
        assertTrue(invalid.contains("Kyselylinkki ei ole voimassa."));
        String expired = page.expiredLink(catalog.find("csat", "en"), "Acme");
        assertTrue(expired.contains("This survey has closed and no longer accepts answers."));
        assertFalse(invalid.contains("<form") || expired.contains("<form"));
    }

    @Test
    void formMustPostToAPathOnThisSite() {
        assertThrows(IllegalArgumentException.class, () -> RatingForm.opened("https://evil.example/r/x", "n", OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> RatingForm.opened("//evil.example/r/x", "n", OptionalInt.empty()));
    }

    private static List<String> radios(String html) {
        return RADIO.matcher(html).results().map(java.util.regex.MatchResult::group).toList();
    }
}
