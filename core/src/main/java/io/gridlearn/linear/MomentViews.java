package io.gridlearn.linear;


import io.gridlearn.OptionException;
import io.gridlearn.stats.Dyadic;
import io.gridlearn.stats.MomentMatrix;

import java.util.List;

/** Views of exact moments of z = [x, y] as the solvers' {@link CrossProducts}. */
final class MomentViews {
    private MomentViews() {
    }

    /** Centred cross products (fits with an intercept) or raw ones (without). */
    static CrossProducts crossProducts(MomentMatrix m, boolean intercept) {
        int p = m.dimension() - 1;
        double n = m.weight();
        double[] xMean = new double[p];
        double[] xx = new double[p * p];
        double[] xy = new double[p];
        for (int j = 0; j < p; j++) {
            xMean[j] = m.mean(j);
            for (int k = 0; k <= j; k++) {
                double v = intercept ? m.centred(j, k) : m.raw(j, k);
                xx[j * p + k] = v;
                xx[k * p + j] = v;
            }
            xy[j] = intercept ? m.centred(j, p) : m.raw(j, p);
        }
        double yy = intercept ? m.centred(p, p) : m.raw(p, p);
        return new CrossProducts(n, p, xMean, m.mean(p), xx, xy, yy, intercept);
    }

    /** Population standard deviations of the features; a constant one is an error under standardisation. */
    static double[] featureScales(MomentMatrix m, List<String> features) {
        int p = m.dimension() - 1;
        double[] s = new double[p];
        for (int j = 0; j < p; j++) {
            s[j] = Math.sqrt(m.centred(j, j) / m.weight());
            if (!(s[j] > 0)) {
                throw OptionException.worded("feature '" + features.get(j) + "' is constant; it cannot be standardized "
                        + "(leave it out with {features})");
            }
        }
        return s;
    }

    /** Exact residual sum of squares of ŷ = b0 + x·b over the rows of m. */
    static double rss(MomentMatrix m, double intercept, double[] b) {
        int p = b.length;
        double[] v = new double[p + 1];
        for (int j = 0; j < p; j++) {
            v[j] = -b[j];
        }
        v[p] = 1;
        return m.sumOfSquares(v, -intercept);
    }

    /**
     * The design's Gram matrix {@code X'X} (X = [1?, x_1 … x_p]) as row-major (hi, lo) pairs, each the exact
     * accumulated moment rounded to double-double: {@code n}, {@code Σ x_j}, {@code Σ x_j x_k} (with frequency
     * weights {@code Σw}, {@code Σ w x_j}, {@code Σ w x_j x_k}: X'WX).
     */
    static double[] designGramPairs(MomentMatrix m, boolean intercept) {
        int p = m.dimension() - 1;
        int off = intercept ? 1 : 0;
        int k = p + off;
        double[] g = new double[2 * k * k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                Dyadic v;
                if (a < off) {
                    v = m.weightDyadic();
                } else if (b < off) {
                    v = m.sumDyadic(a - off);
                } else {
                    v = m.crossDyadic(a - off, b - off);
                }
                double hi = v.toDouble();
                double lo = v.add(Dyadic.of(hi).negate()).toDouble();
                g[2 * (a * k + b)] = hi;
                g[2 * (a * k + b) + 1] = lo;
                g[2 * (b * k + a)] = hi;
                g[2 * (b * k + a) + 1] = lo;
            }
        }
        return g;
    }
}
