package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import fi.palaute.common.config.SurveySettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelRulesTest {
    private static SurveySettings settings(String name, String value) {
        Map<String, String> env = new HashMap<>();
        env.put("PALAUTE_PUBLIC_URL", "https://cx.example.com");
        env.put("PALAUTE_LINK_SECRET", "0123456789abcdef0123456789abcdef");
        env.put(name, value);
        return SurveySettings.from(new Settings(env));
    }

    @Test
    void designExamplePicksASurveyPerChannel() {
        ChannelRules rules = ChannelRules.parse("chat=ces,voice=none,*=csat", ChannelRules.DEFAULT_TEXT_CHANNELS, "nps");
        assertEquals(Optional.of("ces"), rules.surveyFor("chat"));
        assertEquals(Optional.empty(), rules.surveyFor("voice"));
        assertEquals(Optional.of("csat"), rules.surveyFor("email"), "* wins over PALAUTE_SURVEY");
        assertEquals(Optional.of("csat"), rules.surveyFor(null), "an unknown channel takes the * rule");
        assertEquals(Set.of("ces", "csat"), rules.surveyIds());
    }

    @Test
    void withoutRulesEveryChannelGetsTheDefaultSurvey() {
        ChannelRules rules = ChannelRules.defaults("nps");
        assertEquals(Optional.of("nps"), rules.surveyFor("voice"));
        assertEquals(SurveyFormat.TEXT, rules.formatFor("native_messaging"));
        assertEquals(SurveyFormat.TEXT, rules.formatFor("whatsapp"));
        assertEquals(SurveyFormat.HTML, rules.formatFor("email"));
        assertEquals(SurveyFormat.HTML, rules.formatFor(null));
    }

    @Test
    void textChannelsCanBeSetOrTurnedOff() {
        assertEquals(SurveyFormat.TEXT, settings("PALAUTE_TEXT_CHANNELS", "web, email").channels().formatFor("web"));
        assertEquals(SurveyFormat.HTML, settings("PALAUTE_TEXT_CHANNELS", "none").channels().formatFor("chat"));
    }

    @Test
    void invalidValuesNameTheSetting() {
        for (String bad : new String[] {"chat", "chat=", "=ces", "chat=ces,chat=csat", "Chat Room=ces", "chat=c$at"}) {
            SettingException e = assertThrows(SettingException.class, () -> settings("PALAUTE_SURVEY_BY_CHANNEL", bad), bad);
            assertTrue(e.getMessage().startsWith("PALAUTE_SURVEY_BY_CHANNEL: "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
        SettingException e = assertThrows(SettingException.class, () -> settings("PALAUTE_TEXT_CHANNELS", "chat,*"));
        assertTrue(e.getMessage().startsWith("PALAUTE_TEXT_CHANNELS: "), e.getMessage());
    }
}
