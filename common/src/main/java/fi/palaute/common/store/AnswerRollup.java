package fi.palaute.common.store;

import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table {@code answer_days}: how many current answers each UTC day had of each score, per metric,
 * bot flag and every dimension a summary splits or filters by. Summaries read whole days here and only
 * the partial days at the edges of a range from {@code answers}.
 *
 * <p>Database triggers keep it, in the same transaction as the write to {@code answers} that changes
 * it: an insert adds its answer, a replaced answer (replaced_at set) moves out, a changed bot flag or
 * score moves its count, a delete takes it away. Every writer (the rating endpoint, a copy between
 * databases, an operator's SQL) keeps it exact without knowing it exists.
 *
 * <p>The dimensions are a list: to add one (an experiment arm, say) add it to {@link #DIMENSIONS}. At
 * start-up the definition is compared with the one stored in {@code rollup_definitions}; when they
 * differ the table and its triggers are rebuilt from {@code answers}, in the migration's transaction,
 * so existing data is counted too.
 */
public final class AnswerRollup {
    private static final Logger log = LoggerFactory.getLogger(AnswerRollup.class);
    public static final String TABLE = "answer_days";
    public static final long DAY_MILLIS = 86_400_000L;

    /**
     * One split or filter of the rollup: its column here (the same name as on answers, so one SQL key
     * serves both tables), and its value for an answer, on {@code a.} (the answer) or {@code s.} (its
     * survey). Values are never null here: a missing one is stored as {@value #NONE}, the key a split shows.
     */
    public record Dimension(String column, String answerValue) {}

    public static final String NONE = "(none)";

    public static final List<Dimension> DIMENSIONS = List.of(
            new Dimension("source", "a.source"),
            new Dimension("agent", "a.agent"),
            new Dimension("agent_group", "a.agent_group"),
            new Dimension("channel", "a.channel"),
            new Dimension("template_id", "s.template_id"));

    private AnswerRollup() {}

    /** Builds the table and its triggers unless they already match {@link #DIMENSIONS}. */
    static void install(Tx tx) {
        tx.update("CREATE TABLE IF NOT EXISTS rollup_definitions (name TEXT PRIMARY KEY, definition TEXT NOT NULL)");
        List<String> ddl = definition(tx.dialect());
        String wanted = String.join(";\n", ddl);
        String stored = tx.queryOne("SELECT definition FROM rollup_definitions WHERE name = ?", rs -> rs.getString(1), TABLE)
                .orElse(null);
        if (wanted.equals(stored)) return;
        long started = System.nanoTime();
        drop(tx);
        for (String statement : ddl) tx.update(statement);
        long rows = tx.update(rebuild());
        tx.update("DELETE FROM rollup_definitions WHERE name = ?", TABLE);
        tx.update("INSERT INTO rollup_definitions (name, definition) VALUES (?, ?)", TABLE, wanted);
        log.info("rollup {} built from existing answers: {} rows in {} ms", TABLE, rows,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Drops the rollup and forgets its definition, so the next start-up builds it again from answers:
     * for a bulk load (the benchmark's generator), which is faster without a trigger per row.
     */
    public static void dropForBulkLoad(Tx tx) {
        drop(tx);
        tx.update("DELETE FROM rollup_definitions WHERE name = ?", TABLE);
    }

    private static void drop(Tx tx) {
        if (tx.dialect() == Dialect.POSTGRESQL) {
            tx.update("DROP TRIGGER IF EXISTS answer_days_apply ON answers");
            tx.update("DROP FUNCTION IF EXISTS answer_days_apply()");
        } else {
            for (String t : List.of("answer_days_insert", "answer_days_update_old", "answer_days_update_new", "answer_days_delete")) {
                tx.update("DROP TRIGGER IF EXISTS " + t);
            }
        }
        tx.update("DROP TABLE IF EXISTS " + TABLE);
    }

    private static String columns() {
        return "day, metric, score, suspected_bot, "
                + DIMENSIONS.stream().map(Dimension::column).collect(Collectors.joining(", "));
    }

    /** The rollup's values for the answer in {@code row} (NEW or OLD in a trigger, {@code a} otherwise). */
    private static String values(String row) {
        return row + ".answered_at / " + DAY_MILLIS + ", " + row + ".metric, " + row + ".score, " + row + ".suspected_bot, "
                + DIMENSIONS.stream().map(d -> value(d, row)).collect(Collectors.joining(", "));
    }

    private static String value(Dimension d, String row) {
        String v = d.answerValue();
        String expression = v.startsWith("s.")
                ? "(SELECT s." + v.substring(2) + " FROM surveys s WHERE s.id = " + row + ".survey_id)"
                : row + "." + v.substring(2);
        return "COALESCE(" + expression + ", '" + NONE + "')";
    }

    private static String matches(String row) {
        StringBuilder where = new StringBuilder("day = " + row + ".answered_at / " + DAY_MILLIS
                + " AND metric = " + row + ".metric AND score = " + row + ".score AND suspected_bot = " + row + ".suspected_bot");
        for (Dimension d : DIMENSIONS) where.append(" AND ").append(d.column()).append(" = ").append(value(d, row));
        return where.toString();
    }

    private static String rebuild() {
        String values = "a.answered_at / " + DAY_MILLIS + ", a.metric, a.score, a.suspected_bot, "
                + DIMENSIONS.stream().map(d -> "COALESCE(" + d.answerValue() + ", '" + NONE + "')")
                .collect(Collectors.joining(", "));
        int keys = 4 + DIMENSIONS.size();
        String groupBy = java.util.stream.IntStream.rangeClosed(1, keys).mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + TABLE + " (" + columns() + ", n) SELECT " + values + ", COUNT(*)"
                + " FROM answers a LEFT JOIN surveys s ON s.id = a.survey_id WHERE a.replaced_at IS NULL GROUP BY " + groupBy;
    }

    private static List<String> definition(Dialect dialect) {
        String table = "CREATE TABLE " + TABLE + " (day BIGINT NOT NULL, metric TEXT NOT NULL, score INTEGER NOT NULL, "
                + "suspected_bot INTEGER NOT NULL, "
                + DIMENSIONS.stream().map(d -> d.column() + " TEXT NOT NULL").collect(Collectors.joining(", "))
                + ", n BIGINT NOT NULL, PRIMARY KEY (" + columns() + "))";
        String add = "INSERT INTO " + TABLE + " (" + columns() + ", n) VALUES (" + values("NEW") + ", 1)"
                + " ON CONFLICT (" + columns() + ") DO UPDATE SET n = " + TABLE + ".n + 1";
        String subtract = "UPDATE " + TABLE + " SET n = n - 1 WHERE " + matches("OLD");
        if (dialect == Dialect.POSTGRESQL) {
            return List.of(table,
                    "CREATE FUNCTION answer_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
                            + "  IF TG_OP <> 'INSERT' THEN\n    IF OLD.replaced_at IS NULL THEN\n      " + subtract + ";\n    END IF;\n  END IF;\n"
                            + "  IF TG_OP <> 'DELETE' THEN\n    IF NEW.replaced_at IS NULL THEN\n      " + add + ";\n    END IF;\n  END IF;\n"
                            + "  RETURN NULL;\nEND\n$$",
                    "CREATE TRIGGER answer_days_apply AFTER INSERT OR UPDATE OR DELETE ON answers "
                            + "FOR EACH ROW EXECUTE FUNCTION answer_days_apply()");
        }
        return List.of(table,
                "CREATE TRIGGER answer_days_insert AFTER INSERT ON answers WHEN NEW.replaced_at IS NULL BEGIN " + add + "; END",
                "CREATE TRIGGER answer_days_update_old AFTER UPDATE ON answers WHEN OLD.replaced_at IS NULL BEGIN " + subtract + "; END",
                "CREATE TRIGGER answer_days_update_new AFTER UPDATE ON answers WHEN NEW.replaced_at IS NULL BEGIN " + add + "; END",
                "CREATE TRIGGER answer_days_delete AFTER DELETE ON answers WHEN OLD.replaced_at IS NULL BEGIN " + subtract + "; END");
    }
}
