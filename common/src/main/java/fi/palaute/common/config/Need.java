package fi.palaute.common.config;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a setting must be set and what it is when it is not: a default value (possibly one per
 * service), nothing (the feature it turns on stays off), or required (possibly unless an alternative
 * setting is given, as ZENDESK_URL stands in for ZENDESK_SUBDOMAIN).
 */
public final class Need {
    private final boolean required;
    private final String defaultValue;
    private final Map<Service, String> perService;
    private final String unlessSet;

    private Need(boolean required, String defaultValue, Map<Service, String> perService, String unlessSet) {
        this.required = required;
        this.defaultValue = defaultValue;
        this.perService = perService;
        this.unlessSet = unlessSet;
    }

    public static Need defaultsTo(String value) {
        return new Need(false, value, Map.of(), null);
    }

    /** The listen port: a different default per service ({@link Service#defaultPort()}). */
    public static Need servicePort() {
        Map<Service, String> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) ports.put(s, String.valueOf(s.defaultPort()));
        return new Need(false, null, Map.copyOf(ports), null);
    }

    /** Unset means off, or "none". */
    public static Need optional() {
        return new Need(false, null, Map.of(), null);
    }

    public static Need required() {
        return new Need(true, null, Map.of(), null);
    }

    /** Required, except that setting {@code alternative} (by name) also satisfies it. */
    public static Need requiredUnless(String alternative) {
        return new Need(true, null, Map.of(), alternative);
    }

    public boolean isRequired() { return required; }

    /** The name of the setting that stands in for this one, when there is one. */
    public Optional<String> alternative() { return Optional.ofNullable(unlessSet); }

    /** The default where it is the same for every service. */
    public Optional<String> defaultValue() { return Optional.ofNullable(defaultValue); }

    public Optional<String> defaultFor(Service service) {
        String v = service == null ? null : perService.get(service);
        return Optional.ofNullable(v != null ? v : defaultValue);
    }

    /** How the default reads in --help and docs/settings.md. */
    public String describe() {
        if (required) return unlessSet == null ? "required" : "required (or " + unlessSet + ")";
        if (!perService.isEmpty()) {
            return Arrays.stream(Service.values()).map(s -> s.id() + " " + perService.get(s))
                    .collect(Collectors.joining(", "));
        }
        return defaultValue == null ? "unset" : defaultValue;
    }
}
