package fi.palaute.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** A PostgreSQL server the benchmark may create databases on. */
final class Pg {
    private final String adminUrl;

    private Pg(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    static Optional<Pg> fromEnvironment(String explicit) {
        if (explicit != null) return explicit.isBlank() ? Optional.empty() : Optional.of(new Pg(explicit));
        String url = System.getenv("PALAUTE_BENCH_PG_URL");
        if (url == null || url.isBlank()) url = System.getenv("PALAUTE_TEST_PG_URL");
        if (url == null || url.isBlank()) return Optional.empty();
        return Optional.of(new Pg(url));
    }

    /** The URL of another database on the same server, credentials kept. */
    String urlOf(String database) {
        int q = adminUrl.indexOf('?');
        String base = q < 0 ? adminUrl : adminUrl.substring(0, q);
        String params = q < 0 ? "" : adminUrl.substring(q);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + params;
    }

    boolean exists(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl);
             var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Drops (if there) and creates the database; returns its URL. */
    String fresh(String database) throws SQLException {
        drop(database);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return urlOf(database);
    }

    void drop(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    String setting(String name) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement();
             var rs = s.executeQuery("SHOW " + name)) {
            return rs.next() ? rs.getString(1) : "?";
        } catch (SQLException e) {
            return "?";
        }
    }
}
