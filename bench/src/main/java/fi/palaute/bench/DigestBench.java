package fi.palaute.bench;

import fi.palaute.common.score.SummaryQuery;
import fi.palaute.common.store.AnswerRollup;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.Dialect;
import fi.palaute.slack.DigestPeriod;
import fi.palaute.slack.DigestReportQuery;
import fi.palaute.slack.PeriodKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Digest speed: N answers over two years, generated in SQL (a recursive CTE on SQLite, generate_series on
 * PostgreSQL), then the time of {@code SummaryQuery.summarize} for a week, the same with by=agent, and the
 * Slack weekly digest report (current and previous week, seven daily sparkline points, by source, by agent,
 * the lowest answers). First call and median of five more.
 */
final class DigestBench {
    static final long DAY = 86_400_000L;
    private final BenchMain.Options o;
    private final Report report;

    DigestBench(BenchMain.Options o, Report report) {
        this.o = o;
        this.report = report;
    }

    record Timing(String what, double firstMs, double medianMs) {}

    /** A generated data set ready to read: its JDBC URL and whether it was generated now or reused. */
    record Data(String url, String note) {}

    void run() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        // The data ends at the start of this UTC day, so last week is inside it.
        Instant end = dataEnd();
        rows.addAll(measure("SQLite", sqliteData(end)));
        Optional<Data> pg = postgresData(end);
        if (pg.isPresent()) rows.addAll(measure("PostgreSQL", pg.get()));
        report.heading(Report.f("Digest speed: %,d answers over two years", o.answers));
        report.note(Report.f("Per answer one survey; 25%% more surveys without an answer (half of those suppressed); "
                + "one ticket outcome per survey; 60 agents, 8 groups, two sources; CSAT 70%%, CES 20%%, NPS 10%%; "
                + "2%% suspected bots; a comment on one answer in seven. Week = the last complete Monday–Monday week "
                + "(about %,d answers). Times: the first call, then the median of five more.", o.answers / 104));
        report.table(List.of("database", "query", "first", "median of 5", "data"), rows);
    }

    /** Where generated data ends: the start of this UTC day. */
    static Instant dataEnd() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS);
    }

    /** The SQLite data set of {@code o.answers} answers, reused when a complete one is there (unless --fresh-data). */
    Data sqliteData(Instant end) throws Exception {
        // --keep-db PATH: the data set lives there and stays, for others to run against
        Path file = o.keepDb != null ? o.keepDb.toAbsolutePath() : o.work.resolve("digest-" + o.answers + ".db");
        String url = "jdbc:sqlite:" + file;
        return prepare("SQLite", url, end, () -> {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(Path.of(file + "-wal"));
                Files.deleteIfExists(Path.of(file + "-shm"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return url;
        });
    }

    /** The same data set on PostgreSQL, when a server is configured. */
    Optional<Data> postgresData(Instant end) throws Exception {
        Optional<Pg> pg = Pg.fromEnvironment(o.pgUrl);
        if (pg.isEmpty()) return Optional.empty();
        String name = "palaute_bench_digest_" + o.answers;
        return Optional.of(prepare("PostgreSQL", pg.get().urlOf(name), end, () -> {
            try {
                return pg.get().fresh(name);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private Data prepare(String name, String url, Instant end, Supplier<String> fresh) throws Exception {
        boolean reuse = !o.freshData && complete(url);
        String dbUrl = url;
        String genNote;
        if (!reuse) {
            dbUrl = fresh.get();
            long t0 = System.nanoTime();
            try (Database db = Database.open(dbUrl, null, null)) {
                // A bulk load is faster without the rollup's trigger per row; the next open rebuilds it.
                db.run(AnswerRollup::dropForBulkLoad);
                generate(db.dialect(), dbUrl, end);
            }
            double generated = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            try (Database db = Database.open(dbUrl, null, null)) {
                // the rollup is built from the generated answers here, as the migration builds it on upgrade
            }
            genNote = Report.f("generated in %.0f s, rollup built from the answers in %.0f s", generated,
                    (System.nanoTime() - t1) / 1e9);
        } else {
            try (Database db = Database.open(dbUrl, null, null)) {
                // migrations (new indexes, the rollup) apply here when the data is reused
            }
            genNote = "reused";
        }
        System.out.println("  " + name + ": " + genNote);
        return new Data(dbUrl, genNote);
    }

    private List<List<String>> measure(String name, Data data) throws Exception {
        Instant end = dataEnd();
        List<List<String>> rows = new ArrayList<>();
        try (Database db = Database.open(data.url(), null, null)) {
            SummaryQuery q = new SummaryQuery(db);
            DigestPeriod week = DigestPeriod.completeBefore(PeriodKind.WEEK, end, ZoneOffset.UTC);
            List<Timing> ts = List.of(
                    time("summary, week", () -> q.summarize(week.start(), week.end())),
                    time("summary, week, by=agent", () -> q.summarize(week.start(), week.end(), SummaryQuery.By.AGENT, Optional.empty())),
                    time("Slack weekly digest report", () -> new DigestReportQuery(db, java.time.Duration.ofHours(4), java.time.Clock.systemUTC()).load(week)),
                    time("summary, 30 days, by=agent", () -> q.summarize(end.minus(30, ChronoUnit.DAYS), end, SummaryQuery.By.AGENT, Optional.empty())));
            long answers = db.inTransaction(tx -> tx.queryLong("SELECT COUNT(*) FROM answers"));
            for (Timing t : ts) {
                rows.add(Report.row(name, t.what, Report.f("%.0f ms", t.firstMs), Report.f("%.0f ms", t.medianMs),
                        Report.f("%,d answers, %s", answers, data.note())));
                System.out.println("  " + name + " " + t);
            }
        }
        return rows;
    }

    private static Timing time(String what, Supplier<Object> work) {
        long t0 = System.nanoTime();
        work.get();
        double first = (System.nanoTime() - t0) / 1e6;
        double[] more = new double[5];
        for (int i = 0; i < more.length; i++) {
            long t = System.nanoTime();
            work.get();
            more[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(more);
        return new Timing(what, first, more[2]);
    }

    /** True when a previous run left a complete data set of this size (the marker is written last). */
    private boolean complete(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT rows FROM bench_marker")) {
            return rs.next() && rs.getLong(1) == o.answers;
        } catch (Exception e) {
            return false;
        }
    }

    private void generate(Dialect dialect, String url, Instant end) throws Exception {
        long answers = o.answers;
        long surveys = answers * 5 / 4;
        long start = end.toEpochMilli() - 730 * DAY;
        long step = Math.max(1, 730 * DAY / surveys);
        boolean pg = dialect == Dialect.POSTGRESQL;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            if (!pg) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=OFF");
                s.execute("PRAGMA cache_size=-262144");
            }
            // Bulk load without the secondary indexes, then build them once: what the migrations create,
            // saved and re-run, so the measured schema is exactly the migrated one.
            List<String> indexes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            String list = pg
                    ? "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('answers', 'surveys', 'ticket_outcomes') AND indexdef NOT LIKE '%UNIQUE%'"
                    : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('answers', 'surveys', 'ticket_outcomes') AND sql IS NOT NULL AND sql NOT LIKE '%UNIQUE%'";
            try (var rs = s.executeQuery(list)) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    indexes.add(rs.getString(2));
                }
            }
            for (String n : names) s.execute("DROP INDEX " + n);
            c.setAutoCommit(false);
            long chunk = 1_000_000;
            for (long from = 0; from < surveys; from += chunk) {
                long to = Math.min(surveys, from + chunk) - 1;
                String rowsOf = pg ? "FROM generate_series(" + from + "::bigint, " + to + "::bigint) AS n(i)"
                        : "FROM (WITH RECURSIVE n(i) AS (SELECT " + from + " UNION ALL SELECT i + 1 FROM n WHERE i < " + to + ") SELECT i FROM n) AS n";
                // h: a cheap, well-spread pseudo-random 0..999 per row
                String h = "((i * 2654435761) % 1000)";
                String sent = start + " + i * " + step + " + (" + h + " * 37)";
                s.executeUpdate("INSERT INTO surveys (id, source, ticket_id, cycle_key, ticket_url, requester_id, locale, "
                        + "template_id, metric, state, suppressed_reason, agent, agent_group, created_at, sent_at, expires_at) "
                        + "SELECT i + 1, CASE WHEN i % 3 = 0 THEN 'freshdesk' ELSE 'zendesk' END, CAST(i + 100000 AS TEXT), 'c', "
                        + "'https://acme.zendesk.com/agent/tickets/' || (i + 100000), CAST(i % 500000 AS TEXT), 'en', "
                        + "CASE WHEN " + h + " < 700 THEN 'csat' WHEN " + h + " < 900 THEN 'ces' ELSE 'nps' END, "
                        + "CASE WHEN " + h + " < 700 THEN 'csat' WHEN " + h + " < 900 THEN 'ces' ELSE 'nps' END, "
                        + "CASE WHEN i % 10 = 9 THEN 'suppressed' ELSE 'sent' END, "
                        + "CASE WHEN i % 10 = 9 THEN 'cooldown' ELSE NULL END, "
                        + "'Agent ' || ((i * 7) % 60), 'Group ' || (i % 8), " + sent + ", "
                        + "CASE WHEN i % 10 = 9 THEN NULL ELSE " + sent + " END, " + sent + " + " + (14 * DAY) + " " + rowsOf);
                s.executeUpdate("INSERT INTO ticket_outcomes (source, ticket_id, cycle_key, solved_at, fcr, fcr_definition, "
                        + "replies, reopens, handle_time_seconds, handle_time_source, resolution_seconds, agent, agent_group, "
                        + "channel, recorded_at) "
                        + "SELECT CASE WHEN i % 3 = 0 THEN 'freshdesk' ELSE 'zendesk' END, CAST(i + 100000 AS TEXT), 'c', " + sent + ", "
                        + "CASE WHEN " + h + " % 10 < 7 THEN 1 ELSE 0 END, 'Zendesk one-touch', " + h + " % 4, 0, "
                        + "CASE WHEN " + h + " % 4 = 0 THEN NULL ELSE 60 + " + h + " * 3 END, "
                        + "CASE WHEN " + h + " % 4 = 0 THEN NULL ELSE 'Zendesk Time Tracking' END, 3600 + " + h + " * 20, "
                        + "'Agent ' || ((i * 7) % 60), 'Group ' || (i % 8), 'email', " + sent + " " + rowsOf);
                // every survey answered except i % 5 = 4 (those include the suppressed ones)
                String score = "CASE WHEN " + h + " < 700 THEN (CASE WHEN (i * 31) % 100 < 6 THEN 1 WHEN (i * 31) % 100 < 12 THEN 2 "
                        + "WHEN (i * 31) % 100 < 22 THEN 3 WHEN (i * 31) % 100 < 50 THEN 4 ELSE 5 END) "
                        + "WHEN " + h + " < 900 THEN 1 + (i * 13) % 7 ELSE (i * 17) % 11 END";
                s.executeUpdate("INSERT INTO answers (survey_id, source, ticket_id, metric, score, comment, answered_at, "
                        + "suspected_bot, bot_reason, user_agent, agent, agent_group, replaced_at) "
                        + "SELECT i + 1, CASE WHEN i % 3 = 0 THEN 'freshdesk' ELSE 'zendesk' END, CAST(i + 100000 AS TEXT), "
                        + "CASE WHEN " + h + " < 700 THEN 'csat' WHEN " + h + " < 900 THEN 'ces' ELSE 'nps' END, " + score + ", "
                        + "CASE WHEN i % 7 = 0 THEN 'comment on ticket ' || (i + 100000) ELSE NULL END, "
                        + sent + " + 600000 + (i % 997) * 3000, CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END, "
                        + "CASE WHEN i % 50 = 0 THEN 'answered within seconds' ELSE NULL END, 'Mozilla/5.0', "
                        + "'Agent ' || ((i * 7) % 60), 'Group ' || (i % 8), NULL " + rowsOf + " WHERE i % 5 <> 4");
                c.commit();
                System.out.println(Report.f("    %,d / %,d surveys", to + 1, surveys));
            }
            if (pg) {
                s.execute("SELECT setval(pg_get_serial_sequence('surveys', 'id'), " + surveys + ")");
            }
            for (String ddl : indexes) s.execute(ddl);
            System.out.println("    indexes built");
            s.execute("CREATE TABLE IF NOT EXISTS bench_marker (rows BIGINT)");
            s.execute("DELETE FROM bench_marker");
            s.execute("INSERT INTO bench_marker VALUES (" + answers + ")");
            c.commit();
            c.setAutoCommit(true);
            // what autovacuum (PostgreSQL) and PRAGMA optimize (SQLite) do in a live database
            s.execute(pg ? "VACUUM ANALYZE" : "ANALYZE");
        }
    }
}
