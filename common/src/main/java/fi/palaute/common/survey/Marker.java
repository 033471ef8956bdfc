package fi.palaute.common.survey;

/**
 * Finds the marker a retry looks for (a survey's link token, {@code palaute-answer-12},
 * {@code palaute-followup-7}) in a reply or note as a whole word: {@code palaute-answer-12} is not found in a
 * note that says {@code palaute-answer-123}, which would make the retry of answer 12 believe its note was
 * already on the ticket and write nothing.
 */
public final class Marker {
    private Marker() {}

    /** Whether {@code text} holds {@code marker} with no letter, digit, {@code -} or {@code _} right after it. */
    public static boolean in(String text, String marker) {
        if (text == null || marker.isEmpty()) return false;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
            int end = at + marker.length();
            if (end == text.length() || !continuesWord(text.charAt(end))) return true;
        }
        return false;
    }

    private static boolean continuesWord(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }
}
