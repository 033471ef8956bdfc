package fi.palaute.common.survey;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * What the rating page tells a customer who already answered: their answer and until when it can be
 * changed, or that the survey takes no more changes. Worded in English and Finnish, the bundled
 * languages; a custom template in another language gets the English lines.
 *
 * @param score     the current answer
 * @param answered  when it was given
 * @param openUntil when the survey stops taking answers
 */
public record AnswerNotice(int score, Instant answered, Instant openUntil) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public AnswerNotice {
        Objects.requireNonNull(answered, "answered");
        Objects.requireNonNull(openUntil, "openUntil");
    }

    private static boolean finnish(String locale) {
        return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("fi");
    }

    /** Above the form: the earlier answer, and that choosing again replaces it. */
    public String changeable(String locale) {
        return finnish(locale)
                ? "Vastasit " + score + " (" + DAY.format(answered) + "). Voit muuttaa vastaustasi " + DAY.format(openUntil)
                        + " asti: valitse uudelleen ja lähetä."
                : "You answered " + score + " on " + DAY.format(answered) + ". You can change your answer until "
                        + DAY.format(openUntil) + ": choose again and send.";
    }

    /** Instead of the form, once the survey has taken its last change. */
    public String noMoreChanges(String locale) {
        return finnish(locale)
                ? "Vastauksesi " + score + " on tallennettu. Tähän kyselyyn ei voi enää tehdä muutoksia."
                : "Your answer " + score + " is recorded. This survey takes no more changes.";
    }

    /** The link on the thank-you page back to the form. */
    public static String changeLink(String locale) {
        return finnish(locale) ? "Muuta vastaustani" : "Change my answer";
    }
}
