package fi.palaute.common.score;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores and ticket outcomes for one period (and optionally one agent or group): what the admin API
 * answers and what a digest shows.
 */
public record PeriodSummary(Instant from, Instant to, long surveysSent, long surveysAnswered, long answers,
                            Map<Metric, ScoreCounts> counts, Fcr fcr, HandleTime handleTime,
                            long suspectedBotAnswers, List<Group> groups) {

    /** First-contact resolution over tickets solved in the period, with the definitions the helpdesks used. */
    public record Fcr(long n, long resolvedFirstContact, Set<String> definitions) {
        public Double rate() {
            return n == 0 ? null : (double) resolvedFirstContact / n;
        }
    }

    /** Agent-tracked handle time; n = 0 when no ticket in the period had any tracked. */
    public record HandleTime(long n, Double meanSeconds, Double medianSeconds, Set<String> sources) {
        public static HandleTime of(List<Long> sortedSeconds, Set<String> sources) {
            int n = sortedSeconds.size();
            if (n == 0) return new HandleTime(0, null, null, sources);
            double sum = 0;
            for (long s : sortedSeconds) sum += s;
            double median = n % 2 == 1 ? sortedSeconds.get(n / 2)
                    : (sortedSeconds.get(n / 2 - 1) + sortedSeconds.get(n / 2)) / 2.0;
            return new HandleTime(n, sum / n, median, sources);
        }
    }

    /**
     * One agent's, group's or period's share: an agent or group with its place in the ranking, a period
     * (of a time series) with none.
     */
    public record Group(String key, GroupScore rank, PeriodSummary summary) {}

    public PeriodSummary {
        EnumMap<Metric, ScoreCounts> all = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) all.put(m, counts.getOrDefault(m, ScoreCounts.empty(m)));
        counts = java.util.Collections.unmodifiableMap(all);
        groups = List.copyOf(groups);
    }

    PeriodSummary withGroups(List<Group> newGroups) {
        return new PeriodSummary(from, to, surveysSent, surveysAnswered, answers, counts, fcr, handleTime,
                suspectedBotAnswers, newGroups);
    }

    public ScoreCounts counts(Metric metric) {
        return counts.get(metric);
    }

    public MetricScore score(Metric metric) {
        return MetricScore.from(counts.get(metric));
    }

    public ResponseRate responseRate() {
        return new ResponseRate(surveysAnswered, surveysSent);
    }

    /** The metric with the most answers: the one rankings and headlines use. */
    public Metric primaryMetric() {
        Metric best = Metric.CSAT;
        for (Metric m : Metric.values()) {
            if (counts.get(m).n() > counts.get(best).n()) best = m;
        }
        return best;
    }

    public boolean hasAnswers() {
        return counts.values().stream().anyMatch(c -> c.n() > 0);
    }

    /** The JSON of GET /api/summary (docs/operations.md, "Admin API"). */
    public LinkedHashMap<String, Object> toJson() {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        putFields(out);
        if (!groups.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Group g : groups) {
                LinkedHashMap<String, Object> item = new LinkedHashMap<>();
                item.put("key", g.key());
                if (g.rank() != null) {
                    item.put("rank", g.rank().rank());
                    item.put("ranked_by", g.rank().score().metric().id());
                    item.put("good_share_lower_bound", Rounding.toDecimals(g.rank().goodShareLowerBound(), 1));
                } else {
                    item.put("from", g.summary().from().toString());
                    item.put("to", g.summary().to().toString());
                }
                g.summary().putFields(item);
                list.add(item);
            }
            out.put("groups", list);
        }
        return out;
    }

    private void putFields(Map<String, Object> out) {
        out.put("surveys_sent", surveysSent);
        out.put("surveys_answered", surveysAnswered);
        out.put("answers", answers);
        out.put("response_rate", Rounding.toDecimals(responseRate().rate(), 3));
        for (Metric m : Metric.values()) out.put(m.id(), score(m).toJson());
        LinkedHashMap<String, Object> f = new LinkedHashMap<>();
        f.put("n", fcr.n());
        f.put("rate", Rounding.toDecimals(fcr.rate(), 3));
        f.put("definitions", List.copyOf(fcr.definitions()));
        out.put("fcr", f);
        LinkedHashMap<String, Object> h = new LinkedHashMap<>();
        h.put("n", handleTime.n());
        h.put("mean", Rounding.toDecimals(handleTime.meanSeconds(), 1));
        h.put("median", Rounding.toDecimals(handleTime.medianSeconds(), 1));
        h.put("sources", List.copyOf(handleTime.sources()));
        out.put("handle_time_seconds", h);
        out.put("suspected_bot_answers", suspectedBotAnswers);
    }
}
