package fi.palaute.common.score;

import fi.palaute.common.store.Database;
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

/**
 * Computes {@link PeriodSummary} in the database: answers reduce to counts per score value, so a
 * period of millions of answers costs a few grouped index scans. Only current answers count (a replaced
 * answer is kept but not scored) and suspected bots are counted apart.
 */
public final class SummaryQuery {
    /** How to split a summary. */
    public enum By {
        NONE(null), AGENT("agent"), GROUP("agent_group"), SOURCE("source");

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
                default -> throw new IllegalArgumentException("by must be agent, group or source");
            };
        }
    }

    /** Joins two group keys in one SQL key; a control character no agent, group or source name has. */
    private static final char KEY_SEPARATOR = '\u001f';

    private final Database db;
    private final int minRankN;

    public SummaryQuery(Database db) {
        this(db, Ranking.DEFAULT_MIN_N);
    }

    public SummaryQuery(Database db, int minRankN) {
        this.db = db;
        this.minRankN = minRankN;
    }

    public PeriodSummary summarize(Instant from, Instant to) {
        return summarize(from, to, By.NONE, Optional.empty());
    }

    /** A summary of [from, to), split by agent, group or source when asked, optionally for one source only. */
    public PeriodSummary summarize(Instant from, Instant to, By by, Optional<String> source) {
        PeriodSummary total = db.read(tx ->
                collect(tx, from, to, By.NONE, source).getOrDefault("", new Partial()).toSummary(from, to, List.of()));
        return by == By.NONE ? total : split(total, by, source);
    }

    /**
     * The same period split by agent, group or source, ranked on the total's primary metric: for a
     * caller that already has the total and wants it split more than one way.
     */
    public PeriodSummary split(PeriodSummary total, By by, Optional<String> source) {
        if (by == By.NONE) return total;
        return ranked(total, db.read(tx -> collect(tx, total.from(), total.to(), by, source)));
    }

    /**
     * The same period split two ways (by source and by agent, say) from one pass over the data: the
     * rows are grouped by both keys at once and added up each way here.
     */
    public List<PeriodSummary> splitTwoWays(PeriodSummary total, By first, By second, Optional<String> source) {
        if (first == By.NONE || second == By.NONE) throw new IllegalArgumentException("two real splits");
        Map<String, Partial> both = db.read(tx -> collect(tx, total.from(), total.to(),
                alias -> first.key(alias) + " || '" + KEY_SEPARATOR + "' || " + second.key(alias), false, source));
        Map<String, Partial> byFirst = new TreeMap<>();
        Map<String, Partial> bySecond = new TreeMap<>();
        both.forEach((key, part) -> {
            int cut = key.indexOf(KEY_SEPARATOR);
            byFirst.computeIfAbsent(key.substring(0, cut), x -> new Partial()).add(part);
            bySecond.computeIfAbsent(key.substring(cut + 1), x -> new Partial()).add(part);
        });
        return List.of(ranked(total, byFirst), ranked(total, bySecond));
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
     * Human answer counts between consecutive cuts (sorted, distinct), in one grouped query: a bucket
     * per interval, so a month's daily sparkline costs one scan, not thirty summaries.
     */
    public ScoreTimeline timeline(java.util.Collection<Instant> cutPoints) {
        List<Instant> cuts = new ArrayList<>(new java.util.TreeSet<>(cutPoints));
        if (cuts.size() < 2) throw new IllegalArgumentException("a timeline needs at least two cuts");
        StringBuilder bucket = new StringBuilder("CASE");
        List<Object> params = new ArrayList<>();
        for (int i = 1; i < cuts.size(); i++) {
            bucket.append(" WHEN answered_at < ? THEN ").append(i - 1);
            params.add(cuts.get(i).toEpochMilli());
        }
        bucket.append(" END");
        params.add(cuts.get(0).toEpochMilli());
        params.add(cuts.get(cuts.size() - 1).toEpochMilli());
        // GROUP BY position: PostgreSQL would not see a second copy of the CASE, with its own parameters,
        // as the same expression.
        List<Map<Metric, ScoreCounts>> intervals = new ArrayList<>();
        for (int i = 1; i < cuts.size(); i++) intervals.add(new java.util.EnumMap<>(Metric.class));
        db.read(tx -> tx.query("SELECT " + bucket + " AS bucket, metric, score, COUNT(*) AS c FROM answers"
                        + " WHERE answered_at >= ? AND answered_at < ? AND replaced_at IS NULL AND suspected_bot = 0"
                        + " GROUP BY 1, 2, 3",
                rs -> {
                    Metric m = Metric.fromId(rs.getString("metric"));
                    int score = rs.getInt("score");
                    if (m.accepts(score)) {
                        intervals.get(rs.getInt("bucket")).merge(m, ScoreCounts.empty(m).withAnswers(score, rs.getLong("c")),
                                ScoreCounts::plus);
                    }
                    return null;
                }, params.toArray()));
        return new ScoreTimeline(cuts, intervals);
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

    private Map<String, Partial> collect(Tx tx, Instant from, Instant to, By by, Optional<String> source) {
        return collect(tx, from, to, by::key, by == By.NONE, source);
    }

    /** @param keyOf the SQL of the group key on a table alias prefix; {@code ungrouped} for the total */
    private Map<String, Partial> collect(Tx tx, Instant from, Instant to, java.util.function.UnaryOperator<String> keyOf,
                                         boolean ungrouped, Optional<String> source) {
        Map<String, Partial> parts = new TreeMap<>();
        String k = keyOf.apply("");
        // PostgreSQL refuses a constant in GROUP BY, so the ungrouped summary leaves the key out.
        String groupKey = ungrouped ? "" : k + ", ";
        String sourceFilter = source.isPresent() ? " AND source = ?" : "";
        Object[] params = source.isPresent()
                ? new Object[] {from.toEpochMilli(), to.toEpochMilli(), source.get()}
                : new Object[] {from.toEpochMilli(), to.toEpochMilli()};

        tx.query("SELECT " + k + " AS k, metric, score, suspected_bot, COUNT(*) AS c FROM answers"
                        + " WHERE answered_at >= ? AND answered_at < ? AND replaced_at IS NULL" + sourceFilter
                        + " GROUP BY " + groupKey + "metric, score, suspected_bot",
                rs -> {
                    Partial p = parts.computeIfAbsent(rs.getString("k"), x -> new Partial());
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
                }, params);

        // Response rate: of the surveys sent in the period, how many have a current, human answer.
        String sk = keyOf.apply("s.");
        tx.query("SELECT " + sk + " AS k, COUNT(*) AS sent, COUNT(a.id) AS answered FROM surveys s"
                        + " LEFT JOIN answers a ON a.survey_id = s.id AND a.replaced_at IS NULL AND a.suspected_bot = 0"
                        + " WHERE s.state = 'sent' AND s.sent_at >= ? AND s.sent_at < ?"
                        + (source.isPresent() ? " AND s.source = ?" : "") + (ungrouped ? "" : " GROUP BY " + sk),
                rs -> {
                    Partial p = parts.computeIfAbsent(rs.getString("k"), x -> new Partial());
                    p.sent += rs.getLong("sent");
                    p.answered += rs.getLong("answered");
                    return null;
                }, params);

        tx.query("SELECT " + k + " AS k, fcr_definition, COUNT(fcr) AS n, SUM(fcr) AS yes FROM ticket_outcomes"
                        + " WHERE solved_at >= ? AND solved_at < ?" + sourceFilter
                        + " GROUP BY " + groupKey + "fcr_definition",
                rs -> {
                    Partial p = parts.computeIfAbsent(rs.getString("k"), x -> new Partial());
                    long n = rs.getLong("n");
                    p.fcrN += n;
                    p.fcrYes += rs.getLong("yes");
                    if (n > 0 && rs.getString("fcr_definition") != null) p.fcrDefinitions.add(rs.getString("fcr_definition"));
                    return null;
                }, params);

        tx.query("SELECT " + k + " AS k, handle_time_seconds, handle_time_source FROM ticket_outcomes"
                        + " WHERE solved_at >= ? AND solved_at < ? AND handle_time_seconds IS NOT NULL" + sourceFilter
                        + " ORDER BY handle_time_seconds",
                rs -> {
                    Partial p = parts.computeIfAbsent(rs.getString("k"), x -> new Partial());
                    p.handleTimes.add(rs.getLong("handle_time_seconds"));
                    if (rs.getString("handle_time_source") != null) p.handleTimeSources.add(rs.getString("handle_time_source"));
                    return null;
                }, params);
        return parts;
    }
}
