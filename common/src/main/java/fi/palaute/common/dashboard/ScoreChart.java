package fi.palaute.common.dashboard;

import fi.palaute.common.score.Metric;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The score over time, laid out for an SVG drawn on the server: one point per day or week at its score,
 * the 95% interval as a band around the line, n under each point, and a link from each point to that
 * period's comments. The template draws it; the same points fill the table behind it.
 *
 * @param bands    SVG path data of the interval band, one closed shape per run of consecutive points
 * @param lines    SVG path data of the score line, one per run of consecutive points with answers
 * @param showN    whether there is room to print n under every point (else it is in each point's title)
 */
public record ScoreChart(Metric metric, ViewFilter.Period period, List<Point> points, List<Tick> yTicks,
                         List<Point> xLabels, List<String> bands, List<String> lines, boolean showN) {
    public static final double WIDTH = 720;
    public static final double HEIGHT = 280;
    public static final double LEFT = 52;
    public static final double RIGHT = 12;
    public static final double TOP = 14;
    /** Bottom of the plot area: below it the n row and the date labels. */
    public static final double PLOT_BOTTOM = 226;
    public static final double N_ROW = 246;
    public static final double DATE_ROW = 268;
    private static final int MAX_X_LABELS = 8;
    private static final int MAX_N_LABELS = 31;

    /** One period: its start (in the zone), its score, and where it is drawn (y null without answers). */
    public record Point(LocalDate start, Instant from, Instant to, ScoreValue value, double x, Double y, Double yLow,
                        Double yHigh, String commentsHref) {
        public boolean hasAnswers() { return value.n() > 0; }
    }

    /** A gridline of the score axis. */
    public record Tick(double y, double value) {}

    /** One period before it is laid out. */
    record Bucket(LocalDate start, Instant from, Instant to, ScoreValue value, String commentsHref) {}

    static ScoreChart layOut(Metric metric, ViewFilter.Period period, List<Bucket> buckets) {
        double min = ScoreValue.scaleMin(metric);
        double max = ScoreValue.scaleMax(metric);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double step = buckets.isEmpty() ? plotWidth : plotWidth / buckets.size();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            double x = LEFT + (i + 0.5) * step;
            ScoreValue v = b.value();
            Double y = v.value() == null ? null : yOf(v.value(), min, max);
            Double low = v.ci95() == null ? null : yOf(v.ci95().low(), min, max);
            Double high = v.ci95() == null ? null : yOf(v.ci95().high(), min, max);
            points.add(new Point(b.start(), b.from(), b.to(), v, x, y, low, high, b.commentsHref()));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = min + (max - min) * i / 4;
            ticks.add(new Tick(yOf(value, min, max), value));
        }
        List<Point> labels = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(points.size() / (double) MAX_X_LABELS));
        for (int i = 0; i < points.size(); i += every) labels.add(points.get(i));
        return new ScoreChart(metric, period, List.copyOf(points), List.copyOf(ticks), List.copyOf(labels),
                runs(points, true), runs(points, false), points.size() <= MAX_N_LABELS);
    }

    private static double yOf(double value, double min, double max) {
        return PLOT_BOTTOM - (value - min) / (max - min) * (PLOT_BOTTOM - TOP);
    }

    /** Path data for each run of consecutive points that have a value (lines) or an interval (bands). */
    private static List<String> runs(List<Point> points, boolean band) {
        List<String> out = new ArrayList<>();
        List<Point> run = new ArrayList<>();
        for (int i = 0; i <= points.size(); i++) {
            Point p = i < points.size() ? points.get(i) : null;
            boolean member = p != null && (band ? p.yHigh() != null : p.y() != null);
            if (member) {
                run.add(p);
                continue;
            }
            if (run.size() >= 2) out.add(band ? bandPath(run) : linePath(run));
            run.clear();
        }
        return List.copyOf(out);
    }

    private static String linePath(List<Point> run) {
        StringBuilder d = new StringBuilder();
        for (Point p : run) d.append(d.length() == 0 ? "M" : " L").append(fmt(p.x())).append(',').append(fmt(p.y()));
        return d.toString();
    }

    private static String bandPath(List<Point> run) {
        StringBuilder d = new StringBuilder();
        for (Point p : run) d.append(d.length() == 0 ? "M" : " L").append(fmt(p.x())).append(',').append(fmt(p.yHigh()));
        for (int i = run.size() - 1; i >= 0; i--) {
            d.append(" L").append(fmt(run.get(i).x())).append(',').append(fmt(run.get(i).yLow()));
        }
        return d.append(" Z").toString();
    }

    /** A coordinate for SVG: one decimal, always a point as the separator. */
    public static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
