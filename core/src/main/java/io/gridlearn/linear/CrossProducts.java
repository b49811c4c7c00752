package io.gridlearn.linear;

import io.gridlearn.BadInputException;

/**
 * Sufficient statistics of a linear model, as the grid delivers them (already correctly rounded).
 *
 * <p>When {@code centred} is true (a fit with intercept):
 * {@code xx = sum (x - xbar)(x - xbar)'}, {@code xy = sum (x - xbar)(y - ybar)}, {@code yy = sum (y - ybar)^2}.
 * When false (a fit without intercept) they are the raw {@code sum x x'}, {@code sum x y} and
 * {@code sum y^2}. The means are given in both cases.
 *
 * @param n       number of rows, at least 1 (Σw, which may be fractional, with frequency weights)
 * @param p       number of features, at least 1
 * @param xMean   feature means, length p
 * @param yMean   mean of y
 * @param xx      {@code p x p} row-major symmetric cross-product matrix
 * @param xy      length-p cross products with y
 * @param yy      sum of squares of y
 * @param centred whether the sums are about the means
 */
public record CrossProducts(double n, int p, double[] xMean, double yMean, double[] xx, double[] xy, double yy,
                            boolean centred) {
    /**
     * Checks the shapes, symmetry and finiteness, and copies the arrays.
     *
     * @param n       number of rows (Σw with frequency weights), &gt; 0
     * @param p       number of features, ≥ 1
     * @param xMean   feature means, length p (copied)
     * @param yMean   mean of y
     * @param xx      {@code p x p} row-major, symmetric, with a non-negative diagonal (copied)
     * @param xy      length p (copied)
     * @param yy      sum of squares of y, ≥ 0
     * @param centred whether the sums are about the means
     * @throws io.gridlearn.BadInputException if {@code n} is not positive or a value is not finite
     * @throws IllegalArgumentException if a length is wrong, {@code xx} is not symmetric or a sum of squares is
     *                                  negative
     */
    public CrossProducts {
        if (!(n > 0)) {
            throw new BadInputException("cross products need at least one row, got n=" + io.gridlearn.pass.Weights.count(n));
        }
        if (p < 1) {
            throw new IllegalArgumentException("need at least one feature, got p=" + p);
        }
        if (xMean == null || xMean.length != p) {
            throw new IllegalArgumentException("xMean must have p=" + p + " entries");
        }
        if (xy == null || xy.length != p) {
            throw new IllegalArgumentException("xy must have p=" + p + " entries");
        }
        if (xx == null || xx.length != (long) p * p) {
            throw new IllegalArgumentException("xx must have p*p=" + ((long) p * p) + " entries (row-major)");
        }
        xMean = xMean.clone();
        xx = xx.clone();
        xy = xy.clone();
        for (int j = 0; j < p; j++) {
            finite("xMean[" + j + "]", xMean[j]);
            finite("xy[" + j + "]", xy[j]);
            for (int k = 0; k < p; k++) {
                finite("xx[" + j + "][" + k + "]", xx[j * p + k]);
                if (xx[j * p + k] != xx[k * p + j]) {
                    throw new IllegalArgumentException("xx must be symmetric, but xx[" + j + "][" + k + "]="
                            + xx[j * p + k] + " differs from xx[" + k + "][" + j + "]=" + xx[k * p + j]);
                }
            }
            if (xx[j * p + j] < 0) {
                throw new IllegalArgumentException("xx diagonal must be >= 0, xx[" + j + "][" + j + "]=" + xx[j * p + j]);
            }
        }
        finite("yMean", yMean);
        finite("yy", yy);
        if (yy < 0) {
            throw new IllegalArgumentException("yy must be >= 0, got " + yy);
        }
    }

    private static void finite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new BadInputException(what + " is " + v + "; the data must contain only finite numbers");
        }
    }

    /**
     * The feature means.
     *
     * @return a copy of the feature means, length p
     */
    @Override
    public double[] xMean() {
        return xMean.clone();
    }

    /**
     * The cross products of the features.
     *
     * @return a copy of the {@code p x p} row-major cross-product matrix
     */
    @Override
    public double[] xx() {
        return xx.clone();
    }

    /**
     * The cross products of the features with y.
     *
     * @return a copy of the length-p cross products with y
     */
    @Override
    public double[] xy() {
        return xy.clone();
    }

    /** Element {@code (j, k)} of xx without copying. */
    double xxAt(int j, int k) {
        return xx[j * p + k];
    }

    /** Element {@code j} of xy without copying. */
    double xyAt(int j) {
        return xy[j];
    }

    /** Element {@code j} of xMean without copying. */
    double xMeanAt(int j) {
        return xMean[j];
    }
}
