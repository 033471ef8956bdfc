package fi.palaute.common.config;

import java.util.Optional;

/** Settings every service reads: listen port and the admin token. The database is opened from the same Settings. */
public record ServiceSettings(int port, Optional<String> adminToken) {
    public static ServiceSettings from(Settings s, int defaultPort) {
        Optional<String> token = s.optional("PALAUTE_ADMIN_TOKEN");
        if (token.isPresent() && token.get().length() < 16) {
            throw new SettingException("PALAUTE_ADMIN_TOKEN", "must be at least 16 characters");
        }
        return new ServiceSettings(s.port("PALAUTE_PORT", defaultPort), token);
    }
}
