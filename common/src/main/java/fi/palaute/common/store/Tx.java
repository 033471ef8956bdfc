package fi.palaute.common.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One connection inside one transaction, with just enough helpers that SQL can sit next to the code
 * that runs it.
 */
public final class Tx {
    private final Connection connection;
    private final Dialect dialect;

    Tx(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    public Dialect dialect() { return dialect; }

    public Connection connection() { return connection; }

    public int update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update failed: " + firstLine(sql) + ": " + e.getMessage(), e);
        }
    }

    public <T> List<T> query(String sql, Row<T> row, Object... params) {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(row.map(rs));
            return out;
        } catch (SQLException e) {
            throw new StoreException("query failed: " + firstLine(sql) + ": " + e.getMessage(), e);
        }
    }

    public <T> Optional<T> queryOne(String sql, Row<T> row, Object... params) {
        List<T> rows = query(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    public long queryLong(String sql, Object... params) {
        return queryOne(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /** Runs an INSERT … RETURNING id (both dialects support RETURNING); empty when a conflict skipped the row. */
    public Optional<Long> insertReturningId(String sql, Object... params) {
        return queryOne(sql + " RETURNING id", rs -> rs.getLong(1), params);
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (p instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else if (p instanceof java.time.Instant t) {
                ps.setLong(i + 1, t.toEpochMilli());
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    /** Reads a nullable BIGINT column. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** Reads a nullable INTEGER column. */
    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static String firstLine(String sql) {
        String s = sql.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
