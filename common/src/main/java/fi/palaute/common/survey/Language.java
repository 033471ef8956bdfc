package fi.palaute.common.survey;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A primary language subtag such as {@code fi}. Templates are chosen by language
 * only, because helpdesks report requesters as "fi", "fi-FI", "fi_FI" or "FI" and
 * all of those should get the Finnish survey.
 */
public record Language(String code) {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

    public Language {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a language code: \"" + code + "\"");
        }
    }

    /** Reads the language out of a locale tag; empty when the tag is blank or not a locale. */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return CODE.matcher(primary).matches() ? Optional.of(new Language(primary)) : Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
