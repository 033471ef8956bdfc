package fi.palaute.common.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings every service reads: listen address and port, the admin and metrics tokens, and how long
 * finished work is kept. The database is opened from the same Settings.
 */
public record ServiceSettings(int port, Optional<String> adminToken, String bind, Optional<String> metricsToken,
                              Duration retention) {
    public static final String DEFAULT_BIND = "0.0.0.0";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    /** Listens on every interface, /metrics open, the default retention. */
    public ServiceSettings(int port, Optional<String> adminToken) {
        this(port, adminToken, DEFAULT_BIND, Optional.empty(), DEFAULT_RETENTION);
    }

    /** @param defaultPort the service's {@link Service#defaultPort()}, or 0 (any free port) in tests */
    public static ServiceSettings from(Settings s, int defaultPort) {
        int port = s.optional(Setting.PALAUTE_PORT).map(Integer::parseInt).orElse(defaultPort);
        return new ServiceSettings(port, s.optional(Setting.PALAUTE_ADMIN_TOKEN), s.string(Setting.PALAUTE_BIND),
                s.optional(Setting.PALAUTE_METRICS_TOKEN), s.duration(Setting.PALAUTE_RETENTION));
    }
}
