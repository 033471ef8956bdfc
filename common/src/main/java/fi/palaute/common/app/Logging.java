package fi.palaute.common.app;

import fi.palaute.common.config.Setting;
import fi.palaute.common.config.Settings;
import java.util.Locale;
import java.util.Map;

/**
 * Configures the service jars' logging binding (slf4j-simple) from PALAUTE_LOG_LEVEL before the first
 * logger exists: one line per event, ISO time, thread and logger, to standard error.
 */
public final class Logging {
    private Logging() {}

    public static void configure(Map<String, String> env) {
        String level = new Settings(env).string(Setting.PALAUTE_LOG_LEVEL).toLowerCase(Locale.ROOT);
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        // Connection-pool chatter is not an event an operator needs at INFO.
        setIfAbsent("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        // Jetty's start-up banner and per-connection notes: the service logs its own line per request.
        setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
