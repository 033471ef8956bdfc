package fi.palaute.common.survey;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the rating form needs besides the template.
 *
 * @param actionPath     where the form posts: the same {@code /r/{token}} path the page was served at
 * @param nonce          per-render value the POST must carry back
 * @param score          score to pre-select (from {@code ?score=N}); empty or off the scale selects none
 * @param comment        comment to show in the box again, e.g. after a POST without a score
 * @param askToChooseScore whether to say that a score must be chosen (the last POST had none)
 */
public record RatingForm(String actionPath, String nonce, OptionalInt score, String comment, boolean askToChooseScore) {

    public RatingForm {
        Objects.requireNonNull(actionPath, "actionPath");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(score, "score");
        // The form must post back to this site; "//host/..." would be another origin.
        if (!actionPath.startsWith("/") || actionPath.startsWith("//")) {
            throw new IllegalArgumentException("actionPath must be a path on this site, e.g. /r/TOKEN, got \"" + actionPath + "\"");
        }
        comment = comment == null ? "" : comment;
    }

    /** The form as opened from a survey link. */
    public static RatingForm opened(String actionPath, String nonce, OptionalInt score) {
        return new RatingForm(actionPath, nonce, score, "", false);
    }

    /** The form shown again after a POST without a valid score, keeping what was typed. */
    public static RatingForm scoreMissing(String actionPath, String nonce, String comment) {
        return new RatingForm(actionPath, nonce, OptionalInt.empty(), comment, true);
    }
}
