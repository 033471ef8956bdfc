package fi.palaute.common.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fi.palaute.common.config.Setting;
import fi.palaute.common.config.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The shared database: SQLite (one file, WAL, busy timeout, immediate write transactions) or
 * PostgreSQL (pooled). Opening it applies pending migrations.
 */
public final class Database implements AutoCloseable {
    /** Work that runs inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx);
    }

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String displayUrl;
    /**
     * SQLite has one writer. Queueing writers here, in order, beats SQLite's busy handler, which sleeps
     * and retries and so turns contention into latency spikes. Other processes on the same file still
     * wait through the busy timeout.
     */
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);

    private Database(HikariDataSource pool, Dialect dialect, String displayUrl) {
        this.pool = pool;
        this.dialect = dialect;
        this.displayUrl = displayUrl;
    }

    public static Database open(Settings settings) {
        return open(settings.string(Setting.PALAUTE_DB_URL),
                settings.optional(Setting.PALAUTE_DB_USER).orElse(null),
                settings.optional(Setting.PALAUTE_DB_PASSWORD).orElse(null));
    }

    public static Database open(String url, String user, String password) {
        Dialect dialect;
        try {
            dialect = Dialect.ofUrl(url);
        } catch (IllegalArgumentException e) {
            throw new fi.palaute.common.config.SettingException("PALAUTE_DB_URL", e.getMessage());
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("palaute");
        // SQLite: autocommit on, with explicit BEGIN IMMEDIATE per transaction. With autocommit off the
        // driver opens the next transaction as soon as one commits, so idle pooled connections would hold
        // the write lock and lock out every other process sharing the file.
        config.setAutoCommit(dialect == Dialect.SQLITE);
        config.setInitializationFailTimeout(-1);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        if (dialect == Dialect.SQLITE) {
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.setMaximumPoolSize(4);
            config.setDataSourceClassName(null);
            config.setDriverClassName("org.sqlite.JDBC");
            config.setConnectionInitSql("PRAGMA busy_timeout = 10000");
        } else {
            config.setDriverClassName("org.postgresql.Driver");
            config.setMaximumPoolSize(10);
        }
        HikariDataSource pool = new HikariDataSource(config);
        Database db = new Database(pool, dialect, redact(url));
        try {
            new Migrations(db).apply();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return db;
    }

    public Dialect dialect() { return dialect; }

    /** The URL without credentials, safe to log. */
    public String displayUrl() { return displayUrl; }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        boolean locked = dialect == Dialect.SQLITE;
        if (locked) sqliteWriter.lock();
        try {
            return transaction(work);
        } finally {
            if (locked) sqliteWriter.unlock();
        }
    }

    private <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            boolean sqlite = dialect == Dialect.SQLITE;
            if (sqlite) {
                // Immediate: take the write lock up front, so two writers wait for each other (busy
                // timeout) instead of failing on a lock upgrade.
                try (Statement s = c.createStatement()) {
                    s.execute("BEGIN IMMEDIATE");
                }
            }
            try {
                T result = work.run(new Tx(c, dialect));
                if (sqlite) {
                    try (Statement s = c.createStatement()) {
                        s.execute("COMMIT");
                    }
                } else {
                    c.commit();
                }
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, sqlite, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database unavailable: " + e.getMessage(), e);
        }
    }

    public void run(java.util.function.Consumer<Tx> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** True when the database answers a trivial query. */
    public boolean isHealthy() {
        try {
            return inTransaction(tx -> tx.queryLong("SELECT 1") == 1);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void rollbackQuietly(Connection c, boolean sqlite, Throwable cause) {
        try {
            if (sqlite) {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK");
                }
                return;
            }
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static String redact(String url) {
        // jdbc:postgresql://host/db?user=x&password=secret must not reach a log line
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public void close() {
        pool.close();
    }
}
