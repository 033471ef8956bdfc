package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkerTest {
    @Test
    void anAnswersMarkerIsNotFoundInTheNoteOfAnAnswerWhoseIdStartsTheSame() {
        String note = "Palaute survey answer: CSAT 4 (scale 1–5)\npalaute-answer-123\n";
        assertFalse(Marker.in(note, "palaute-answer-12"), "answer 12's retry must not take answer 123's note for its own");
        assertTrue(Marker.in(note, "palaute-answer-123"));
        assertTrue(Marker.in("<p><small>palaute-answer-12 · 2026-03-01T10:00:00Z</small></p>", "palaute-answer-12"));
        assertTrue(Marker.in("… palaute-answer-12", "palaute-answer-12"), "at the very end");
        assertTrue(Marker.in("palaute-answer-123 and palaute-answer-12.", "palaute-answer-12"), "a later match counts");
    }

    @Test
    void aLinkTokenIsFoundInTheSurveyLinkAndNotInALongerToken() {
        String token = "AAAAAAAAAHQxKoS8tUX2Qwmk-ptHSdof";
        assertTrue(Marker.in("<a href=\"https://cx.example.test/r/" + token + "?score=5\">5</a>", token));
        assertFalse(Marker.in("https://cx.example.test/r/" + token + "x", token));
        assertFalse(Marker.in(null, token));
    }
}
