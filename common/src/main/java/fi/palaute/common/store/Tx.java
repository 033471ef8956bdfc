package fi.palaute.common.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection inside one transaction, with just enough helpers that SQL can sit next to the code
 * that runs it. Only the thread that opened it uses it.
 */
public final class Tx {
    private static final Logger log = LoggerFactory.getLogger(Tx.class);
    private static final int STREAM_FETCH_SIZE = 500;

    private final Dialect dialect;
    private final boolean readOnly;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private Connection connection;

    Tx(Dialect dialect, boolean readOnly) {
        this.dialect = dialect;
        this.readOnly = readOnly;
    }

    void attach(Connection c) {
        this.connection = c;
    }

    public Dialect dialect() { return dialect; }

    public Connection connection() { return connection; }

    /** True on the read path ({@link Database#read}): a snapshot that cannot write. */
    public boolean isReadOnly() { return readOnly; }

    /**
     * Runs the task once the outermost transaction has committed (never when it rolls back), after
     * its connection and the writer lock are given back: wake a worker, answer a waiting client.
     * A task that throws is logged and the others still run, since the data is already committed.
     */
    public void afterCommit(Runnable task) {
        afterCommit.add(task);
    }

    /** How many after-commit tasks are registered: a mark to {@link #dropAfterCommit} back to. */
    int afterCommitCount() {
        return afterCommit.size();
    }

    /** Forgets the tasks registered after the mark: their work was rolled back to a savepoint. */
    void dropAfterCommit(int mark) {
        afterCommit.subList(mark, afterCommit.size()).clear();
    }

    void committed() {
        for (Runnable task : afterCommit) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("after-commit task failed: {}", e.toString(), e);
            }
        }
        afterCommit.clear();
    }

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

    /**
     * Hands each row to {@code row} as it is read, holding none: for results of any size (an export).
     * PostgreSQL fetches {@value #STREAM_FETCH_SIZE} rows at a time instead of the whole result.
     */
    public void stream(String sql, Row<?> row, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            ps.setFetchSize(STREAM_FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) row.map(rs);
            }
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
