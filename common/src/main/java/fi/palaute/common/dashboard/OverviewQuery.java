package fi.palaute.common.dashboard;

import fi.palaute.common.score.GroupScore;
import fi.palaute.common.score.Metric;
import fi.palaute.common.score.MetricScore;
import fi.palaute.common.score.PeriodSummary;
import fi.palaute.common.score.Periods;
import fi.palaute.common.score.Ranking;
import fi.palaute.common.score.ResponseRate;
import fi.palaute.common.score.ScoreCounts;
import fi.palaute.common.score.ScoreTimeline;
import fi.palaute.common.score.SummaryQuery;
import fi.palaute.common.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the overview from the summary queries: the period's summary, one grouped scan for the chart's
 * points and the previous period, and the split for the breakdown. Every number is the one
 * {@code /api/summary} answers for the same range and filter.
 */
public final class OverviewQuery {
    private final SummaryQuery summaries;
    private final int minRankN;

    public OverviewQuery(Database db) {
        this(db, Ranking.DEFAULT_MIN_N);
    }

    public OverviewQuery(Database db, int minRankN) {
        this.summaries = new SummaryQuery(db, minRankN);
        this.minRankN = minRankN;
    }

    public Overview load(ViewFilter f) {
        PeriodSummary current = summaries.summarizeAndSplit(f.from(), f.to(), f.dimension().by(), f.summary());
        List<Instant> starts = periodStarts(f);
        List<Instant> cuts = new ArrayList<>();
        cuts.add(f.previousFrom());
        cuts.addAll(starts);
        cuts.add(f.to());
        ScoreTimeline timeline = summaries.timeline(cuts, f.summary());
        Map<Metric, ScoreCounts> previous = timeline.counts(f.previousFrom(), f.from());

        List<Metric> inUse = new ArrayList<>();
        for (Metric m : Metric.values()) {
            boolean asked = f.metric().map(m::equals).orElse(false);
            if (asked || (f.metric().isEmpty() && (current.counts(m).n() > 0 || previous.get(m).n() > 0))) inUse.add(m);
        }
        Map<Metric, ResponseRate> rates = inUse.size() > 1 ? summaries.responseRates(f.from(), f.to(), f.summary()) : Map.of();
        List<MetricCard> cards = new ArrayList<>();
        for (Metric m : inUse) {
            ScoreValue now = ScoreValue.of(current.score(m));
            ScoreValue before = ScoreValue.of(MetricScore.from(previous.get(m)));
            ResponseRate rate = inUse.size() > 1 ? rates.getOrDefault(m, new ResponseRate(0, 0)) : current.responseRate();
            cards.add(new MetricCard(now, before, rate, now.changeFrom(before)));
        }

        Metric shown = f.metric().orElse(inUse.isEmpty() ? current.primaryMetric() : mostAnswered(current, previous, inUse));
        List<ScoreChart.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant from = starts.get(i);
            Instant to = i + 1 < starts.size() ? starts.get(i + 1) : f.to();
            buckets.add(new ScoreChart.Bucket(periods(f).startDate(from), from, to,
                    ScoreValue.of(timeline.score(shown, from, to)), f.commentsOf(from, to, shown)));
        }
        ScoreChart chart = ScoreChart.layOut(shown, f.period(), buckets);

        long all = current.answers() + current.suspectedBotAnswers();
        Double botShare = all == 0 ? null : 100.0 * current.suspectedBotAnswers() / all;
        return new Overview(f, current, List.copyOf(cards), shown, chart, Distribution.of(current.counts(shown)),
                breakdown(f, current, shown), botShare);
    }

    private static Metric mostAnswered(PeriodSummary current, Map<Metric, ScoreCounts> previous, List<Metric> inUse) {
        Metric best = inUse.get(0);
        for (Metric m : inUse) {
            long n = current.counts(m).n() + previous.get(m).n();
            if (n > current.counts(best).n() + previous.get(best).n()) best = m;
        }
        return best;
    }

    /** The split by the chosen dimension, ranked again on the shown metric (the split ranks on the primary one). */
    private Breakdown breakdown(ViewFilter f, PeriodSummary current, Metric shown) {
        ViewFilter.Dimension dim = f.dimension();
        Map<String, PeriodSummary.Group> byKey = new LinkedHashMap<>();
        Map<String, ScoreCounts> counts = new HashMap<>();
        for (PeriodSummary.Group g : current.groups()) {
            byKey.put(g.key(), g);
            counts.put(g.key(), g.summary().counts(shown));
        }
        List<Breakdown.Row> ranked = new ArrayList<>();
        List<Breakdown.Row> unranked = new ArrayList<>();
        for (GroupScore g : Ranking.byWilsonLowerBound(counts, minRankN)) {
            PeriodSummary s = byKey.get(g.key()).summary();
            Breakdown.Row row = new Breakdown.Row(g.rank(), g.key(), ScoreValue.of(g.score()), g.goodShareLowerBound(),
                    s.responseRate(), s.fcr(), s.handleTime(), f.with("/dashboard", dim.param(), g.key()));
            (g.ranked() ? ranked : unranked).add(row);
        }
        return new Breakdown(dim, shown, minRankN, List.copyOf(ranked), List.copyOf(unranked));
    }

    /**
     * The start of each chart period in [from, to): calendar days, or weeks from Monday, in the filter's time
     * zone, cut as {@code /api/summary?by=day|week&tz=} cuts them.
     */
    static List<Instant> periodStarts(ViewFilter f) {
        List<Instant> cuts = periods(f).cuts(f.from(), f.to());
        return List.copyOf(cuts.subList(0, cuts.size() - 1));
    }

    static Periods periods(ViewFilter f) {
        return new Periods(f.period() == ViewFilter.Period.DAY ? Periods.Unit.DAY : Periods.Unit.WEEK, f.zone());
    }
}
