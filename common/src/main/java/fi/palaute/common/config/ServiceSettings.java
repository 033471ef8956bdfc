package fi.palaute.common.config;

import java.util.Optional;

/**
 * Settings every service reads: listen address and port, and the admin token. The database is opened
 * from the same Settings.
 */
public record ServiceSettings(int port, Optional<String> adminToken, String bind) {
    public static final String DEFAULT_BIND = "0.0.0.0";

    /** Listens on every interface. */
    public ServiceSettings(int port, Optional<String> adminToken) {
        this(port, adminToken, DEFAULT_BIND);
    }

    /** @param defaultPort the service's {@link Service#defaultPort()}, or 0 (any free port) in tests */
    public static ServiceSettings from(Settings s, int defaultPort) {
        int port = s.optional(Setting.PALAUTE_PORT).map(Integer::parseInt).orElse(defaultPort);
        return new ServiceSettings(port, s.optional(Setting.PALAUTE_ADMIN_TOKEN), s.string(Setting.PALAUTE_BIND));
    }
}
