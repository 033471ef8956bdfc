package fi.palaute.common.score;

import fi.palaute.common.store.AnswerRollup;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.Row;
import fi.palaute.common.store.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Computes {@link PeriodSummary} in the database: answers reduce to counts per score value, so a
 * period of millions of answers costs a few grouped index scans. Only current answers count (a replaced
 * answer is kept but not scored) and suspected bots are counted apart.
 */
public final class SummaryQuery {
    /** How to split a summary. */
    public enum By {
        NONE(null), AGENT("agent"), GROUP("agent_group"), SOURCE("source"), CHANNEL("channel");

        private final String column;

        By(String column) {
            this.column = column;
        }

        /** The SQL expression of the group key, on a table alias prefix such as {@code "s."} or {@code ""}. */
        String key(String alias) {
            return column == null ? "''" : "COALESCE(" + alias + column + ", '(none)')";
        }

        public static By parse(String value) {
            if (value == null || value.isBlank()) return NONE;
            return switch (value) {
                case "agent" -> AGENT;
                case "group" -> GROUP;
                case "source" -> SOURCE;
                case "channel" -> CHANNEL;
                default -> throw new IllegalArgumentException("by must be agent, group, source or channel");
            };
        }
    }

    /** Joins two group keys in one SQL key; a control character no agent, group or source name has. */
    private static final char KEY_SEPARATOR = '\u001f';

    /** Where answer counts come from; both give the same figures, the rollup at a fraction of the reads. */
    public enum Counting {
        /** Whole days from the {@code answer_days} rollup, partial days from answers. */
        ROLLUP,
        /** Every answer read from the answers table: the reference the rollup is tested against. */
        RAW
    }

    private final Database db;
    private final int minRankN;
    private final Counting counting;

    public SummaryQuery(Database db) {
        this(db, Ranking.DEFAULT_MIN_N);
    }

    public SummaryQuery(Database db, int minRankN) {
        this(db, minRankN, Counting.ROLLUP);
    }

    public SummaryQuery(Database db, int minRankN, Counting counting) {
        this.db = db;
        this.minRankN = minRankN;
        this.counting = counting;
    }

    public PeriodSummary summarize(Instant from, Instant to) {
        return summarize(from, to, By.NONE, Optional.empty());
    }

    /** A summary of [from, to), split by agent, group or source when asked, optionally for one source only. */
    public PeriodSummary summarize(Instant from, Instant to, By by, Optional<String> source) {
        return summarize(from, to, by, SummaryFilter.ofSource(source));
    }

    /** A summary of [from, to) of what the filter selects, split by agent, group, source or channel when asked. */
    public PeriodSummary summarize(Instant from, Instant to, By by, SummaryFilter filter) {
        PeriodSummary total = db.read(tx ->
                collect(tx, from, to, By.NONE, filter).getOrDefault("", new Partial()).toSummary(from, to, List.of()));
        return by == By.NONE ? total : split(total, by, filter);
    }

    /**
     * The summary of [from, to) and its split by one key from one pass over the data: every row has
     * exactly one key, so the total is the sum of the groups (handle times and definitions included). For
     * a page that shows both, at half the reads of {@link #summarize} and {@link #split}.
     */
    public PeriodSummary summarizeAndSplit(Instant from, Instant to, By by, SummaryFilter filter) {
        if (by == By.NONE) return summarize(from, to, by, filter);
        Map<String, Partial> parts = db.read(tx -> collect(tx, from, to, by, filter));
        Partial total = new Partial();
        parts.values().forEach(total::add);
        return ranked(total.toSummary(from, to, List.of()), parts);
    }

    /**
     * The same period split by agent, group or source, ranked on the total's primary metric: for a
     * caller that already has the total and wants it split more than one way.
     */
    public PeriodSummary split(PeriodSummary total, By by, Optional<String> source) {
        return split(total, by, SummaryFilter.ofSource(source));
    }

    /** As {@link #split(PeriodSummary, By, Optional)}, of what the filter selects. */
    public PeriodSummary split(PeriodSummary total, By by, SummaryFilter filter) {
        if (by == By.NONE) return total;
        return ranked(total, db.read(tx -> collect(tx, total.from(), total.to(), by, filter)));
    }

    /**
     * The same period split several ways (by source, agent, group and channel, say) from one pass over
     * the data: the rows are grouped by all the keys at once and added up each way here, so a digest
     * that shows four splits reads the week once, not four times. One summary per split, in order.
     */
    public List<PeriodSummary> splitEachWay(PeriodSummary total, List<By> bys, Optional<String> source) {
        if (bys.isEmpty() || bys.contains(By.NONE)) throw new IllegalArgumentException("real splits only: " + bys);
        Map<String, Partial> all = db.read(tx -> collect(tx,
                new Span(total.from(), total.to(), new Splits(bys)), SummaryFilter.ofSource(source)));
        List<Map<String, Partial>> eachWay = new ArrayList<>();
        for (int i = 0; i < bys.size(); i++) eachWay.add(new TreeMap<>());
        all.forEach((key, part) -> {
            String[] values = key.split(String.valueOf(KEY_SEPARATOR), -1);
            for (int i = 0; i < bys.size(); i++) eachWay.get(i).computeIfAbsent(values[i], x -> new Partial()).add(part);
        });
        return eachWay.stream().map(parts -> ranked(total, parts)).toList();
    }

    /**
     * The range cut into calendar days or weeks in the time zone, in time order, each a summary of its
     * own; a period with no answers is there with n = 0. The first and last periods are clipped to the
     * range. Each group's key is the ISO date its period starts on in that zone (a week starts on Monday).
     */
    public PeriodSummary series(Instant from, Instant to, Periods periods, Optional<String> source) {
        return series(from, to, periods, SummaryFilter.ofSource(source));
    }

    /** As {@link #series(Instant, Instant, Periods, Optional)}, of what the filter selects. */
    public PeriodSummary series(Instant from, Instant to, Periods periods, SummaryFilter filter) {
        List<Instant> cuts = periods.cuts(from, to);
        PeriodSummary total = summarize(from, to, By.NONE, filter);
        Map<String, Partial> parts = db.read(tx -> collect(tx, new Buckets(cuts), filter));
        List<PeriodSummary.Group> groups = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            PeriodSummary period = parts.getOrDefault(Integer.toString(i), new Partial())
                    .toSummary(cuts.get(i), cuts.get(i + 1), List.of());
            groups.add(new PeriodSummary.Group(periods.key(cuts.get(i)), null, period));
        }
        return total.withGroups(groups);
    }

    private PeriodSummary ranked(PeriodSummary total, Map<String, Partial> parts) {
        Metric ranked = total.primaryMetric();
        Map<String, ScoreCounts> forRanking = new HashMap<>();
        parts.forEach((k, p) -> forRanking.put(k, p.counts.getOrDefault(ranked, ScoreCounts.empty(ranked))));
        List<PeriodSummary.Group> groups = new ArrayList<>();
        for (GroupScore g : Ranking.byWilsonLowerBound(forRanking, minRankN)) {
            groups.add(new PeriodSummary.Group(g.key(), g, parts.get(g.key()).toSummary(total.from(), total.to(), List.of())));
        }
        return total.withGroups(groups);
    }

    /**
     * Human answer counts between consecutive cuts (sorted, distinct), from one grouped read of the
     * rollup (and the partial days from answers): a month's daily sparkline costs one scan, not thirty
     * summaries.
     */
    public ScoreTimeline timeline(java.util.Collection<Instant> cutPoints) {
        return timeline(cutPoints, SummaryFilter.all());
    }

    /** As {@link #timeline(java.util.Collection)}, of the answers the filter selects. */
    public ScoreTimeline timeline(java.util.Collection<Instant> cutPoints, SummaryFilter filter) {
        List<Instant> cuts = new ArrayList<>(new java.util.TreeSet<>(cutPoints));
        if (cuts.size() < 2) throw new IllegalArgumentException("a timeline needs at least two cuts");
        Buckets buckets = new Buckets(cuts);
        Map<String, Partial> parts = new TreeMap<>();
        db.read(tx -> {
            countAnswers(tx, new Span(buckets.from(), buckets.to(), buckets), filter, parts);
            return null;
        });
        List<Map<Metric, ScoreCounts>> intervals = new ArrayList<>();
        for (int i = 1; i < cuts.size(); i++) {
            Map<Metric, ScoreCounts> counts = new java.util.EnumMap<>(Metric.class);
            Partial p = parts.get(Integer.toString(i - 1));
            if (p != null) counts.putAll(p.counts);
            intervals.add(counts);
        }
        return new ScoreTimeline(cuts, intervals);
    }

    /**
     * Response rate per metric (surveys of that metric sent in [from, to) and how many have a current,
     * human answer): when a page shows several metrics, each beside its own rate.
     */
    public Map<Metric, ResponseRate> responseRates(Instant from, Instant to, SummaryFilter filter) {
        Map<Metric, ResponseRate> rates = new java.util.EnumMap<>(Metric.class);
        db.read(tx -> tx.query("SELECT s.metric, COUNT(*) AS sent, COUNT(a.id) AS answered FROM surveys s"
                        + " LEFT JOIN answers a ON a.survey_id = s.id AND a.replaced_at IS NULL AND a.suspected_bot = 0"
                        + " WHERE s.state = 'sent' AND s.sent_at >= ? AND s.sent_at < ?" + filter.answerSql("s.")
                        + " GROUP BY s.metric",
                rs -> {
                    Metric m = Metric.fromId(rs.getString("metric"));
                    rates.put(m, new ResponseRate(rs.getLong("answered"), rs.getLong("sent")));
                    return null;
                }, filter.answerParams(from.toEpochMilli(), to.toEpochMilli())));
        return rates;
    }

    private static final class Partial {
        final Map<Metric, ScoreCounts> counts = new HashMap<>();
        long answers;
        long bots;
        long sent;
        long answered;
        long fcrN;
        long fcrYes;
        final Set<String> fcrDefinitions = new TreeSet<>();
        final List<Long> handleTimes = new ArrayList<>();
        final Set<String> handleTimeSources = new TreeSet<>();

        void add(Partial other) {
            other.counts.forEach((m, c) -> counts.merge(m, c, ScoreCounts::plus));
            answers += other.answers;
            bots += other.bots;
            sent += other.sent;
            answered += other.answered;
            fcrN += other.fcrN;
            fcrYes += other.fcrYes;
            fcrDefinitions.addAll(other.fcrDefinitions);
            handleTimes.addAll(other.handleTimes);
            handleTimeSources.addAll(other.handleTimeSources);
        }

        PeriodSummary toSummary(Instant from, Instant to, List<PeriodSummary.Group> groups) {
            handleTimes.sort(null);
            return new PeriodSummary(from, to, sent, answered, answers, counts,
                    new PeriodSummary.Fcr(fcrN, fcrYes, fcrDefinitions),
                    PeriodSummary.HandleTime.of(handleTimes, handleTimeSources), bots, groups);
        }
    }

    private Map<String, Partial> collect(Tx tx, Instant from, Instant to, By by, SummaryFilter filter) {
        return collect(tx, new Span(from, to, by == By.NONE ? Grouping.NONE : new Splits(List.of(by))), filter);
    }

    private Map<String, Partial> collect(Tx tx, Buckets buckets, SummaryFilter filter) {
        return collect(tx, new Span(buckets.from(), buckets.to(), buckets), filter);
    }

    /** What a summary groups rows by. */
    interface Grouping {
        Grouping NONE = new Splits(List.of());

        /** The key's SQL on a table alias prefix ({@code "s."} or {@code ""}) and its time column; null for none. */
        String key(String alias, String timeColumn);

        /** The cuts of the time buckets, or just the span's ends. */
        List<Instant> cuts(Instant from, Instant to);

        /** Whether {@code answer_days} has every column this key needs. */
        boolean inRollup();

        /** The key's SQL on {@code answer_days}, for the whole days the split put in each bucket; null for none. */
        String rollupKey(DaySplit days);
    }

    /** Groups by none, one or more columns (agent, source…), their values joined by {@link #KEY_SEPARATOR}. */
    record Splits(List<By> bys) implements Grouping {
        Splits {
            bys = List.copyOf(bys);
        }

        @Override
        public String key(String alias, String timeColumn) {
            if (bys.isEmpty()) return null;
            return String.join(" || '" + KEY_SEPARATOR + "' || ", bys.stream().map(b -> b.key(alias)).toList());
        }

        @Override
        public List<Instant> cuts(Instant from, Instant to) {
            return List.of(from, to);
        }

        @Override
        public boolean inRollup() {
            return bys.stream().allMatch(b -> AnswerRollup.DIMENSIONS.stream().anyMatch(d -> d.column().equals(b.column)));
        }

        @Override
        public String rollupKey(DaySplit days) {
            return key("", "day");
        }
    }

    /** Groups rows by the interval between consecutive cuts they fall in: the key is its index. */
    record Buckets(List<Instant> cuts) implements Grouping {
        Buckets {
            cuts = List.copyOf(cuts);
            if (cuts.size() < 2) throw new IllegalArgumentException("buckets need at least two cuts");
        }

        Instant from() { return cuts.get(0); }

        Instant to() { return cuts.get(cuts.size() - 1); }

        @Override
        public String key(String alias, String timeColumn) {
            return binarySearch(alias + timeColumn, cuts.stream().map(Instant::toEpochMilli).toList(),
                    IntStream.range(0, cuts.size() - 1).boxed().toList());
        }

        @Override
        public List<Instant> cuts(Instant from, Instant to) {
            return cuts;
        }

        @Override
        public boolean inRollup() {
            return true;
        }

        @Override
        public String rollupKey(DaySplit days) {
            return binarySearch("day", days.segmentBounds(), days.segmentBuckets());
        }
    }

    /**
     * SQL of the value {@code values[i]} whose interval [bounds[i], bounds[i+1]) holds the column: a
     * nested CASE, so a row costs log n comparisons even for years of days. The bounds are our own
     * numbers, written as literals so that no parameter limit caps the range.
     */
    static String binarySearch(String column, List<Long> bounds, List<Integer> values) {
        StringBuilder sql = new StringBuilder();
        search(sql, column, bounds, values, 0, values.size());
        return sql.toString();
    }

    private static void search(StringBuilder sql, String column, List<Long> bounds, List<Integer> values, int lo, int hi) {
        if (hi - lo == 1) {
            sql.append(values.get(lo));
            return;
        }
        int mid = (lo + hi) >>> 1;
        sql.append("CASE WHEN ").append(column).append(" < ").append(bounds.get(mid)).append(" THEN ");
        search(sql, column, bounds, values, lo, mid);
        sql.append(" ELSE ");
        search(sql, column, bounds, values, mid, hi);
        sql.append(" END");
    }

    private record Span(Instant from, Instant to, Grouping grouping) {
        List<long[]> whole() {
            return List.<long[]>of(new long[] {from.toEpochMilli(), to.toEpochMilli()});
        }
    }

    /**
     * One grouped query: SELECT key, columns … WHERE the time is in one of the intervals AND condition
     * GROUP BY key, more; {@code groupBy} null for plain rows (each with its key).
     */
    private static void grouped(Tx tx, String key, List<long[]> intervals, String alias, String timeColumn,
                                String columns, String fromClause, String condition, String groupBy,
                                SummaryFilter filter, boolean hasMetric, Row<Void> row) {
        List<Object> params = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        for (long[] interval : intervals) {
            ranges.add(alias + timeColumn + " >= ? AND " + alias + timeColumn + " < ?");
            params.add(interval[0]);
            params.add(interval[1]);
        }
        params.addAll(java.util.Arrays.asList(hasMetric ? filter.answerParams() : filter.outcomeParams()));
        // GROUP BY position: PostgreSQL would not see a second copy of a long key as the same expression,
        // and refuses a constant key, so the ungrouped query has none.
        List<String> groups = new ArrayList<>();
        if (key != null && groupBy != null) groups.add("1");
        if (groupBy != null && !groupBy.isEmpty()) groups.add(groupBy);
        String time = ranges.size() == 1 ? ranges.get(0) : "((" + String.join(") OR (", ranges) + "))";
        tx.query("SELECT " + (key == null ? "''" : key) + " AS k, " + columns + " FROM " + fromClause
                        + " WHERE " + time + condition
                        + (hasMetric ? filter.answerSql(alias) : filter.outcomeSql(alias))
                        + (groups.isEmpty() ? "" : " GROUP BY " + String.join(", ", groups)),
                row, params.toArray());
    }

    /**
     * Answer counts: whole UTC days from {@code answer_days}, the partial days at the edges of each
     * bucket from {@code answers}; in raw mode (or for a key the rollup lacks) all from {@code answers}.
     * Both give the same counts exactly; the rollup only reads far fewer rows.
     */
    private void countAnswers(Tx tx, Span span, SummaryFilter filter, Map<String, Partial> parts) {
        boolean bucketed = span.grouping() instanceof Buckets;
        Row<Void> add = rs -> {
            String k = rs.getString("k");
            if (bucketed && k.equals(Integer.toString(DaySplit.OUTSIDE))) return null;
            Partial p = parts.computeIfAbsent(k, x -> new Partial());
            long c = rs.getLong("c");
            if (rs.getInt("suspected_bot") != 0) {
                p.bots += c;
                return null;
            }
            Metric m = Metric.fromId(rs.getString("metric"));
            int score = rs.getInt("score");
            if (!m.accepts(score)) return null;
            p.counts.merge(m, ScoreCounts.empty(m).withAnswers(score, c), ScoreCounts::plus);
            p.answers += c;
            return null;
        };
        String columns = "metric, score, suspected_bot, COUNT(*) AS c";
        String groupBy = "metric, score, suspected_bot";
        Grouping grouping = span.grouping();
        if (counting == Counting.RAW || !grouping.inRollup()) {
            grouped(tx, grouping.key("", "answered_at"), span.whole(), "", "answered_at", columns, "answers",
                    " AND replaced_at IS NULL", groupBy, filter, true, add);
            return;
        }
        DaySplit split = DaySplit.of(grouping.cuts(span.from(), span.to()));
        if (split.hasWholeDays()) {
            String key = grouping.rollupKey(split);
            grouped(tx, key, List.<long[]>of(new long[] {split.firstDay(), split.endDay()}), "", "day",
                    "metric, score, suspected_bot, SUM(n) AS c", AnswerRollup.TABLE,
                    // Rows whose answers all moved out stay at n = 0; they must not make an empty group appear.
                    " AND n > 0", groupBy, filter, true, add);
        }
        if (!split.rawIntervals().isEmpty()) {
            grouped(tx, grouping.key("", "answered_at"), split.rawIntervals(), "", "answered_at", columns, "answers",
                    " AND replaced_at IS NULL", groupBy, filter, true, add);
        }
    }

    private Map<String, Partial> collect(Tx tx, Span span, SummaryFilter filter) {
        Map<String, Partial> parts = new TreeMap<>();
        countAnswers(tx, span, filter, parts);

        // Response rate: of the surveys sent in the period, how many have a current, human answer. Read
        // from the covering indexes surveys_sent_period and answers_survey_human.
        grouped(tx, span.grouping().key("s.", "sent_at"), span.whole(), "s.", "sent_at",
                "COUNT(*) AS sent, COUNT(a.id) AS answered",
                "surveys s LEFT JOIN answers a ON a.survey_id = s.id AND a.replaced_at IS NULL AND a.suspected_bot = 0",
                " AND s.state = 'sent'", "", filter, true,
                rs -> {
                    Partial p = parts.computeIfAbsent(rs.getString("k"), x -> new Partial());
                    p.sent += rs.getLong("sent");
                    p.answered += rs.getLong("answered");
                    return null;
                });

        // FCR and handle time: from the covering index ticket_outcomes_period.
        grouped(tx, span.grouping().key("", "solved_at"), span.whole(), "", "solved_at",
                "fcr_definition, COUNT(fcr) AS n, SUM(fcr) AS yes", "ticket_outcomes", "", "fcr_definition", filter, false,
                rs -> {
                    Partial p = parts.computeIfAbsent(rs.getString("k"), x -> new Partial());
                    long n = rs.getLong("n");
                    p.fcrN += n;
                    p.fcrYes += rs.getLong("yes");
                    if (n > 0 && rs.getString("fcr_definition") != null) p.fcrDefinitions.add(rs.getString("fcr_definition"));
                    return null;
                });

        grouped(tx, span.grouping().key("", "solved_at"), span.whole(), "", "solved_at",
                "handle_time_seconds, handle_time_source", "ticket_outcomes", " AND handle_time_seconds IS NOT NULL",
                null, filter, false,
                rs -> {
                    Partial p = parts.computeIfAbsent(rs.getString("k"), x -> new Partial());
                    p.handleTimes.add(rs.getLong("handle_time_seconds"));
                    if (rs.getString("handle_time_source") != null) p.handleTimeSources.add(rs.getString("handle_time_source"));
                    return null;
                });
        return parts;
    }
}
