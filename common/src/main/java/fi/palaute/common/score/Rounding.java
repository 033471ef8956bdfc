package fi.palaute.common.score;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding for presentation only; the statistics themselves are never rounded. */
public final class Rounding {

    private Rounding() {
    }

    /**
     * Rounds half up on the decimal digits a reader sees: going through {@link BigDecimal#valueOf(double)}
     * makes 0.05 round to 0.1 even though the double nearest 0.05 lies just below it.
     */
    public static double toDecimals(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot round " + value);
        }
        // + 0.0 turns −0.0 (e.g. an NPS of −0.01) into 0.0, which no reader wants to see as "-0.0".
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue() + 0.0;
    }

    /** As {@link #toDecimals(double, int)}, keeping null (a value that could not be computed) as null. */
    public static Double toDecimals(Double value, int decimals) {
        return value == null ? null : toDecimals(value.doubleValue(), decimals);
    }
}
