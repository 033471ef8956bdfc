package fi.palaute.slack;

import fi.palaute.common.score.CesScore;
import fi.palaute.common.score.CsatScore;
import fi.palaute.common.score.Metric;
import fi.palaute.common.score.MetricScore;
import fi.palaute.common.score.NpsScore;
import fi.palaute.common.score.PeriodSummary;
import fi.palaute.common.score.Ranking;
import fi.palaute.common.score.SummaryQuery;
import fi.palaute.common.store.Database;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a {@link DigestReport} for a period from the shared database. */
public final class DigestReportQuery {
    static final int LOWEST = 3;

    private final SummaryQuery summaries;
    private final AnswerLookup answers;

    public DigestReportQuery(Database db) {
        this.summaries = new SummaryQuery(db, Ranking.DEFAULT_MIN_N);
        this.answers = new AnswerLookup(db);
    }

    public DigestReport load(DigestPeriod period) {
        PeriodSummary current = summaries.summarize(period.start(), period.end());
        DigestPeriod prev = period.previous();
        PeriodSummary previous = summaries.summarize(prev.start(), prev.end());
        Map<Metric, List<Double>> daily = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) daily.put(m, new ArrayList<>());
        for (DigestPeriod day : period.sparklineDays()) {
            PeriodSummary s = summaries.summarize(day.start(), day.end());
            for (Metric m : Metric.values()) daily.get(m).add(headline(s.score(m)));
        }
        PeriodSummary bySource = summaries.summarize(period.start(), period.end(), SummaryQuery.By.SOURCE, Optional.empty());
        PeriodSummary ranked = summaries.summarize(period.start(), period.end(), SummaryQuery.By.AGENT, Optional.empty());
        return new DigestReport(period, current, previous, daily, answers.lowest(period.start(), period.end(), LOWEST),
                bySource, ranked, Ranking.DEFAULT_MIN_N);
    }

    /** The one number a metric is reported as: CSAT %, CES mean, NPS; null without answers. */
    static Double headline(MetricScore score) {
        if (score instanceof CsatScore c) return c.score();
        if (score instanceof CesScore c) return c.mean();
        if (score instanceof NpsScore n) return n.score();
        return null;
    }
}
