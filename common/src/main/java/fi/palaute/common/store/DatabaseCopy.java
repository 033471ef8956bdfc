package fi.palaute.common.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies every Palaute table from one database to another, ids included — how a deployment moves from
 * its SQLite file to PostgreSQL. The target must be freshly migrated and empty; the services must be
 * stopped while it runs. On PostgreSQL the id sequences are moved past the copied ids.
 */
public final class DatabaseCopy {
    /** Parents before children, so foreign keys hold at every step. */
    static final List<String> TABLES = List.of("ticket_events", "ticket_outcomes", "surveys", "answers", "jobs", "digests");
    private static final int BATCH = 1000;

    private DatabaseCopy() {}

    /** Rows copied per table. */
    public static Map<String, Long> copy(Database from, Database to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        to.run(target -> {
            for (String table : TABLES) {
                if (target.queryLong("SELECT COUNT(*) FROM " + table) > 0) {
                    throw new IllegalStateException("the target already has rows in " + table + "; copy into an empty database");
                }
            }
            for (String table : TABLES) {
                counts.put(table, from.inTransaction(source -> copyTable(source.connection(), target.connection(), table)));
            }
            if (target.dialect() == Dialect.POSTGRESQL) {
                for (String table : TABLES) {
                    target.queryOne("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                            + "COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)", rs -> 1);
                }
            }
        });
        return counts;
    }

    private static long copyTable(Connection source, Connection target, String table) {
        try (Statement select = source.createStatement(); ResultSet rs = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) columns.add(meta.getColumnName(i));
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            long rows = 0;
            try (PreparedStatement ps = target.prepareStatement(insert)) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) ps.setObject(i, rs.getObject(i));
                    ps.addBatch();
                    if (++rows % BATCH == 0) ps.executeBatch();
                }
                ps.executeBatch();
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("copying " + table + " failed: " + e.getMessage(), e);
        }
    }
}
