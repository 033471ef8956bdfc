package fi.palaute.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.common.store.Database;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rollup is an optimisation, never an approximation: on random answers (replaced, re-flagged and
 * deleted ones among them) every summary and time series over random ranges, in time zones with half-
 * and quarter-hour offsets, is exactly what counting every answer gives.
 */
class RollupMatchesRawTest {
    private static final Instant START = Instant.parse("2026-02-20T00:00:00Z");
    private static final List<ZoneId> ZONES = Stream.of("UTC", "Asia/Kolkata", "America/St_Johns", "Asia/Kathmandu",
            "Europe/Helsinki", "Pacific/Chatham", "America/Los_Angeles").map(ZoneId::of).toList();
    private static final String[] SOURCES = {"zendesk", "freshdesk"};
    private static final String[] AGENTS = {"Ann", "Bob", null, "Cé"};
    private static final String[] GROUPS = {"Tier 1", null};
    private static final String[] CHANNELS = {"email", "chat", null};

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void summariesFromTheRollupEqualTheRawComputationOnRandomDataRangesAndZones(TestDatabases.Kind kind) {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String url = TestDatabases.newUrl(kind);
        try (Database db = Database.open(url, null, null)) {
            seed(db, random);
            SummaryQuery rollup = new SummaryQuery(db, 2, SummaryQuery.Counting.ROLLUP);
            SummaryQuery raw = new SummaryQuery(db, 2, SummaryQuery.Counting.RAW);
            SummaryQuery.By[] bys = SummaryQuery.By.values();
            for (int i = 0; i < 60; i++) {
                ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
                Instant from = randomInstant(random, zone);
                Instant to = randomInstant(random, zone);
                if (!from.isBefore(to)) {
                    Instant t = from;
                    from = to;
                    to = t.plusMillis(1 + random.nextInt(3));
                }
                SummaryQuery.By by = bys[random.nextInt(bys.length)];
                SummaryFilter source = randomFilter(random);
                String what = "seed " + seed + ", case " + i + ": " + from + " to " + to + " in " + zone + " by " + by
                        + " " + source;
                assertEquals(raw.summarize(from, to, by, source).toJson(), rollup.summarize(from, to, by, source).toJson(), what);
                Periods periods = new Periods(random.nextBoolean() ? Periods.Unit.DAY : Periods.Unit.WEEK, zone);
                assertEquals(raw.series(from, to, periods, source).toJson(), rollup.series(from, to, periods, source).toJson(),
                        what + " " + periods.unit());
                List<Instant> cuts = periods.cuts(from, to);
                ScoreTimeline expected = raw.timeline(cuts, source);
                ScoreTimeline actual = rollup.timeline(cuts, source);
                for (int c = 0; c + 1 < cuts.size(); c++) {
                    assertEquals(expected.counts(cuts.get(c), cuts.get(c + 1)), actual.counts(cuts.get(c), cuts.get(c + 1)), what);
                }
            }
            Map<String, Long> maintained = rollupRows(db);
            // The start-up migration builds the same table from the answers alone.
            db.run(fi.palaute.common.store.AnswerRollup::dropForBulkLoad);
            try (Database reopened = Database.open(url, null, null)) {
                assertEquals(maintained, rollupRows(reopened), "seed " + seed);
            }
        }
    }

    /** Nothing, or one to three of source, agent, group, channel and metric, "(none)" among the values. */
    private static SummaryFilter randomFilter(Random random) {
        SummaryFilter filter = SummaryFilter.all();
        if (random.nextInt(3) == 0) filter = filter.withSource(SOURCES[random.nextInt(SOURCES.length)]);
        if (random.nextInt(4) == 0) filter = filter.withAgent(orNone(AGENTS[random.nextInt(AGENTS.length)]));
        if (random.nextInt(5) == 0) filter = filter.withGroup(orNone(GROUPS[random.nextInt(GROUPS.length)]));
        if (random.nextInt(5) == 0) filter = filter.withChannel(orNone(CHANNELS[random.nextInt(CHANNELS.length)]));
        if (random.nextInt(4) == 0) filter = filter.withMetric(Metric.values()[random.nextInt(Metric.values().length)]);
        return filter;
    }

    private static String orNone(String value) {
        return value == null ? SummaryFilter.NONE_KEY : value;
    }

    /** Days around the data, starting at a local midnight half of the time. */
    private static Instant randomInstant(Random random, ZoneId zone) {
        Instant t = START.minus(Duration.ofDays(2)).plusMillis((long) (random.nextDouble() * Duration.ofDays(30).toMillis()));
        if (random.nextBoolean()) return t;
        LocalDate date = t.atZone(zone).toLocalDate();
        return date.atStartOfDay(zone).toInstant();
    }

    private static void seed(Database db, Random random) {
        SurveyRows rows = new SurveyRows(db);
        Metric[] metrics = Metric.values();
        List<long[]> current = new ArrayList<>(); // {answer id, survey id}
        for (int i = 0; i < 400; i++) {
            String source = SOURCES[random.nextInt(2)];
            String agent = AGENTS[random.nextInt(AGENTS.length)];
            String group = GROUPS[random.nextInt(GROUPS.length)];
            Metric metric = metrics[random.nextInt(metrics.length)];
            Instant sent = START.plusMillis((long) (random.nextDouble() * Duration.ofDays(24).toMillis()));
            long survey = rows.sentSurvey(source, "t" + i, metric.id(), "en", sent, agent, group);
            if (random.nextInt(5) > 0) {
                Instant at = sent.plusMillis((long) (random.nextDouble() * Duration.ofDays(3).toMillis()));
                int score = metric.min() + random.nextInt(metric.max() - metric.min() + 1);
                long id = rows.answer(survey, source, "t" + i, metric.id(), score, null, at, random.nextInt(8) == 0, agent, group);
                String channel = CHANNELS[random.nextInt(CHANNELS.length)];
                db.run(tx -> tx.update("UPDATE answers SET channel = ? WHERE id = ?", channel, id));
                current.add(new long[] {id, survey, at.toEpochMilli()});
                if (random.nextInt(4) == 0) {
                    // A later answer replaces it, possibly on another day.
                    Instant later = at.plusMillis((long) (random.nextDouble() * Duration.ofDays(2).toMillis()));
                    int again = metric.min() + random.nextInt(metric.max() - metric.min() + 1);
                    db.run(tx -> {
                        tx.update("UPDATE answers SET replaced_at = ? WHERE id = ?", later.toEpochMilli(), id);
                        tx.insertReturningId("INSERT INTO answers (survey_id, source, ticket_id, metric, score, answered_at, "
                                        + "suspected_bot, agent, agent_group, channel) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                                survey, source, "t" + survey, metric.id(), again, later.toEpochMilli(), agent, group,
                                CHANNELS[random.nextInt(CHANNELS.length)]);
                    });
                }
            }
            rows.outcome(source, "t" + i, sent.minusSeconds(60), random.nextBoolean() ? null : random.nextBoolean(),
                    random.nextBoolean() ? null : (long) random.nextInt(5000), agent);
        }
        for (long[] a : current) {
            switch (random.nextInt(12)) {
                case 0 -> db.run(tx -> tx.update("UPDATE answers SET suspected_bot = 1 - suspected_bot WHERE id = ?", a[0]));
                case 1 -> db.run(tx -> tx.update("DELETE FROM answers WHERE id = ? AND replaced_at IS NULL", a[0]));
                case 2 -> db.run(tx -> tx.update("UPDATE answers SET answered_at = answered_at + ? WHERE id = ?",
                        (long) random.nextInt(86_400_000), a[0]));
                default -> { }
            }
        }
    }

    private static Map<String, Long> rollupRows(Database db) {
        Map<String, Long> out = new TreeMap<>();
        db.read(tx -> tx.query("SELECT * FROM answer_days WHERE n <> 0", rs -> {
            StringBuilder key = new StringBuilder();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                if (!rs.getMetaData().getColumnName(c).equals("n")) key.append(rs.getString(c)).append('|');
            }
            out.put(key.toString(), rs.getLong("n"));
            return null;
        }));
        return out;
    }
}
