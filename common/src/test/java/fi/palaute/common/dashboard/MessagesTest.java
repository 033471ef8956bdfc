package fi.palaute.common.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void englishAndFinnishHaveTheSameTexts() {
        assertEquals(Messages.of("en").keys(), Messages.of("fi").keys());
    }

    @Test
    void theBrowsersLanguageChoosesFinnishOrEnglish() {
        assertEquals("fi", Messages.forAcceptLanguage("fi-FI,fi;q=0.9,en;q=0.8").lang());
        assertEquals("en", Messages.forAcceptLanguage("sv-SE,en;q=0.5,fi;q=0.3").lang());
        assertEquals("fi", Messages.forAcceptLanguage("sv-SE,fi;q=0.5").lang());
        assertEquals("en", Messages.forAcceptLanguage("de-DE").lang());
        assertEquals("en", Messages.forAcceptLanguage(";;;q=x").lang());
        assertEquals("en", Messages.forAcceptLanguage(null).lang());
    }

    @Test
    void numbersAreRoundedAsTheApiRoundsThemAndWrittenInTheLanguagesNotation() {
        assertEquals("0.1%", Messages.of("en").percent(0.05));
        assertEquals("83,3 %", Messages.of("fi").percent(83.25).replace('\u00a0', ' '));
        assertEquals("13 min 05 s", Messages.of("en").duration(785.0));
    }
}
