package io.gridlearn.stats;

/**
 * Fisher's F distribution with {@code d1} numerator and {@code d2} denominator degrees of freedom.
 *
 * <p>{@code P(F <= f) = I_x(d1/2, d2/2)} with {@code x = d1 f / (d1 f + d2)} and
 * {@code P(F > f) = I_y(d2/2, d1/2)} with {@code y = d2 / (d1 f + d2) = 1 - x}
 * (Abramowitz and Stegun 26.6.2), both evaluated directly by {@link Beta} so that small upper-tail
 * probabilities (p values) keep their relative accuracy.
 *
 * @param d1 numerator degrees of freedom, finite and {@code > 0}
 * @param d2 denominator degrees of freedom, finite and {@code > 0}
 */
public record FDistribution(double d1, double d2) {
    /**
     * Checks the degrees of freedom.
     *
     * @param d1 numerator degrees of freedom, finite and {@code > 0}
     * @param d2 denominator degrees of freedom, finite and {@code > 0}
     * @throws IllegalArgumentException otherwise
     */
    public FDistribution {
        if (!(d1 > 0.0) || Double.isInfinite(d1) || !(d2 > 0.0) || Double.isInfinite(d2)) {
            throw new IllegalArgumentException("degrees of freedom must be finite and > 0, got d1=" + d1 + ", d2=" + d2);
        }
    }

    /**
     * The distribution function.
     *
     * @param f a value of the F statistic
     * @return {@code P(F <= f)}
     */
    public double cdf(double f) {
        return tail(f, false);
    }

    /**
     * The survival function, accurate in the upper tail.
     *
     * @param f a value of the F statistic
     * @return {@code P(F > f)}: the p value of an F statistic {@code f}
     */
    public double sf(double f) {
        return tail(f, true);
    }

    private double tail(double f, boolean upper) {
        if (Double.isNaN(f)) {
            return Double.NaN;
        }
        if (f <= 0.0) {
            return upper ? 1.0 : 0.0;
        }
        if (f == Double.POSITIVE_INFINITY) {
            return upper ? 0.0 : 1.0;
        }
        double u = d1 * f; // x = u/(u+d2), y = d2/(u+d2)
        double x;
        double y;
        if (u > d2) {
            double r = d2 / u;
            x = 1.0 / (1.0 + r);
            y = r / (1.0 + r);
        } else {
            double r = u / d2;
            x = r / (1.0 + r);
            y = 1.0 / (1.0 + r);
        }
        return Beta.regularized(x, y, 0.5 * d1, 0.5 * d2, upper);
    }
}
