package fi.palaute.common.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, validated access to the environment. Every failure names the setting and what is wrong,
 * never the value, so a mistyped secret does not end up in a log.
 */
public final class Settings {
    private final Map<String, String> env;

    public Settings(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    public Optional<String> optional(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return Optional.empty();
        return Optional.of(value.trim());
    }

    public String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new SettingException(name, "is required but not set"));
    }

    public String secret(String name, int minLength) {
        String value = required(name);
        if (value.length() < minLength) {
            throw new SettingException(name, "must be at least " + minLength + " characters (it has " + value.length() + ")");
        }
        return value;
    }

    public int port(String name, int defaultValue) {
        int port = integer(name, defaultValue);
        if (port < 0 || port > 65535) throw new SettingException(name, "must be a port number 0-65535");
        return port;
    }

    public int integer(String name, int defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) return defaultValue;
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new SettingException(name, "must be a whole number");
        }
    }

    public double fraction(String name, double defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) return defaultValue;
        double d;
        try {
            d = Double.parseDouble(value.get());
        } catch (NumberFormatException e) {
            throw new SettingException(name, "must be a number between 0 and 1");
        }
        if (!(d >= 0 && d <= 1)) throw new SettingException(name, "must be a number between 0 and 1");
        return d;
    }

    public Duration duration(String name, Duration defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) return defaultValue;
        try {
            Duration d = Duration.parse(value.get());
            if (d.isNegative()) throw new SettingException(name, "must not be negative");
            return d;
        } catch (DateTimeParseException e) {
            throw new SettingException(name, "must be an ISO-8601 duration such as PT10M or P7D");
        }
    }

    public URI url(String name) {
        String value = required(name);
        return parseUrl(name, value);
    }

    public Optional<URI> optionalUrl(String name) {
        return optional(name).map(v -> parseUrl(name, v));
    }

    private static URI parseUrl(String name, String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new SettingException(name, "must be an absolute http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SettingException(name, "must be an absolute http(s) URL");
        }
    }

    public List<String> list(String name, String defaultValue) {
        return Arrays.stream(string(name, defaultValue).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public Optional<Path> directory(String name) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) return Optional.empty();
        Path path = Path.of(value.get());
        if (!java.nio.file.Files.isDirectory(path)) throw new SettingException(name, "is not a readable folder");
        return Optional.of(path);
    }
}
