package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BrandingTest {
    private final TemplateCatalog catalog = TemplateCatalog.load(null, "en");

    @Test
    void darkBrandColourGetsWhiteTextAndPaleOneGetsDarkText() {
        assertEquals("#ffffff", Branding.of("#0A7D3E", null).onAccent("#fff"));
        assertEquals("#1f2328", Branding.of("#f2c94c", null).onAccent("#fff"));
        assertEquals("#1f2328", Branding.of("#ffffff", null).onAccent("#fff"));
        assertEquals("#fff", Branding.NONE.onAccent("#fff"), "no brand colour keeps the default");
    }

    @Test
    void paleBrandColourIsNotUsedForLinksOrEdgesOnWhite() {
        Branding pale = Branding.of("#f2c94c", null);
        assertEquals("#0969da", pale.textOnWhite("#0969da"));
        assertEquals("#1f2328", pale.edgeOnWhite("#0969da"));
        Branding dark = Branding.of("#0a7d3e", null);
        assertEquals("#0a7d3e", dark.textOnWhite("#0969da"));
        assertEquals("#0a7d3e", dark.edgeOnWhite("#0969da"));
    }

    @Test
    void contrastFollowsWcag() {
        assertEquals(21.0, Branding.contrast("#000000", "#ffffff"), 0.01);
        assertEquals(1.0, Branding.contrast("#777777", "#777777"), 0.01);
    }

    @Test
    void logoOriginIsSchemeHostAndPort() {
        assertEquals(Optional.of("https://cdn.acme.example"), Branding.of(null, "https://CDN.acme.example/a/logo.png?v=2")
                .logoOrigin());
        assertEquals(Optional.of("https://cdn.acme.example:8443"), Branding.of(null, "https://cdn.acme.example:8443/l.svg")
                .logoOrigin());
        assertEquals(Optional.empty(), Branding.NONE.logoOrigin());
    }

    @Test
    void anHttpLogoOrAMalformedColourIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Branding.of(null, "http://acme.example/logo.png"));
        assertThrows(IllegalArgumentException.class, () -> Branding.of("red", null));
        assertThrows(IllegalArgumentException.class, () -> Branding.of("#12345", null));
    }

    @Test
    void pageShowsTheLogoWithTheCompanyAsAltTextAndTheColourOnButtons() {
        RatingPage page = new RatingPage(Branding.of("#0a7d3e", "https://cdn.acme.example/logo.png"));
        String html = page.form(catalog.find("csat", "fi"), "Acme \"Oy\"", RatingForm.opened("/r/t", "n", OptionalInt.of(4)));
        assertTrue(html.contains("<img class=\"logo\" src=\"https://cdn.acme.example/logo.png\" alt=\"Acme &quot;Oy&quot;\""),
                html);
        assertFalse(html.contains("<p class=\"brand\">"), "the logo replaces the name line");
        assertTrue(html.contains("background:#0a7d3e;color:#ffffff"), html);
        assertFalse(html.contains("{accent}") || html.contains("{onAccent}") || html.contains("{edge}"));
    }

    @Test
    void surveyEmailShowsTheLogoAndKeepsItsButtons() {
        String plain = new SurveyRenderer().html(catalog.find("csat", "en"), "Acme", s -> "https://x/r/t?score=" + s,
                "https://x/hp");
        String branded = new SurveyRenderer(Branding.of("#0a7d3e", "https://cdn.acme.example/logo.png"))
                .html(catalog.find("csat", "en"), "Acme", s -> "https://x/r/t?score=" + s, "https://x/hp");
        assertTrue(branded.contains("<img src=\"https://cdn.acme.example/logo.png\" alt=\"Acme\""), branded);
        assertTrue(branded.contains("background:#0a7d3e"), branded);
        String buttons = plain.substring(plain.indexOf("<table"), plain.indexOf("</table>"));
        assertTrue(branded.contains(buttons), "the score buttons are the same with branding");
        assertFalse(plain.contains("<img"));
    }
}
