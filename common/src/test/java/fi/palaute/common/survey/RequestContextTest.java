package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestContextTest {
    @Test
    void saysWhichRequestInTheSurveysLanguage() {
        RequestContext about = new RequestContext("1002", Optional.of("Cannot log in"));
        assertEquals("About your request #1002: Cannot log in", about.line("en"));
        assertEquals("Koskee pyyntöäsi #1002: Cannot log in", about.line("fi-FI"));
        assertEquals("About your request #1002: Cannot log in", about.line("sv"), "a language without its own line");
    }

    @Test
    void aTicketWithoutATitleIsNamedByItsNumber() {
        assertEquals("About your request #5", new RequestContext("5", Optional.of("  \n ")).line("en"));
        assertEquals("Koskee pyyntöäsi #5", new RequestContext("5", Optional.empty()).line("fi"));
    }

    @Test
    void titleBecomesOnePlainLineWithoutControlOrDirectionCharacters() {
        RequestContext about = new RequestContext("9", Optional.of("Bill\r\n\tis \u202Egnorw\u202C\u0000 wrong\u200B"));
        assertEquals("About your request #9: Bill is gnorw wrong", about.line("en"));
    }

    @Test
    void aVeryLongTitleIsCutWithAnEllipsis() {
        String line = new RequestContext("9", Optional.of("x".repeat(500))).line("en");
        assertTrue(line.endsWith("x…"), line);
        assertEquals("About your request #9: ".length() + RequestContext.TITLE_MAX_LENGTH, line.length());
    }
}
