package fi.palaute.common.score;

import java.util.Arrays;
import java.util.List;

/** A closed interval [low, high], e.g. a 95% confidence interval. */
public record Interval(double low, double high) {

    public Interval {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("not an interval: [" + low + ", " + high + "]");
        }
    }

    public double width() {
        return high - low;
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /** E.g. from a proportion (0–1) to percent (0–100). */
    public Interval scaledBy(double factor) {
        return factor >= 0 ? new Interval(low * factor, high * factor) : new Interval(high * factor, low * factor);
    }

    /** Limits both ends to [min, max]: a normal approximation can reach past what the score can be. */
    public Interval clippedTo(double min, double max) {
        return new Interval(Math.min(Math.max(low, min), max), Math.max(Math.min(high, max), min));
    }

    /** The JSON form, {@code [low, high]} rounded half up. */
    public List<Double> toRoundedList(int decimals) {
        return Arrays.asList(Rounding.toDecimals(low, decimals), Rounding.toDecimals(high, decimals));
    }
}
