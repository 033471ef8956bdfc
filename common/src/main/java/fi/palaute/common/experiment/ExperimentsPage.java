package fi.palaute.common.experiment;

import fi.palaute.common.dashboard.DashboardSection;
import fi.palaute.common.dashboard.SectionContext;
import fi.palaute.common.score.Difference;
import fi.palaute.common.score.Interval;
import gg.jte.Content;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's experiments page: per experiment its arms side by side, each difference drawn as a
 * point with its 95% interval against zero (with the figures in a table beside it), and the verdict.
 */
public final class ExperimentsPage implements DashboardSection {
    /** Width of a difference drawing in SVG user units; the zero line sits in the middle. */
    static final int WIDTH = 320;
    private static final int MARGIN = 12;

    private final ExperimentReport report;

    public ExperimentsPage(ExperimentReport report) {
        this.report = report;
    }

    /** The template's parameter. */
    public record View(List<ExperimentResult> experiments, List<List<DiffBar>> bars,
                       fi.palaute.common.dashboard.Messages text) {}

    /**
     * One difference as drawn: {@code low}, {@code value} and {@code high} are x coordinates in
     * [MARGIN, WIDTH − MARGIN], {@code zero} the x of no difference; {@code ci95} is null when the
     * interval could not be computed.
     */
    public record DiffBar(String labelKey, String unit, Difference difference, double zero, Double low, double value,
                          Double high, int width) {
        public String valueText(int decimals) {
            return String.format(Locale.ROOT, "%+." + decimals + "f", difference.value());
        }

        public boolean shown() {
            return difference.shown();
        }
    }

    @Override
    public Content render(SectionContext context) {
        List<ExperimentResult> results = report.all();
        if (results.isEmpty()) return null;
        List<List<DiffBar>> bars = results.stream().map(ExperimentsPage::bars).toList();
        return context.template("experiments.jte", new View(results, bars, context.text()));
    }

    static List<DiffBar> bars(ExperimentResult r) {
        List<DiffBar> bars = new java.util.ArrayList<>();
        if (r.responseRateDiff() != null) bars.add(bar("experiments.responseRateDiff", "pp", r.responseRateDiff()));
        if (r.scoreDiff() != null) {
            boolean mean = r.arms().get(0).arm().metric() == fi.palaute.common.score.Metric.CES;
            bars.add(bar(mean ? "experiments.meanDiff" : "experiments.scoreDiff", mean ? "" : "pp", r.scoreDiff()));
        }
        return bars;
    }

    /** Scales the drawing so the interval (or the value alone) fills most of the width, zero in the middle. */
    static DiffBar bar(String labelKey, String unit, Difference d) {
        Interval ci = d.ci95();
        double reach = Math.max(Math.abs(d.value()), ci == null ? 0 : Math.max(Math.abs(ci.low()), Math.abs(ci.high())));
        if (reach == 0) reach = 1;
        double half = (WIDTH - 2.0 * MARGIN) / 2;
        double zero = WIDTH / 2.0;
        double scale = half / reach;
        return new DiffBar(labelKey, unit, d, zero, ci == null ? null : round(zero + ci.low() * scale),
                round(zero + d.value() * scale), ci == null ? null : round(zero + ci.high() * scale), WIDTH);
    }

    private static double round(double x) {
        return Math.round(x * 10) / 10.0;
    }
}
