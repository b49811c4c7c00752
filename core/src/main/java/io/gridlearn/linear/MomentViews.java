package io.gridlearn.linear;

import io.gridlearn.BadInputException;
import io.gridlearn.stats.MomentMatrix;

import java.util.List;

/** Views of exact moments of z = [x, y] as the solvers' {@link CrossProducts}. */
final class MomentViews {
    private MomentViews() {
    }

    /** Centred cross products (fits with an intercept) or raw ones (without). */
    static CrossProducts crossProducts(MomentMatrix m, boolean intercept) {
        int p = m.dimension() - 1;
        long n = m.count();
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
            s[j] = Math.sqrt(m.centred(j, j) / m.count());
            if (!(s[j] > 0)) {
                throw new BadInputException("feature '" + features.get(j) + "' is constant; it cannot be standardized "
                        + "(leave it out with --features)");
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
}
