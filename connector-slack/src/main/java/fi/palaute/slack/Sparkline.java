package fi.palaute.slack;

import java.util.List;
import java.util.Objects;

/**
 * Draws a series as ▁▂▃▄▅▆▇█ between its own lowest and highest value; a day without answers is a dot.
 * Scaled to the series rather than the metric's full range, so a week moving between 80 % and 90 % is
 * visible; the digest prints the low and high beside it so the scale is never hidden.
 */
public record Sparkline(List<Double> values) {
    private static final char[] BARS = "▁▂▃▄▅▆▇█".toCharArray();
    private static final char MISSING = '·';

    public Sparkline {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    public String draw() {
        double min = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (Double v : values) {
            if (v == null) {
                sb.append(MISSING);
            } else if (max == min) {
                sb.append(BARS[BARS.length / 2]);
            } else {
                int i = (int) Math.round((v - min) / (max - min) * (BARS.length - 1));
                sb.append(BARS[i]);
            }
        }
        return sb.toString();
    }

    public boolean hasValues() {
        return values.stream().anyMatch(Objects::nonNull);
    }

    public double low() {
        return values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(0);
    }

    public double high() {
        return values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
