package io.gridlearn.linear;

import io.gridlearn.BadInputException;

import java.util.Arrays;

/**
 * Residual moments of a fitted linear model, accumulated in double-double precision over data blocks:
 * {@code g = X'r} and {@code r'r} with {@code r = y - X beta}. They feed one step of iterative refinement
 * (corrected semi-normal equations) in {@link QrLeastSquares#refine}.
 *
 * <p>Each block is the same column-major {@code [1?, X, y]} block given to {@link BlockQr#factor}. Each
 * residual {@code r_i = y_i - sum_j z_ij beta_j} is formed with exact products ({@code fma}) and
 * compensated sums, so it is accurate to about {@code 2^-106 sum_j |z_ij beta_j|} even when it is tiny
 * compared with the terms; the products {@code z_ij r_i} and their sums are double-double too
 * (Ogita, Rump and Oishi 2005, {@code Dot2}). This is what makes refinement converge to the exact
 * least-squares solution of the stored data (Bjorck 1996, "Numerical Methods for Least Squares Problems",
 * SIAM, on iterative refinement and corrected semi-normal equations; Higham 2002, "Accuracy and Stability of Numerical
 * Algorithms", 2nd ed., chapter 20). Blocks are combined by {@link #plus} in the caller's fixed order, so
 * the result is deterministic. Immutable.
 */
public final class ResidualMoments {
    private final long rows;
    private final int params;
    /** (hi, lo) pairs: {@code 2*params} for X'r, then 2 for r'r. */
    private final double[] acc;

    private ResidualMoments(long rows, int params, double[] acc) {
        this.rows = rows;
        this.params = params;
        this.acc = acc;
    }

    /**
     * Moments of one block.
     *
     * @param colMajor block {@code [1?, X, y]}, column-major, {@code rows x q}
     * @param rows     rows in the block
     * @param q        columns, {@code beta.length + 1}
     * @param beta     coefficients in design order (intercept first when the block has a ones column)
     */
    public static ResidualMoments of(double[] colMajor, int rows, int q, double[] beta) {
        if (beta == null || q != beta.length + 1 || q < 2) {
            throw new IllegalArgumentException("need q = beta.length + 1 >= 2, got q=" + q + ", beta length "
                    + (beta == null ? "null" : beta.length));
        }
        if (rows < 0 || colMajor == null || (long) rows * q != colMajor.length) {
            throw new IllegalArgumentException("block length must be rows*q = " + ((long) rows * q));
        }
        int k = q - 1;
        double[] acc = new double[2 * k + 2];
        for (int i = 0; i < rows; i++) {
            double y = colMajor[k * rows + i];
            if (!Double.isFinite(y)) {
                throw new BadInputException("block value at row " + i + ", column " + k + " is " + y
                        + "; only finite numbers are allowed");
            }
            double rh = y;
            double rl = 0.0;
            for (int j = 0; j < k; j++) {
                double z = colMajor[j * rows + i];
                if (!Double.isFinite(z)) {
                    throw new BadInputException("block value at row " + i + ", column " + j + " is " + z
                            + "; only finite numbers are allowed");
                }
                double p = z * beta[j];
                double pe = Math.fma(z, beta[j], -p);
                // (rh, rl) -= (p, pe)
                double s = rh - p;
                double bb = s - rh;
                double e = (rh - (s - bb)) + (-p - bb);
                e += rl - pe;
                rh = s + e;
                rl = e - (rh - s);
            }
            for (int j = 0; j < k; j++) {
                DoubleDouble.addProduct(acc, 2 * j, colMajor[j * rows + i], rh, rl);
            }
            double sq = rh * rh;
            double sqe = Math.fma(rh, rh, -sq) + 2.0 * rh * rl;
            DoubleDouble.add(acc, 2 * k, sq, sqe);
        }
        return new ResidualMoments(rows, k, acc);
    }

    /** Sum of the moments of two disjoint sets of rows (computed with the same beta). */
    public ResidualMoments plus(ResidualMoments other) {
        if (other.params != params) {
            throw new IllegalArgumentException("parameter counts differ: " + params + " vs " + other.params);
        }
        double[] sum = acc.clone();
        for (int i = 0; i < sum.length; i += 2) {
            DoubleDouble.add(sum, i, other.acc[i], other.acc[i + 1]);
        }
        return new ResidualMoments(rows + other.rows, params, sum);
    }

    /** Rows accumulated. */
    public long rows() {
        return rows;
    }

    /** {@code X'r} rounded to double, design order. */
    public double[] xtr() {
        double[] g = new double[params];
        for (int j = 0; j < params; j++) {
            g[j] = DoubleDouble.value(acc, 2 * j);
        }
        return g;
    }

    /** {@code r'r} rounded to double. */
    public double rss() {
        return DoubleDouble.value(acc, 2 * params);
    }

    /** Serialises to plain doubles: {@code [rows, (hi, lo) of X'r..., (hi, lo) of r'r]}. */
    public double[] toDoubles() {
        double[] out = new double[acc.length + 1];
        out[0] = rows;
        System.arraycopy(acc, 0, out, 1, acc.length);
        return out;
    }

    /** Inverse of {@link #toDoubles()}. */
    public static ResidualMoments fromDoubles(double[] data) {
        if (data == null || data.length < 3 || data.length % 2 != 1) {
            throw new IllegalArgumentException("expected [rows, 2*(params+1) doubles], got length "
                    + (data == null ? "null" : data.length));
        }
        return new ResidualMoments((long) data[0], (data.length - 3) / 2, Arrays.copyOfRange(data, 1, data.length));
    }
}
