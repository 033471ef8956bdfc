package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.app.SurveyConnector;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import fi.palaute.common.config.SurveySettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without PALAUTE_COMPANY each language uses its own default name, or start-up asks for one. */
class CompanyNameTest {
    private final TemplateCatalog catalog = TemplateCatalog.load(null, "en");

    private static SurveySettings settings(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("PALAUTE_PUBLIC_URL", "https://cx.example.com",
                "PALAUTE_LINK_SECRET", "0123456789abcdef0123456789abcdef"));
        env.putAll(extra);
        return SurveySettings.from(new Settings(env));
    }

    @Test
    void aFinnishSurveyWithoutACompanyNameHasNoEnglishInIt() {
        String html = new SurveyRenderer().html(catalog.find("ces", "fi"), null, s -> "https://x/r/t?score=" + s, "https://x/hp");
        assertTrue(html.contains("Asiakaspalvelumme teki asiani hoitamisesta helppoa."), html);
        assertFalse(html.contains("our support team") || html.contains("{company}"), html);
        String page = new RatingPage().thankYou(catalog.find("csat", "fi"), null);
        assertTrue(page.contains("<p class=\"brand\">Asiakaspalvelumme</p>"), page);
        assertFalse(page.contains("our support team"), page);
    }

    @Test
    void anEnglishSurveyKeepsItsDefaultAndAConfiguredNameWinsInEveryLanguage() {
        assertTrue(new SurveyRenderer().html(catalog.find("ces", "en"), null, s -> "https://x/r/t?score=" + s, "https://x/hp")
                .contains("our support team made it easy"));
        assertTrue(new SurveyRenderer().html(catalog.find("ces", "fi"), "Acme Oy", s -> "https://x/r/t?score=" + s, "https://x/hp")
                .contains("Acme Oy teki asiani hoitamisesta helppoa."));
    }

    @Test
    void npsNeedsNoCompanyNameSinceItsFinnishWordingSaysUs() {
        SurveyConnector.requireCompanyName(catalog, settings(Map.of("PALAUTE_SURVEY", "nps")));
        assertTrue(new SurveyRenderer().text(catalog.find("nps", "fi"), null, s -> "https://x/r/t?score=" + s)
                .contains("Kuinka todennäköisesti suosittelisit meitä ystävällesi tai kollegallesi?"));
    }

    @Test
    void aCustomTemplateThatNamesTheCompanyWithoutADefaultNeedsACompanyName(@org.junit.jupiter.api.io.TempDir
                                                                            java.nio.file.Path dir) throws Exception {
        String json = new String(getClass().getResourceAsStream("/templates/nps.fi.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"id\": \"nps\"", "\"id\": \"nps-named\"")
                .replace("suosittelisit meitä", "suosittelisit meitä ({company})");
        java.nio.file.Files.writeString(dir.resolve("nps-named.fi.json"), json);
        TemplateCatalog custom = TemplateCatalog.load(dir, "en");
        SurveySettings named = settings(Map.of("PALAUTE_SURVEY", "nps-named"));
        SettingException e = assertThrows(SettingException.class, () -> SurveyConnector.requireCompanyName(custom, named));
        assertEquals("PALAUTE_COMPANY", e.setting());
        assertTrue(e.getMessage().contains("nps-named") && e.getMessage().contains("fi"), e.getMessage());
        SurveyConnector.requireCompanyName(custom, settings(Map.of("PALAUTE_SURVEY", "nps-named", "PALAUTE_COMPANY", "Acme")));
        assertThrows(IllegalStateException.class, () -> new SurveyRenderer().text(custom.find("nps-named", "fi"), " ",
                s -> "https://x/r/t?score=" + s), "a blank name is no name");
    }
}
