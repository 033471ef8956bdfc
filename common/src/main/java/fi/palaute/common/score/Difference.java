package fi.palaute.common.score;

/**
 * The difference of a statistic between two groups (the second minus the first), with its 95% interval
 * and two-sided p-value, in the statistic's own units (a proportion 0–1, NPS −1…1, or a mean score).
 *
 * @param value        second − first
 * @param ci95         95% confidence interval of the difference; null when it cannot be computed
 * @param pValue       two-sided p-value against "no difference"; null when it cannot be computed
 * @param neededPerArm observations per group for 80% power at two-sided α 0.05 to detect a true
 *                     difference of {@code value}, with the spread observed; null when {@code value} is 0
 *                     or the spread is unknown
 */
public record Difference(double value, Interval ci95, Double pValue, Long neededPerArm) {

    /** Shown at the 5% level: the interval leaves out 0 and the test agrees. */
    public boolean shown() {
        return ci95 != null && pValue != null && pValue < 0.05 && !ci95.contains(0);
    }

    /** The same difference in other units, e.g. a proportion in percentage points (×100). */
    public Difference scaledBy(double factor) {
        return new Difference(value * factor, ci95 == null ? null : ci95.scaledBy(factor), pValue, neededPerArm);
    }

    /**
     * (z_{α/2} + z_β)² · variance / d², rounded up: observations per group to detect {@code d} when the
     * two groups' per-observation variances add up to {@code summedVariance}.
     */
    static Long neededPerArm(double d, double summedVariance) {
        if (d == 0 || !(summedVariance > 0)) return null;
        double z = Normal.Z_975 + Normal.Z_80;
        return (long) Math.ceil(z * z * summedVariance / (d * d));
    }
}
