package fi.palaute.common.experiment;

import fi.palaute.common.score.Difference;
import fi.palaute.common.score.MeanComparison;
import fi.palaute.common.score.Metric;
import fi.palaute.common.score.NpsComparison;
import fi.palaute.common.score.ProportionComparison;
import fi.palaute.common.score.Rounding;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An experiment's figures and the comparison of its second arm against the first: the difference of
 * response rates (percentage points, Newcombe's interval, pooled z-test) and, when both arms ask on the
 * same scale, of the score (CSAT and NPS in points, the CES mean by Welch's test), the answers per arm
 * needed to show the observed difference with 80% power, and a verdict in words.
 */
public record ExperimentResult(Experiment experiment, ExperimentState state, List<ArmResult> arms,
                               Difference responseRateDiff, Difference scoreDiff) {

    public ExperimentResult {
        arms = List.copyOf(arms);
    }

    public static ExperimentResult of(Experiment experiment, ExperimentState state, List<ArmResult> arms) {
        ArmResult first = arms.get(0);
        ArmResult second = arms.get(1);
        Difference rate = ProportionComparison.of(first.answered(), first.sent(), second.answered(), second.sent());
        Difference score = null;
        if (scoresComparable(first, second)) {
            score = switch (first.arm().metric()) {
                case CSAT -> scaled(ProportionComparison.of(first.scores().good(), first.scores().n(),
                        second.scores().good(), second.scores().n()));
                case NPS -> scaled(NpsComparison.of(first.scores(), second.scores()));
                case CES -> MeanComparison.of(first.scores(), second.scores());
            };
        }
        return new ExperimentResult(experiment, state, arms, scaled(rate), score);
    }

    private static boolean scoresComparable(ArmResult first, ArmResult second) {
        return first.arm().metric() == second.arm().metric();
    }

    public boolean scoresComparable() {
        return scoresComparable(arms.get(0), arms.get(1));
    }

    private static Difference scaled(Difference d) {
        return d == null ? null : d.scaledBy(100);
    }

    /**
     * Per arm, for 80% power at two-sided α 0.05 to show the observed difference: answers when the
     * scores are compared, surveys sent when only response rates are. Null while the difference is 0.
     */
    public Long neededPerArm() {
        Difference main = scoresComparable() ? scoreDiff : responseRateDiff;
        return main == null ? null : main.neededPerArm();
    }

    /** What the figures show, in words, e.g. "no difference shown yet; about 420 answers per arm needed". */
    public String verdict() {
        ArmResult first = arms.get(0);
        ArmResult second = arms.get(1);
        if (state == ExperimentState.SCHEDULED) return "not started yet; it starts " + experiment.start();
        for (ArmResult arm : List.of(first, second)) {
            if (arm.sent() == 0) return "no surveys sent yet in arm \"" + arm.arm().id() + "\"";
        }
        List<String> shown = new ArrayList<>();
        String who = "\"" + second.arm().id() + "\"";
        String against = " against \"" + first.arm().id() + "\"";
        if (responseRateDiff != null && responseRateDiff.shown()) {
            shown.add(who + " " + direction(responseRateDiff) + " the response rate by " + magnitude(responseRateDiff, 1)
                    + " points" + against + " " + interval(responseRateDiff, 1));
        }
        if (scoreDiff != null && scoreDiff.shown()) {
            Metric metric = first.arm().metric();
            String what = metric == Metric.CES ? "the CES mean by " + magnitude(scoreDiff, 2)
                    : metric.id().toUpperCase(Locale.ROOT) + " by " + magnitude(scoreDiff, 1) + " points";
            shown.add(who + " " + direction(scoreDiff) + " " + what + against + " "
                    + interval(scoreDiff, metric == Metric.CES ? 2 : 1));
        }
        String verdict;
        if (!shown.isEmpty()) {
            verdict = String.join("; ", shown);
        } else {
            Long needed = neededPerArm();
            verdict = "no difference shown yet" + (needed == null ? ""
                    : "; about " + needed + (scoresComparable() ? " answers" : " surveys sent") + " per arm needed");
        }
        if (!scoresComparable()) verdict += " (scores not compared: the arms ask on different scales)";
        if (state == ExperimentState.ENDED) verdict = "ended: " + verdict;
        return verdict;
    }

    private static String direction(Difference d) {
        return d.value() > 0 ? "raises" : "lowers";
    }

    private static String magnitude(Difference d, int decimals) {
        return format(Math.abs(d.value()), decimals);
    }

    /** The interval of the magnitude: for a fall, the interval of the difference turned around. */
    private static String interval(Difference d, int decimals) {
        double low = d.value() > 0 ? d.ci95().low() : -d.ci95().high();
        double high = d.value() > 0 ? d.ci95().high() : -d.ci95().low();
        return "(95% CI " + format(low, decimals) + "–" + format(high, decimals) + ")";
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", Rounding.toDecimals(value, decimals));
    }

    static int decimals(Metric metric) {
        return metric == Metric.CES ? 2 : 1;
    }

    /** The {@code /api/experiments} entry (DESIGN.md "Admin API shapes"). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", experiment.id());
        json.put("state", state.id());
        json.put("start", experiment.start().toString());
        json.put("end", experiment.end().map(Object::toString).orElse(null));
        json.put("arms", arms.stream().map(ArmResult::toJson).toList());
        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("response_rate_diff", differenceJson(responseRateDiff, 1));
        comparison.put("score_diff", differenceJson(scoreDiff, decimals(arms.get(0).arm().metric())));
        comparison.put("verdict", verdict());
        comparison.put("needed_per_arm", neededPerArm());
        json.put("comparison", comparison);
        return json;
    }

    private static Map<String, Object> differenceJson(Difference d, int decimals) {
        if (d == null) return null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", Rounding.toDecimals(d.value(), decimals));
        json.put("ci95", d.ci95() == null ? null : d.ci95().toRoundedList(decimals));
        json.put("p_value", d.pValue() == null ? null : significant(d.pValue(), 3));
        return json;
    }

    /** A p-value to three significant digits: 0.0000123 stays readable where four decimals would say 0. */
    static double significant(double value, int digits) {
        if (value == 0) return 0;
        return new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_UP)).doubleValue();
    }
}
