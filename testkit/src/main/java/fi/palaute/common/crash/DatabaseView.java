package fi.palaute.common.crash;

import fi.palaute.common.store.Eventually;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's database read as an outside observer, each query on a connection of its own in
 * autocommit (the JDBC driver comes from the test's class path).
 */
public final class DatabaseView {
    private final String url;

    public DatabaseView(String url) {
        this.url = url;
    }

    public long count(String sql, Object... params) {
        List<String> rows = strings(sql, params);
        return rows.isEmpty() || rows.get(0) == null ? 0 : Long.parseLong(rows.get(0));
    }

    /** The first column of every row, as text. */
    public List<String> strings(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lease of every running job runs out now. Only for a database no live process works on (after a
     * kill, before the restart): those jobs are the dead process's, and this stands in for waiting out
     * PALAUTE_JOB_LEASE (at least a minute), so the restart takes them up at once. Returns how many.
     */
    public int expireLeasesOfTheDead() {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("UPDATE jobs SET lease_until = ? WHERE state = 'running'")) {
            ps.setLong(1, System.currentTimeMillis() - 1);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot expire leases: " + e.getMessage(), e);
        }
    }

    /**
     * The leases held by these owners (workers of a process that is dead now) run out now, while a new
     * process may be working: standing in for PALAUTE_JOB_LEASE passing. Returns how many.
     */
    public int expireLeasesOf(List<String> deadOwners) {
        int n = 0;
        for (String owner : deadOwners) {
            try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(
                    "UPDATE jobs SET lease_until = ? WHERE state = 'running' AND lease_owner = ?")) {
                ps.setLong(1, System.currentTimeMillis() - 1);
                ps.setString(2, owner);
                n += ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot expire leases: " + e.getMessage(), e);
            }
        }
        return n;
    }

    /** Waits until every job is done; fails naming the rest. */
    public void awaitAllJobsDone(Duration within, String context) {
        awaitJobsDone("", within, context);
    }

    /**
     * Waits until every job whose kind starts with {@code kindPrefix} ({@code "freshdesk."}: the jobs this
     * service runs, not the Slack service's) is done; fails naming the rest.
     */
    public void awaitJobsDone(String kindPrefix, Duration within, String context) {
        String notDone = " FROM jobs WHERE state <> 'done' AND kind LIKE ?";
        try {
            Eventually.await("every " + kindPrefix + "* job done", within,
                    () -> count("SELECT COUNT(*)" + notDone, kindPrefix + "%") == 0);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + strings("SELECT kind || ' ' || state || ' ' || attempts || ' '"
                    + " || COALESCE(last_error, '')" + notDone, kindPrefix + "%") + "\n" + context, e);
        }
    }
}
