package fi.palaute.common.store;

import fi.palaute.common.config.Setting;
import fi.palaute.common.config.SettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * One plain connection attempt before the pool is built, so that a database that cannot be reached
 * (a folder that does not exist, a closed port, a wrong password, a missing database) stops start-up
 * at once with the driver's own reason, instead of the pool waiting its 30 s connection timeout and
 * then failing with a stack trace of its own.
 */
final class FirstConnection {
    /** The whole attempt stays well inside the 5 s a person waits for a start-up error. */
    private static final int TIMEOUT_SECONDS = 4;

    private FirstConnection() {}

    /** @throws SettingException naming PALAUTE_DB_URL with the database's reason */
    static void require(String url, Dialect dialect, String user, String password, String displayUrl) {
        if (dialect == Dialect.SQLITE) sqliteFolder(url).ifPresent(folder -> {
            // SQLite's own words for this are "unable to open database file", which names neither.
            throw new SettingException(Setting.PALAUTE_DB_URL.name(), "cannot open " + displayUrl + ": the folder "
                    + folder + " does not exist");
        });
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        if (dialect == Dialect.POSTGRESQL) {
            props.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
            props.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
            props.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS));
        }
        try (Connection c = driver(dialect).connect(url, props)) {
            if (c == null) throw new SQLException("the driver does not take this URL");
        } catch (SQLException e) {
            throw new SettingException(Setting.PALAUTE_DB_URL.name(), "cannot open " + displayUrl + ": " + reason(e));
        }
    }

    private static java.sql.Driver driver(Dialect dialect) throws SQLException {
        try {
            String name = dialect == Dialect.SQLITE ? "org.sqlite.JDBC" : "org.postgresql.Driver";
            return (java.sql.Driver) Class.forName(name).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("no JDBC driver for " + dialect, e);
        }
    }

    /** The driver's first line, plus the cause when the driver's own words are only "it failed". */
    static String reason(SQLException e) {
        String message = firstLine(e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + " (" + firstLine(cause.toString()) + ")";
        }
        return message;
    }

    private static String firstLine(String s) {
        if (s == null) return "no reason given";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** The folder of a SQLite file when that folder does not exist. */
    private static Optional<Path> sqliteFolder(String url) {
        String file = sqliteFile(url);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) return Optional.empty();
        Path parent = Path.of(file).toAbsolutePath().normalize().getParent();
        return parent != null && !Files.isDirectory(parent) ? Optional.of(parent) : Optional.empty();
    }

    private static String sqliteFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    /** For the log: a SQLite URL with its file as an absolute path, so two services can be compared. */
    static String sqliteDisplayUrl(String url) {
        String file = sqliteFile(url);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) return "jdbc:sqlite:" + file;
        return "jdbc:sqlite:" + Path.of(file).toAbsolutePath().normalize();
    }
}
