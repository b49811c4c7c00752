package io.gridlearn.stats;

/**
 * Student's t distribution with {@code df} degrees of freedom.
 *
 * <p>With {@code x = df/(df + t^2)} and {@code y = t^2/(df + t^2)} (both computed without cancellation),
 * {@code P(|T| > |t|) = I_x(df/2, 1/2)} (Abramowitz and Stegun 26.7.1), evaluated by
 * {@link Beta}, so tail probabilities keep full relative accuracy instead of being {@code 1 - cdf}.
 *
 * @param df degrees of freedom, finite and {@code > 0}
 */
public record StudentT(double df) {
    /**
     * Checks the degrees of freedom.
     *
     * @param df degrees of freedom, finite and {@code > 0}
     * @throws IllegalArgumentException otherwise
     */
    public StudentT {
        if (!(df > 0.0) || Double.isInfinite(df)) {
            throw new IllegalArgumentException("degrees of freedom must be finite and > 0, got " + df);
        }
    }

    /**
     * The two-sided p value of a t statistic.
     *
     * @param t a value of the t statistic
     * @return {@code P(|T| >= |t|)}; 0 for infinite t, NaN for NaN
     */
    public double twoSidedP(double t) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        double[] xy = split(t);
        return Beta.regularized(xy[0], xy[1], 0.5 * df, 0.5, false);
    }

    /**
     * The distribution function.
     *
     * @param t a value of the t statistic
     * @return {@code P(T <= t)}
     */
    public double cdf(double t) {
        return t > 0 ? 1.0 - halfTail(t) : halfTail(t);
    }

    /**
     * The survival function, accurate in the upper tail.
     *
     * @param t a value of the t statistic
     * @return {@code P(T > t)}
     */
    public double sf(double t) {
        return t > 0 ? halfTail(t) : 1.0 - halfTail(t);
    }

    /** {@code P(T > |t|) = P(T < -|t|)}. */
    private double halfTail(double t) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        return 0.5 * twoSidedP(t);
    }

    /** {@code (x, y) = (df/(df+t^2), t^2/(df+t^2))}, overflow-safe. */
    private double[] split(double t) {
        double at = Math.abs(t);
        double sdf = Math.sqrt(df);
        if (at > sdf) {
            double r = sdf / at;
            double rr = r * r; // df / t^2 <= 1
            return new double[] {rr / (1.0 + rr), 1.0 / (1.0 + rr)};
        }
        double r = at / sdf;
        double s = r * r; // t^2 / df <= 1
        return new double[] {1.0 / (1.0 + s), s / (1.0 + s)};
    }
}
