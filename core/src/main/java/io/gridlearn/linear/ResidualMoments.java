package io.gridlearn.linear;

import io.gridlearn.BadInputException;
import io.gridlearn.stats.Dd;

import java.util.Arrays;

/**
 * What one refinement step of {@link QrLeastSquares#refine} needs from a second pass over the data,
 * accumulated in double-double precision: {@code g = X'r}, {@code r'r} with {@code r = y - X beta}, and the
 * Gram matrix {@code G = X'X} (X including the ones column when there is one).
 *
 * <p>Each block is the same column-major {@code [1?, X, y]} block given to {@link BlockQr#factor}. Each
 * residual {@code r_i = y_i - sum_j z_ij beta_j} is formed with exact products ({@code fma}) and
 * compensated sums, so it is accurate to about {@code 2^-106 sum_j |z_ij beta_j|} even when it is tiny
 * compared with the terms; the products {@code z_ij r_i}, {@code z_ij z_ik} and their sums are double-double
 * too (Ogita, Rump and Oishi 2005, {@code Dot2}). This is what lets refinement converge to the exact
 * least-squares solution of the stored data (Bjorck 1996, "Numerical Methods for Least Squares Problems",
 * SIAM, on iterative refinement and corrected semi-normal equations; Higham 2002, "Accuracy and Stability
 * of Numerical Algorithms", 2nd ed., chapter 20). Cost per row: {@code k(k+1)/2 + 2k} double-double
 * multiply-adds for {@code k} parameters. Blocks are summed exactly by {@link ResidualSums}, so the result does
 * not depend on their order. Immutable.
 */
public final class ResidualMoments {
    private final long rows;
    private final int k;
    /** (hi, lo) pairs: {@code k} for X'r, 1 for r'r, then the packed upper triangle of X'X row by row. */
    private final double[] acc;

    private ResidualMoments(long rows, int k, double[] acc) {
        this.rows = rows;
        this.k = k;
        this.acc = acc;
    }

    private static int length(int k) {
        return 2 * k + 2 + k * (k + 1);
    }

    /**
     * The number of words (doubles, two per double-double) of the moments of k parameters.
     *
     * @param k        parameters
     * @param withGram with {@code X'X} ({@link #of}) or without ({@link #residualsOnly})
     * @return {@code toDoubles().length − 2}
     */
    static int words(int k, boolean withGram) {
        return withGram ? length(k) : 2 * k + 2;
    }

    /**
     * Moments of one block.
     *
     * @param colMajor block {@code [1?, X, y]}, column-major, {@code rows x q}
     * @param rows     rows in the block
     * @param q        columns, {@code beta.length + 1}
     * @param beta     coefficients in design order (intercept first when the block has a ones column)
     * @return {@code X'r}, {@code r'r} and {@code X'X} of the block, in double-double
     * @throws io.gridlearn.BadInputException if a block value is not finite
     */
    public static ResidualMoments of(double[] colMajor, int rows, int q, double[] beta) {
        check(colMajor, rows, q, beta);
        int k = q - 1;
        double[] acc = new double[length(k)];
        int rr = 2 * k;
        int gram = 2 * k + 2;
        for (int i = 0; i < rows; i++) {
            double rh = colMajor[k * rows + i];
            double rl = 0.0;
            for (int j = 0; j < k; j++) {
                double z = colMajor[j * rows + i];
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
            int at = gram;
            for (int j = 0; j < k; j++) {
                double zj = colMajor[j * rows + i];
                Dd.addProductSloppy(acc, 2 * j, zj, rh, rl);
                for (int m = j; m < k; m++) {
                    double zm = colMajor[m * rows + i];
                    double p = zj * zm;
                    Dd.addSloppy(acc, at, p, Math.fma(zj, zm, -p));
                    at += 2;
                }
            }
            Dd.addProductSloppy(acc, rr, rh, rl, rh, rl);
        }
        return new ResidualMoments(rows, k, acc);
    }

    /**
     * The light form: only {@code X'r} and {@code r'r}, without {@code X'X}, for refinement against a Gram
     * matrix the caller already has. The residuals are the same double-double numbers as in {@link #of}
     * (computed column by column over the rows, the same operations per row); the sums over rows run in four
     * interleaved lanes (rows {@code i mod 4}), added as {@code (l0 + l1) + (l2 + l3)}, then the last rows, so
     * the cost per row is {@code 2k + 1} double-double multiply-adds spread over independent chains.
     *
     * @param colMajor block {@code [1?, X, y]}, column-major, {@code rows x q}
     * @param rows     rows in the block
     * @param q        columns, {@code beta.length + 1}
     * @param beta     coefficients in design order
     * @return {@code X'r} and {@code r'r} of the block, in double-double ({@link #hasGram()} false)
     * @throws io.gridlearn.BadInputException if a block value is not finite
     */
    public static ResidualMoments residualsOnly(double[] colMajor, int rows, int q, double[] beta) {
        check(colMajor, rows, q, beta);
        int k = q - 1;
        double[] rh = Arrays.copyOfRange(colMajor, k * rows, k * rows + rows);
        double[] rl = new double[rows];
        for (int j = 0; j < k; j++) {
            double b = beta[j];
            int col = j * rows;
            for (int i = 0; i < rows; i++) {
                double z = colMajor[col + i];
                double p = z * b;
                double pe = Math.fma(z, b, -p);
                double h = rh[i];
                double sum = h - p;
                double bb = sum - h;
                double e = (h - (sum - bb)) + (-p - bb);
                e += rl[i] - pe;
                double nh = sum + e;
                rl[i] = e - (nh - sum);
                rh[i] = nh;
            }
        }
        double[] acc = new double[2 * k + 2];
        double[] lanes = new double[8];
        int m4 = rows & ~3;
        for (int j = 0; j <= k; j++) {
            Arrays.fill(lanes, 0.0);
            int col = j * rows;
            for (int i = 0; i < m4; i += 4) {
                for (int l = 0; l < 4; l++) {
                    if (j < k) {
                        Dd.addProductSloppy(lanes, 2 * l, colMajor[col + i + l], rh[i + l], rl[i + l]);
                    } else {
                        Dd.addProductSloppy(lanes, 2 * l, rh[i + l], rl[i + l], rh[i + l], rl[i + l]);
                    }
                }
            }
            Dd.addSloppy(lanes, 0, lanes[2], lanes[3]);
            Dd.addSloppy(lanes, 4, lanes[6], lanes[7]);
            Dd.addSloppy(lanes, 0, lanes[4], lanes[5]);
            for (int i = m4; i < rows; i++) {
                if (j < k) {
                    Dd.addProductSloppy(lanes, 0, colMajor[col + i], rh[i], rl[i]);
                } else {
                    Dd.addProductSloppy(lanes, 0, rh[i], rl[i], rh[i], rl[i]);
                }
            }
            acc[2 * j] = lanes[0];
            acc[2 * j + 1] = lanes[1];
        }
        return new ResidualMoments(rows, k, acc);
    }

    private static void check(double[] colMajor, int rows, int q, double[] beta) {
        if (beta == null || q != beta.length + 1 || q < 2) {
            throw new IllegalArgumentException("need q = beta.length + 1 >= 2, got q=" + q + ", beta length "
                    + (beta == null ? "null" : beta.length));
        }
        if (rows < 0 || colMajor == null || (long) rows * q != colMajor.length) {
            throw new IllegalArgumentException("block length must be rows*q = " + ((long) rows * q));
        }
        for (int t = 0; t < colMajor.length; t++) {
            if (!Double.isFinite(colMajor[t])) {
                throw new BadInputException("block value at row " + (t % rows) + ", column " + (t / rows) + " is "
                        + colMajor[t] + "; only finite numbers are allowed");
            }
        }
    }

    /**
     * True when {@code X'X} was accumulated too ({@link #of}), false for {@link #residualsOnly}.
     *
     * @return whether {@code X'X} is held
     */
    public boolean hasGram() {
        return acc.length == length(k);
    }

    /**
     * Rows accumulated.
     *
     * @return the row count
     */
    public long rows() {
        return rows;
    }

    /**
     * Number of parameters k.
     *
     * @return k, the columns of X (ones column included)
     */
    public int parameters() {
        return k;
    }

    /**
     * {@code X'r} rounded to double, design order.
     *
     * @return a new array of length k
     */
    public double[] xtr() {
        return Dd.values(Arrays.copyOf(acc, 2 * k));
    }

    /**
     * {@code r'r} rounded to double.
     *
     * @return the residual sum of squares at the moments' {@code beta}
     */
    public double rss() {
        return Dd.value(acc, 2 * k);
    }

    /** {@code X'r} as (hi, lo) pairs. */
    double[] xtrPairs() {
        return Arrays.copyOf(acc, 2 * k);
    }

    /** {@code r'r} as a (hi, lo) pair. */
    double[] rssPair() {
        return Arrays.copyOfRange(acc, 2 * k, 2 * k + 2);
    }

    /** The full symmetric {@code X'X} as row-major (hi, lo) pairs: element (i, j) at {@code 2(i k + j)}. */
    double[] gramPairs() {
        if (!hasGram()) {
            throw new IllegalStateException("these moments were accumulated without X'X");
        }
        double[] g = new double[2 * k * k];
        int at = 2 * k + 2;
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                g[2 * (i * k + j)] = acc[at];
                g[2 * (i * k + j) + 1] = acc[at + 1];
                g[2 * (j * k + i)] = acc[at];
                g[2 * (j * k + i) + 1] = acc[at + 1];
                at += 2;
            }
        }
        return g;
    }

    /**
     * Serialises to plain doubles: {@code [rows, k, then the (hi, lo) pairs]}.
     *
     * @return a new array: 2 + 2(k + 1 + k(k+1)/2) doubles with the Gram, 2 + 2(k + 1) without
     */
    public double[] toDoubles() {
        double[] out = new double[acc.length + 2];
        out[0] = rows;
        out[1] = k;
        System.arraycopy(acc, 0, out, 2, acc.length);
        return out;
    }

    /**
     * Inverse of {@link #toDoubles()}.
     *
     * @param data what {@link #toDoubles()} returned
     * @return the moments
     * @throws IllegalArgumentException if {@code data} is not such an array
     */
    public static ResidualMoments fromDoubles(double[] data) {
        if (data == null || data.length < 2 || data[1] < 1 || data[1] != Math.rint(data[1])
                || (data.length != 2 + length((int) data[1]) && data.length != 2 + 2 * (int) data[1] + 2)) {
            throw new IllegalArgumentException("not a serialised ResidualMoments array");
        }
        return new ResidualMoments((long) data[0], (int) data[1], Arrays.copyOfRange(data, 2, data.length));
    }
}
