package fi.palaute.common.config;

import fi.palaute.common.survey.ChannelRules;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The shape a setting's value must have. {@link #problem} checks a value and says what is wrong with it
 * without repeating it, so a mistyped secret never reaches a log line.
 *
 * @param description how the type reads in docs/settings.md
 * @param secret      whether the value is a credential (never printed, shown as "secret" in the docs)
 */
public record SettingType(String description, boolean secret, Function<String, Optional<String>> check) {

    /** What is wrong with {@code value}, or empty when it is fine. */
    public Optional<String> problem(String value) {
        return check.apply(value);
    }

    public static SettingType text() {
        return new SettingType("text", false, v -> Optional.empty());
    }

    /** A credential of at least {@code minLength} characters (0: any length). */
    public static SettingType secret(int minLength) {
        return new SettingType(minLength > 0 ? "secret, at least " + minLength + " characters" : "secret", true,
                v -> v.length() >= minLength ? Optional.empty()
                        : Optional.of("must be at least " + minLength + " characters (it has " + v.length() + ")"));
    }

    /** A credential that starts with one of the vendor's prefixes (Slack tokens: {@code xox}). */
    public static SettingType secretStartingWith(String prefix, String problem) {
        return new SettingType("secret, starts with " + prefix, true,
                v -> v.startsWith(prefix) ? Optional.empty() : Optional.of(problem));
    }

    public static SettingType port() {
        return wholeNumber(0, 65535, "must be a port number 0-65535", "port number");
    }

    public static SettingType wholeNumber(long min, long max) {
        return wholeNumber(min, max, "must be a whole number " + min + "-" + max, "whole number " + min + "-" + max);
    }

    private static SettingType wholeNumber(long min, long max, String problem, String description) {
        return new SettingType(description, false, v -> {
            try {
                long n = Long.parseLong(v);
                return n >= min && n <= max ? Optional.empty() : Optional.of(problem);
            } catch (NumberFormatException e) {
                return Optional.of(problem.startsWith("must be a whole number") ? problem : "must be a whole number");
            }
        });
    }

    public static SettingType fraction() {
        return new SettingType("number 0-1", false, v -> {
            try {
                double d = Double.parseDouble(v);
                if (d >= 0 && d <= 1) return Optional.empty();
            } catch (NumberFormatException e) {
                // falls through to the message
            }
            return Optional.of("must be a number between 0 and 1");
        });
    }

    public static SettingType duration() {
        return new SettingType("ISO-8601 duration", false, v -> {
            try {
                return Duration.parse(v).isNegative() ? Optional.of("must not be negative") : Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of("must be an ISO-8601 duration such as PT10M or P7D");
            }
        });
    }

    public static SettingType httpUrl() {
        return new SettingType("http(s) URL", false, v -> parseUrl(v).isPresent()
                ? Optional.empty() : Optional.of("must be an absolute http(s) URL"));
    }

    /** An absolute https URL (a logo shown to customers: a page served over https must not load it over http). */
    public static SettingType httpsUrl() {
        return new SettingType("https URL", false, v -> parseUrl(v).filter(u -> u.getScheme().equals("https")).isPresent()
                ? Optional.empty() : Optional.of("must be an absolute https URL, such as https://example.com/logo.png"));
    }

    /** A colour as six hex digits after #, as in CSS: #0a7d3e. */
    public static SettingType hexColour() {
        return matching("colour #rrggbb", "#[0-9A-Fa-f]{6}", "must be a colour written #rrggbb, such as #0a7d3e");
    }

    public static SettingType jdbcUrl() {
        return new SettingType("JDBC URL", false, v -> v.startsWith("jdbc:sqlite:") || v.startsWith("jdbc:postgresql:")
                ? Optional.empty() : Optional.of("must start with jdbc:sqlite: or jdbc:postgresql:"));
    }

    public static SettingType list() {
        return new SettingType("comma-separated list", false, v -> Optional.empty());
    }

    public static SettingType folder() {
        return new SettingType("folder", false, v -> Files.isDirectory(Path.of(v))
                ? Optional.empty() : Optional.of("is not a readable folder"));
    }

    public static SettingType file() {
        return new SettingType("file", false, v -> Files.isRegularFile(Path.of(v)) && Files.isReadable(Path.of(v))
                ? Optional.empty() : Optional.of("is not a readable file"));
    }

    public static SettingType oneOf(String... choices) {
        List<String> allowed = List.of(choices);
        return new SettingType("one of " + String.join(", ", allowed), false,
                v -> allowed.contains(v.toLowerCase(Locale.ROOT)) ? Optional.empty()
                        : Optional.of("must be one of " + String.join(", ", allowed)));
    }

    /** PALAUTE_SURVEY_BY_CHANNEL: {@code channel=survey} pairs; whether the surveys exist is checked with the templates. */
    public static SettingType channelSurveys() {
        return new SettingType("channel=survey list", false, v -> problemOf(() -> ChannelRules.parse(v, "", "csat")));
    }

    /** PALAUTE_TEXT_CHANNELS: channel names, or {@code none}. */
    public static SettingType channelNames() {
        return new SettingType("comma-separated channel names", false,
                v -> problemOf(() -> ChannelRules.parse("", v, "csat")));
    }

    private static Optional<String> problemOf(Runnable parse) {
        try {
            parse.run();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Free-form text that must match {@code regex}; {@code problem} says what was expected. */
    public static SettingType matching(String description, String regex, String problem) {
        Pattern pattern = Pattern.compile(regex);
        return new SettingType(description, false,
                v -> pattern.matcher(v).matches() ? Optional.empty() : Optional.of(problem));
    }

    static Optional<URI> parseUrl(String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
