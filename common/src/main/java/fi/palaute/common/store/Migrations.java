package fi.palaute.common.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned SQL migrations, applied in order at start-up: {@code db/migration/V1.sql}, {@code V2.sql}, …
 * One file serves both databases; {@code ${id}} stands for the dialect's auto-generated key.
 * Several instances may start at once: on PostgreSQL an advisory lock serialises them, on SQLite the
 * immediate transaction does.
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final long ADVISORY_LOCK_KEY = 0x70616c61757465L; // "palaute"

    private final Database db;

    Migrations(Database db) {
        this.db = db;
    }

    void apply() {
        db.run(tx -> {
            if (tx.dialect() == Dialect.POSTGRESQL) {
                tx.queryOne("SELECT pg_advisory_xact_lock(?)", rs -> 1, ADVISORY_LOCK_KEY);
            }
            tx.update("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
            long current = tx.queryLong("SELECT COALESCE(MAX(version), 0) FROM schema_version");
            for (int v = (int) current + 1; ; v++) {
                String script = load(v);
                if (script == null) break;
                for (String statement : statements(script.replace("${id}", tx.dialect().identityColumn()))) {
                    tx.update(statement);
                }
                tx.update("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", v, System.currentTimeMillis());
                log.info("database schema migrated to version {}", v);
            }
            // Derived tables last, on the schema the scripts made; rebuilt only when their definition changed.
            AnswerRollup.install(tx);
        });
    }

    private static String load(int version) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/V" + version + ".sql")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration V" + version, e);
        }
    }

    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) continue;
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString().strip());
        return out;
    }
}
