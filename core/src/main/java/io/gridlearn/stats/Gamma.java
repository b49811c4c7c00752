package io.gridlearn.stats;

/**
 * Log-gamma and the helpers the incomplete beta function needs to avoid cancellation.
 *
 * <p>{@link #logGamma} uses the Lanczos approximation (Lanczos 1964, "A precision approximation of the
 * gamma function", SIAM J. Numer. Anal. B 1, 86-96; the same form as Numerical Recipes 3rd ed. section
 * 6.1) with P. Godfrey's 15 coefficients for {@code g = 607/128} (the set Apache Commons Math uses):
 * <pre>
 *   Gamma(x + 1) = sqrt(2 pi) (x + g + 1/2)^(x + 1/2) exp(-(x + g + 1/2)) A_g(x),
 *   A_g(x) = c_0 + sum_{k=1}^{14} c_k / (x + k),
 *   log Gamma(x) = log Gamma(x + 1) - log x,
 * </pre>
 * relative error about {@code 1e-15} in Gamma. For large arguments, where {@code log Gamma} is big and
 * differences of log-gammas would cancel, use {@link #stirlingCorrection} instead.
 * Only {@link StrictMath} is used, so results are identical on every platform.
 */
public final class Gamma {
    /** {@code log(2 pi) / 2}. */
    public static final double HALF_LOG_2_PI = 0.9189385332046727;
    private static final double LANCZOS_G = 607.0 / 128.0;
    private static final double[] LANCZOS = {
        0.99999999999999709182,
        57.156235665862923517,
        -59.597960355475491248,
        14.136097974741747174,
        -0.49191381609762019978,
        .33994649984811888699e-4,
        .46523628927048575665e-4,
        -.98374475304879564677e-4,
        .15808870322491248884e-3,
        -.21026444172410488319e-3,
        .21743961811521264320e-3,
        -.16431810653676389022e-3,
        .84418223983852743293e-4,
        -.26190838401581408670e-4,
        .36899182659531622704e-5,
    };
    /**
     * Stirling-series coefficients {@code B_2k / (2k (2k - 1))}, k = 1..8 (Abramowitz and Stegun 6.1.40).
     */
    private static final double[] STIRLING = {
        1.0 / 12.0, -1.0 / 360.0, 1.0 / 1260.0, -1.0 / 1680.0, 1.0 / 1188.0,
        -691.0 / 360360.0, 1.0 / 156.0, -3617.0 / 122400.0,
    };
    /** Smallest argument for which the truncated Stirling series is accurate to double precision. */
    static final double STIRLING_MIN = 10.0;

    private Gamma() {
    }

    /**
     * The logarithm of the gamma function.
     *
     * @param x the argument
     * @return {@code log Gamma(x)} for {@code x > 0}; NaN otherwise
     */
    public static double logGamma(double x) {
        if (!(x > 0.0)) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        double sum = 0.0;
        for (int k = LANCZOS.length - 1; k > 0; k--) {
            sum += LANCZOS[k] / (x + k);
        }
        sum += LANCZOS[0];
        double t = x + LANCZOS_G + 0.5;
        return (x + 0.5) * StrictMath.log(t) - t + HALF_LOG_2_PI + StrictMath.log(sum / x);
    }

    /**
     * The Stirling remainder {@code delta(x) = log Gamma(x) - [(x - 1/2) log x - x + log(2 pi)/2]}
     * for {@code x >= 10}, by its asymptotic series {@code sum_k B_2k / (2k (2k-1) x^(2k-1))}
     * (eight terms: the next is below {@code 1e-18} at {@code x = 10}).
     *
     * @param x the argument, {@code >= 10}
     * @return {@code delta(x)}
     * @throws IllegalArgumentException if {@code x < 10} or NaN
     */
    public static double stirlingCorrection(double x) {
        if (!(x >= STIRLING_MIN)) {
            throw new IllegalArgumentException("stirlingCorrection needs x >= " + STIRLING_MIN + ", got " + x);
        }
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        double sum = 0.0;
        for (int k = STIRLING.length - 1; k >= 0; k--) {
            sum = sum * inv2 + STIRLING[k];
        }
        return sum * inv;
    }

    /**
     * {@code log(1 + e) - e} for {@code e > -1}, accurate also when {@code e} is tiny.
     *
     * @param e the argument, {@code > -1}
     * @return {@code log(1 + e) - e}
     */
    public static double log1pmx(double e) {
        if (Math.abs(e) < 0.125) {
            // -e^2/2 + e^3/3 - e^4/4 + ...; |e| < 1/8 needs at most ~17 terms
            double term = e * e;
            double sum = 0.0;
            for (int k = 2; k < 60; k++) {
                double add = (k % 2 == 0 ? -term : term) / k;
                sum += add;
                if (Math.abs(add) <= 1e-17 * Math.abs(sum)) {
                    break;
                }
                term *= e;
            }
            return sum;
        }
        return StrictMath.log1p(e) - e;
    }
}
