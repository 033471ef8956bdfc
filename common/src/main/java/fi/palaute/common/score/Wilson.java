package fi.palaute.common.score;

/**
 * The Wilson score interval for a proportion. Unlike the textbook p ± z·√(p(1−p)/n) it stays inside
 * [0, 1] and does not collapse to zero width at 0% or 100%, which matters for the small samples one
 * agent or one week produces.
 */
public final class Wilson {

    /** Two-sided 95% standard normal quantile. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** 95% interval of the share {@code successes / n}, as a proportion in [0, 1]; null when n = 0. */
    public static Interval interval(long successes, long n) {
        check(successes, n);
        if (n == 0) return null;
        double z2 = Z95 * Z95;
        // Written with counts instead of p = s/n so that s = 0 and s = n need no special case.
        double centre = (successes + z2 / 2) / (n + z2);
        double halfWidth = Z95 * Math.sqrt((double) successes * (n - successes) / n + z2 / 4) / (n + z2);
        // At s = 0 or s = n a bound is 0 or 1 exactly in theory; clipping removes floating-point dust.
        return new Interval(Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth));
    }

    /**
     * The lower end of {@link #interval}: the share we are 97.5% sure is not higher than the true one,
     * used to rank groups so that 5 of 5 does not beat 48 of 50. Requires n ≥ 1.
     */
    public static double lowerBound(long successes, long n) {
        if (n == 0) {
            throw new IllegalArgumentException("no lower bound without answers (n = 0)");
        }
        return interval(successes, n).low();
    }

    private static void check(long successes, long n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 ≤ successes ≤ n, got " + successes + " of " + n);
        }
    }
}
