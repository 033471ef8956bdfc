package fi.palaute.slack;

import fi.palaute.common.experiment.ExperimentReport;
import fi.palaute.common.experiment.ExperimentResult;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.score.CesScore;
import fi.palaute.common.score.CsatScore;
import fi.palaute.common.score.Metric;
import fi.palaute.common.score.MetricScore;
import fi.palaute.common.score.NpsScore;
import fi.palaute.common.score.PeriodSummary;
import fi.palaute.common.score.Ranking;
import fi.palaute.common.score.ScoreCounts;
import fi.palaute.common.score.ScoreTimeline;
import fi.palaute.common.score.SummaryQuery;
import fi.palaute.common.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final FollowUpStore followUps;
    private final Duration followUpSla;
    private final Clock clock;
    private final ExperimentReport experiments;

    /** @param followUpSla PALAUTE_FOLLOWUP_SLA, for the follow-ups line's "past the SLA" */
    public DigestReportQuery(Database db, Duration followUpSla, Clock clock) {
        this(db, new SummaryQuery(db, Ranking.DEFAULT_MIN_N), followUpSla, clock);
    }

    /** With the summaries of the caller's choosing (the benchmark compares rollup and raw counting). */
    public DigestReportQuery(Database db, SummaryQuery summaries, Duration followUpSla, Clock clock) {
        this.summaries = summaries;
        this.answers = new AnswerLookup(db);
        this.followUps = new FollowUpStore(db);
        this.followUpSla = followUpSla;
        this.clock = clock;
        this.experiments = new ExperimentReport(db, clock);
    }

    /** Every recorded experiment with its figures, newest first (for {@code /cx experiment}). */
    public List<ExperimentResult> experiments() {
        return experiments.all();
    }

    /**
     * One full summary of the period, one pass split by source, agent, channel and group together, and
     * one grouped scan for the previous period's scores and the daily sparkline: not thirteen summaries.
     */
    public DigestReport load(DigestPeriod period) {
        PeriodSummary current = summaries.summarize(period.start(), period.end());
        DigestPeriod prev = period.previous();
        List<DigestPeriod> days = period.sparklineDays();
        List<Instant> cuts = new ArrayList<>(List.of(prev.start(), prev.end(), period.start(), period.end()));
        for (DigestPeriod day : days) {
            cuts.add(day.start());
            cuts.add(day.end());
        }
        ScoreTimeline timeline = summaries.timeline(cuts);
        Map<Metric, ScoreCounts> previous = timeline.counts(prev.start(), prev.end());
        Map<Metric, List<Double>> daily = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) daily.put(m, new ArrayList<>());
        for (DigestPeriod day : days) {
            for (Metric m : Metric.values()) daily.get(m).add(headline(timeline.score(m, day.start(), day.end())));
        }
        List<PeriodSummary> splits = summaries.splitEachWay(current, List.of(SummaryQuery.By.SOURCE,
                SummaryQuery.By.AGENT, SummaryQuery.By.CHANNEL, SummaryQuery.By.GROUP), Optional.empty());
        PeriodSummary bySource = splits.get(0);
        PeriodSummary ranked = splits.get(1);
        PeriodSummary byChannel = splits.get(2);
        PeriodSummary byGroup = splits.get(3);
        return new DigestReport(period, current, previous, daily, answers.lowest(period.start(), period.end(), LOWEST),
                bySource, ranked, Ranking.DEFAULT_MIN_N,
                followUps.summary(period.start(), period.end(), followUpSla, clock.instant()), byChannel,
                experiments.runningAt(period.end().minusMillis(1)), byGroup);
    }

    /** The one number a metric is reported as: CSAT %, CES mean, NPS; null without answers. */
    static Double headline(MetricScore score) {
        if (score instanceof CsatScore c) return c.score();
        if (score instanceof CesScore c) return c.mean();
        if (score instanceof NpsScore n) return n.score();
        return null;
    }
}
