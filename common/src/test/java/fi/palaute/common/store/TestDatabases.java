package fi.palaute.common.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Fresh, empty databases for tests: a SQLite file in a temporary folder, and a new PostgreSQL database
 * on the server named by PALAUTE_TEST_PG_URL (an admin URL such as
 * {@code jdbc:postgresql://localhost:5432/postgres?user=postgres&password=…}). Under CI=true a missing
 * PostgreSQL fails the tests instead of skipping them.
 */
public final class TestDatabases {
    public static final String PG_URL_VARIABLE = "PALAUTE_TEST_PG_URL";
    private static final String PG_NAME_PREFIX = "palaute_t_";
    private static final AtomicBoolean leftoversDropped = new AtomicBoolean();

    /** Which backend a parameterised test runs on. */
    public enum Kind { SQLITE, POSTGRESQL }

    private TestDatabases() {}

    /** The backends to test: SQLite always; PostgreSQL when configured, and always under CI. */
    public static Stream<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        kinds.add(Kind.SQLITE);
        if (pgAdminUrl() != null || isCi()) kinds.add(Kind.POSTGRESQL);
        return kinds.stream();
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static String pgAdminUrl() {
        String url = System.getenv(PG_URL_VARIABLE);
        return url == null || url.isBlank() ? null : url;
    }

    /** A JDBC URL of a new empty database of that kind (the database itself is created for PostgreSQL). */
    public static String newUrl(Kind kind) {
        return kind == Kind.SQLITE ? newSqliteUrl() : newPostgresUrl();
    }

    public static Database open(Kind kind) {
        return Database.open(newUrl(kind), null, null);
    }

    public static String newSqliteUrl() {
        try {
            Path dir = Files.createTempDirectory("palaute-test");
            dir.toFile().deleteOnExit();
            return "jdbc:sqlite:" + dir.resolve("palaute.db");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String newPostgresUrl() {
        String admin = pgAdminUrl();
        if (admin == null) {
            throw new IllegalStateException(PG_URL_VARIABLE + " is not set: PostgreSQL tests need a server "
                    + "(.ci/run starts one; locally: export " + PG_URL_VARIABLE
                    + "=jdbc:postgresql://localhost:5432/postgres?user=postgres&password=postgres)");
        }
        String name = PG_NAME_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            if (leftoversDropped.compareAndSet(false, true)) dropLeftovers(s);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on PostgreSQL: " + e.getMessage(), e);
        }
        // Swap the database name in the admin URL, keeping host, port and parameters.
        int slash = admin.indexOf('/', "jdbc:postgresql://".length());
        int q = admin.indexOf('?', slash);
        return admin.substring(0, slash + 1) + name + (q < 0 ? "" : admin.substring(q));
    }

    /**
     * Drops the test databases earlier test runs left behind, once per test JVM: nothing else removes them,
     * and a developer's server grew to 25 GB of them. One still in use (another JVM's) refuses the plain
     * DROP and stays.
     */
    private static void dropLeftovers(Statement s) throws SQLException {
        List<String> idle = new ArrayList<>();
        String pattern = PG_NAME_PREFIX.replace("_", "\\_") + "%"; // "_" alone matches any character
        try (var rows = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + pattern
                + "' AND datname NOT IN (SELECT datname FROM pg_stat_activity WHERE datname IS NOT NULL)")) {
            while (rows.next()) idle.add(rows.getString(1));
        }
        for (String leftover : idle) {
            try {
                s.execute("DROP DATABASE IF EXISTS " + leftover);
            } catch (SQLException inUseNow) {
                // Someone connected since the query: it is not a leftover.
            }
        }
    }
}
