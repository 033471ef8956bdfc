package fi.palaute.common.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fi.palaute.common.config.Setting;
import fi.palaute.common.config.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The shared database: SQLite (one file, WAL, busy timeout, immediate write transactions) or
 * PostgreSQL (pooled). Opening it applies pending migrations.
 *
 * <p>Writes and reads go apart. {@link #inTransaction} is the write path: on SQLite writers queue on
 * one fair lock, in arrival order, and take the file's write lock up front. {@link #read} is the read
 * path: a consistent snapshot that never waits for a writer and never holds one up (SQLite: a
 * read-only connection in WAL mode; PostgreSQL: a read-only transaction). Summaries, digests, exports
 * and health checks read there, so a long report does not stall webhook intake.
 *
 * <p>Transactions nest: a call made while the thread already has a transaction open on this database
 * joins it (as jdbi's {@code Handle.inTransaction} does), so a store method that opens its own
 * transaction can be called inside a larger one. Work that must only happen once the data is durable
 * registers with {@link Tx#afterCommit}.
 */
public final class Database implements AutoCloseable {
    /** SQLite's flag for a read-only connection ({@code SQLITE_OPEN_READONLY}). */
    private static final String SQLITE_OPEN_READONLY = "1";

    /** Work that runs inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx);
    }

    private final HikariDataSource writers;
    private final HikariDataSource readers;
    private final Dialect dialect;
    private final String displayUrl;
    /**
     * SQLite has one writer. Queueing writers here, in order, beats SQLite's busy handler, which sleeps
     * and retries and so turns contention into latency spikes. Other processes on the same file still
     * wait through the busy timeout.
     */
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);
    /** The transaction this thread has open on this database, which nested calls join. */
    private final ThreadLocal<Tx> open = new ThreadLocal<>();
    /** Started on first use: most databases a process opens (commands, tests) never take webhooks. */
    private GroupCommit groupCommit;

    private Database(HikariDataSource writers, HikariDataSource readers, Dialect dialect, String displayUrl) {
        this.writers = writers;
        this.readers = readers;
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
        String displayUrl = dialect == Dialect.SQLITE ? FirstConnection.sqliteDisplayUrl(url) : redact(url);
        FirstConnection.require(url, dialect, user, password, displayUrl);
        HikariDataSource writers = new HikariDataSource(poolConfig(url, user, password, dialect, false));
        HikariDataSource readers = null;
        try {
            // Migrations first: the read-only pool cannot create the file or switch it to WAL.
            new Migrations(new Database(writers, writers, dialect, displayUrl)).apply();
            readers = new HikariDataSource(poolConfig(url, user, password, dialect, true));
            return new Database(writers, readers, dialect, displayUrl);
        } catch (RuntimeException e) {
            writers.close();
            if (readers != null) readers.close();
            throw e;
        }
    }

    private static HikariConfig poolConfig(String url, String user, String password, Dialect dialect, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName(readOnly ? "palaute-read" : "palaute");
        // SQLite: autocommit on, with explicit BEGIN per transaction. With autocommit off the driver opens
        // the next transaction as soon as one commits, so idle pooled connections would hold a lock (the
        // write lock, or a read snapshot that stops checkpoints) and lock out every other process.
        config.setAutoCommit(dialect == Dialect.SQLITE);
        config.setInitializationFailTimeout(-1);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        if (dialect == Dialect.SQLITE) {
            if (readOnly) {
                config.addDataSourceProperty("open_mode", SQLITE_OPEN_READONLY);
            } else {
                config.addDataSourceProperty("journal_mode", "WAL");
                config.addDataSourceProperty("synchronous", "NORMAL");
                config.addDataSourceProperty("foreign_keys", "true");
            }
            config.addDataSourceProperty("busy_timeout", "10000");
            config.setMaximumPoolSize(4);
            config.setDataSourceClassName(null);
            config.setDriverClassName("org.sqlite.JDBC");
            config.setConnectionInitSql("PRAGMA busy_timeout = 10000");
        } else {
            config.setDriverClassName("org.postgresql.Driver");
            config.setMaximumPoolSize(readOnly ? 4 : 10);
            // A read sees one snapshot throughout, as on SQLite: a report's parts add up. A read-only
            // transaction at this level never fails on a concurrent write.
            if (readOnly) config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        }
        // SQLite: the connection is read-only from the open flag already; the pool only has to agree.
        config.setReadOnly(readOnly);
        return config;
    }

    public Dialect dialect() { return dialect; }

    /** The URL without credentials, safe to log; a SQLite file as its absolute path. */
    public String displayUrl() { return displayUrl; }

    /**
     * Runs the work in one write transaction: committed when it returns, rolled back when it throws.
     * Inside a transaction this thread already has open, the work joins it.
     *
     * @throws IllegalStateException when the open transaction is a read ({@link #read}), which cannot write
     */
    public <T> T inTransaction(Work<T> work) {
        Tx current = open.get();
        if (current != null) {
            if (current.isReadOnly()) throw new IllegalStateException("a write transaction cannot join a read-only one");
            return work.run(current);
        }
        boolean locked = dialect == Dialect.SQLITE;
        Tx tx = new Tx(dialect, false);
        T result;
        if (locked) sqliteWriter.lock();
        try {
            result = transaction(writers, tx, work);
        } finally {
            if (locked) sqliteWriter.unlock();
        }
        // After the lock and the connection are given back: a hook may be slow or write again.
        tx.committed();
        return result;
    }

    /**
     * Runs the work in a transaction it may share with other work submitted at about the same time
     * (group commit: one commit for a burst of webhooks), and returns once that transaction has
     * committed. The work runs on the group's writer thread, inside its own savepoint: when it throws,
     * only it is rolled back and the exception comes back here. Inside a transaction this thread
     * already has open, the work joins that one instead.
     */
    public <T> T inGroupCommit(Work<T> work) {
        if (open.get() != null) return inTransaction(work);
        GroupCommit group;
        synchronized (this) {
            if (groupCommit == null) groupCommit = new GroupCommit(this);
            group = groupCommit;
        }
        return group.submit(work);
    }

    /** Work waiting for the group-commit writer (0 before its first use). */
    synchronized int groupCommitBacklog() {
        return groupCommit == null ? 0 : groupCommit.backlog();
    }

    public void run(Consumer<Tx> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /**
     * Runs the work on a consistent read-only snapshot, apart from the writers: it neither waits for
     * the writer lock nor holds up a writer however long it runs. Inside an open transaction it joins
     * that one (and so sees its uncommitted writes).
     */
    public <T> T read(Work<T> work) {
        Tx current = open.get();
        if (current != null) return work.run(current);
        Tx tx = new Tx(dialect, true);
        T result = transaction(readers, tx, work);
        tx.committed();
        return result;
    }

    private <T> T transaction(HikariDataSource pool, Tx tx, Work<T> work) {
        boolean readOnly = tx.isReadOnly();
        try (Connection c = pool.getConnection()) {
            boolean sqlite = dialect == Dialect.SQLITE;
            if (sqlite) {
                // Immediate for writers: take the write lock up front, so two writers wait for each other
                // (busy timeout) instead of failing on a lock upgrade. Deferred for readers: a snapshot
                // that starts at the first read and takes no write lock.
                try (Statement s = c.createStatement()) {
                    s.execute(readOnly ? "BEGIN" : "BEGIN IMMEDIATE");
                }
            }
            tx.attach(c);
            open.set(tx);
            try {
                T result = work.run(tx);
                if (sqlite) {
                    try (Statement s = c.createStatement()) {
                        s.execute("COMMIT");
                    }
                } else {
                    c.commit();
                }
                open.remove();
                return result;
            } catch (RuntimeException | Error e) {
                open.remove();
                rollbackQuietly(c, sqlite, e);
                throw e;
            }
        } catch (SQLException e) {
            open.remove();
            throw new StoreException("database unavailable: " + e.getMessage(), e);
        }
    }

    /** True when the database answers a trivial query; reads, so a busy writer never makes it fail. */
    public boolean isHealthy() {
        try {
            return read(tx -> tx.queryLong("SELECT 1") == 1);
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
        synchronized (this) {
            if (groupCommit != null) groupCommit.close();
        }
        readers.close();
        writers.close();
    }
}
