package fi.palaute.common.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, validated access to the environment, by the declarations in {@link Setting}: a value is checked
 * against its declared type and an unset one takes its declared default. Every failure names the setting
 * and what is wrong, never the value, so a mistyped secret does not end up in a log.
 */
public final class Settings {
    private final Map<String, String> env;

    public Settings(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    /** True when the setting is given (not blank). */
    public boolean isSet(Setting setting) {
        return given(setting).isPresent();
    }

    /** The value as given, checked against its type; empty when unset (its default is not applied). */
    public Optional<String> optional(Setting setting) {
        return given(setting).map(v -> checked(setting, v));
    }

    /** The value, else its default; a required setting with neither fails naming it. */
    public String string(Setting setting) {
        return value(setting, null);
    }

    public String required(Setting setting) {
        return optional(setting).orElseThrow(() -> new SettingException(setting.name(), "is required but not set"));
    }

    public int integer(Setting setting) {
        return Integer.parseInt(string(setting));
    }

    /** A listen port; the default depends on the service. */
    public int port(Setting setting, Service service) {
        return Integer.parseInt(value(setting, service));
    }

    public double fraction(Setting setting) {
        return Double.parseDouble(string(setting));
    }

    public Duration duration(Setting setting) {
        return Duration.parse(string(setting));
    }

    /** An http(s) URL without a trailing slash. */
    public URI url(Setting setting) {
        return SettingType.parseUrl(string(setting)).orElseThrow();
    }

    public Optional<URI> optionalUrl(Setting setting) {
        return optional(setting).map(v -> SettingType.parseUrl(v).orElseThrow());
    }

    public List<String> list(Setting setting) {
        return Arrays.stream(string(setting).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public Optional<Path> directory(Setting setting) {
        return optional(setting).map(Path::of);
    }

    /**
     * Every problem with the settings {@code service} reads, at once: required ones that are missing and
     * given ones of the wrong shape. {@code notNeeded} are required settings the running command can do
     * without (setup creates the webhook secret, so it does not need one).
     */
    public List<SettingException> problems(Service service, Set<Setting> notNeeded) {
        List<SettingException> problems = new ArrayList<>();
        for (Setting setting : Setting.of(service)) {
            Optional<String> value = given(setting);
            if (value.isPresent()) {
                setting.type().problem(value.get()).ifPresent(p -> problems.add(new SettingException(setting.name(), p)));
            } else if (setting.need().isRequired() && !notNeeded.contains(setting)
                    && setting.need().alternative().map(a -> raw(a).isEmpty()).orElse(true)) {
                problems.add(new SettingException(setting.name(), setting.need().alternative()
                        .map(a -> "is required (or set " + a + ")").orElse("is required but not set")));
            }
        }
        return problems;
    }

    private String value(Setting setting, Service service) {
        Optional<String> given = optional(setting);
        if (given.isPresent()) return given.get();
        Optional<String> fallback = service == null ? setting.need().defaultValue() : setting.need().defaultFor(service);
        return fallback.orElseThrow(() -> new SettingException(setting.name(), "is required but not set"));
    }

    private Optional<String> given(Setting setting) {
        return raw(setting.name());
    }

    private Optional<String> raw(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return Optional.empty();
        return Optional.of(value.trim());
    }

    private static String checked(Setting setting, String value) {
        setting.type().problem(value).ifPresent(p -> {
            throw new SettingException(setting.name(), p);
        });
        return value;
    }
}
