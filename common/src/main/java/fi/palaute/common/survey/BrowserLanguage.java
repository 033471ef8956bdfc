package fi.palaute.common.survey;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The language a browser asks for in Accept-Language, for pages shown before any survey is known (a forged
 * or truncated link, the site's root). The highest-weighted supported language wins; ties keep their order.
 */
public final class BrowserLanguage {

    private BrowserLanguage() {
    }

    /** One of {@code supported}, or {@code fallback} when the header is missing or names none of them. */
    public static String pick(String acceptLanguage, List<String> supported, String fallback) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return fallback;
        record Choice(String language, double weight, int position) {}
        String[] parts = acceptLanguage.split(",");
        return Stream.iterate(0, i -> i < parts.length, i -> i + 1)
                .flatMap(i -> choice(parts[i]).map(c -> new Choice(c.language(), c.weight(), i)).stream())
                .filter(c -> c.weight() > 0 && supported.contains(c.language()))
                .min(Comparator.comparingDouble((Choice c) -> -c.weight()).thenComparingInt(Choice::position))
                .map(Choice::language)
                .orElse(fallback);
    }

    private record Weighted(String language, double weight) {}

    private static Optional<Weighted> choice(String part) {
        String[] fields = part.strip().split(";");
        Optional<Language> language = Language.fromTag(fields[0]);
        if (language.isEmpty()) return Optional.empty();
        double weight = 1;
        for (int i = 1; i < fields.length; i++) {
            String f = fields[i].strip();
            if (f.startsWith("q=")) {
                try {
                    weight = Double.parseDouble(f.substring(2));
                } catch (NumberFormatException e) {
                    weight = 0;
                }
            }
        }
        return Optional.of(new Weighted(language.get().code(), weight));
    }
}
