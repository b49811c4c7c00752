package io.gridlearn.linear;

import io.gridlearn.simd.Lanes;
import io.gridlearn.simd.Simd;

import io.gridlearn.BadInputException;

/**
 * Tall-skinny QR (TSQR) building blocks: the R factor of one data block, and the R factor of two stacked
 * R factors.
 *
 * <p>Demmel, Grigori, Hoemmen and Langou (2012), "Communication-optimal parallel and sequential QR and
 * LU factorizations", SIAM J. Sci. Comput. 34(1), A206-A239: if {@code Z = [Z_1; Z_2; ...; Z_m]} is
 * split into row blocks with {@code Z_i = Q_i R_i}, then {@code Z = diag(Q_i) [R_1; ...; R_m]}, and
 * a QR factorisation of the stacked (small) triangles gives the R of {@code Z}. Merging can follow any
 * reduction tree; the result is the same R up to rounding (and exactly the same R for the same tree).
 * R is unique once its diagonal is made non-negative, which is what both methods return, because
 * {@code Z'Z = R'R} is then the Cholesky factorisation of the Gram matrix.
 *
 * <p>Reflections follow LAPACK {@code dgeqr2}: for column {@code j},
 * {@code H_j = I - tau_j v_j v_j'} annihilates the entries below the diagonal, and is applied to the
 * columns to its right as {@code z <- z - tau_j (v_j' z) v_j}. {@link #factor} applies them to the block
 * {@link #CHUNK} rows at a time, each chunk stacked under the R of the rows before it (sequential TSQR, the
 * same paper's "flat tree"). Cost: {@code 2 rows q^2} flops for {@link #factor}, about {@code 2q^3/3} for
 * {@link #merge}. All loops run in a fixed order, so the same
 * input gives bit-identical output; neither method modifies its arguments.
 */
public final class BlockQr {
    private static final Lanes LANES = Simd.lanes();
    /** Rows absorbed per step of {@link #factor}: R and one chunk of 52 columns take about 75 KB. */
    static final int CHUNK = 128;

    private BlockQr() {
    }

    /**
     * R factor of one block.
     *
     * @param colMajor the block, column-major: element (i, j) is {@code colMajor[j * rows + i]}
     * @param rows     number of rows (0 allowed; with fewer rows than columns, the rows of R past the block's rank
     *                 hold only rounding noise)
     * @param q        number of columns, at least 1
     * @return {@code q*q} row-major upper-triangular R with non-negative diagonal, {@code R'R = Z'Z}
     * @throws IllegalArgumentException if the array length is not {@code rows * q}
     * @throws BadInputException        if the block contains NaN or an infinity
     */
    public static double[] factor(double[] colMajor, int rows, int q) {
        if (q < 1 || rows < 0) {
            throw new IllegalArgumentException("need q >= 1 and rows >= 0, got q=" + q + ", rows=" + rows);
        }
        if (colMajor == null || (long) rows * q != colMajor.length) {
            throw new IllegalArgumentException("block length must be rows*q = " + ((long) rows * q)
                    + ", got " + (colMajor == null ? "null" : colMajor.length));
        }
        for (int k = 0; k < colMajor.length; k++) {
            if (!Double.isFinite(colMajor[k])) {
                throw new BadInputException("block value at row " + (k % rows) + ", column " + (k / rows)
                        + " is " + colMajor[k] + "; only finite numbers are allowed");
            }
        }
        double[] r = new double[q * q];
        double[] c = new double[Math.min(CHUNK, rows) * q];
        double[] w = new double[q];
        for (int from = 0; from < rows; from += CHUNK) {
            int m = Math.min(CHUNK, rows - from);
            for (int k = 0; k < q; k++) {
                System.arraycopy(colMajor, k * rows + from, c, k * m, m);
            }
            absorbChunk(r, c, w, q, m);
        }
        makeDiagonalNonNegative(r, q);
        return r;
    }

    /**
     * One step of sequential TSQR inside a block: {@code R <- R of [R; C]} for the {@code m} rows {@code C}
     * (column-major, element (i, k) at {@code c[k m + i]}). Step {@code j} is the Householder reflector of
     * {@code (R_jj; C_0j .. C_(m-1)j)}: the rows of R below the diagonal are zero, so they take no part (the
     * structured update of the TSQR paper), and it is applied to the columns {@code k > j} as
     * <pre>
     *   w_k = R_jk + Σ_i v_i C_ik,   R_jk -= tau w_k,   C_ik -= tau w_k v_i.
     * </pre>
     * The dot products go four columns at a time through {@link Lanes#dot1x4} (sixteen independent lanes of
     * multiply-adds sharing the loads of {@code v}), the updates through {@link Lanes#axpy}; both run on the
     * vector units when the Vector API is present, with the same bits either way. R and a chunk of {@link #CHUNK} rows stay in
     * the second-level cache, where the column-at-a-time form streamed the whole block from memory q times.
     *
     * <p>Every one of the q steps runs, even when fewer than q rows have been absorbed: t rows have rank at most
     * t, but a step past t is not idle when one of the first t columns depends on those before it inside the block
     * (a column that is zero or constant in a short block: common in small blocks of real data), because then a
     * later column still holds the rest of the rows. A step whose column is already zero below R is skipped
     * ({@code tau = 0}).
     */
    private static void absorbChunk(double[] r, double[] c, double[] w, int q, int m) {
        for (int j = 0; j < q; j++) {
            int vj = j * m;
            double tau = Householder.generate(r, j * q + j, c, vj, m, 1);
            if (tau == 0.0) {
                continue;
            }
            int top = j * q;
            int k = j + 1;
            for (; k + 3 < q; k += 4) {
                int c0 = k * m;
                LANES.dot1x4(c, vj, c, c0, c0 + m, c0 + 2 * m, c0 + 3 * m, m, w, k);
            }
            for (; k < q; k++) {
                w[k] = LANES.dot(c, vj, c, k * m, m);
            }
            for (k = j + 1; k < q; k++) {
                double t = tau * (r[top + k] + w[k]);
                r[top + k] -= t;
                LANES.axpy(-t, c, vj, c, k * m, m);
            }
        }
    }

    /**
     * R factor of the stacked {@code 2q x q} matrix {@code [r1; r2]}, exploiting that both are upper
     * triangular (structured Householder, as in the TSQR paper): step {@code j} reflects row
     * {@code j} of the top triangle against rows {@code 0..j} of the bottom one, which keeps the bottom
     * block upper triangular, so the cost is {@code O(q^3)}.
     *
     * @param r1 row-major {@code q*q} upper triangle (entries below the diagonal are ignored)
     * @param r2 row-major {@code q*q} upper triangle (entries below the diagonal are ignored)
     * @param q  the order of both triangles, {@code >= 1}
     * @return row-major R of {@code [r1; r2]} with non-negative diagonal
     */
    public static double[] merge(double[] r1, double[] r2, int q) {
        if (q < 1) {
            throw new IllegalArgumentException("need q >= 1, got " + q);
        }
        if (r1 == null || r2 == null || r1.length != q * q || r2.length != q * q) {
            throw new IllegalArgumentException("both R factors must have length q*q = " + (q * q));
        }
        double[] top = upperTriangle(r1, q);
        double[] bot = upperTriangle(r2, q);
        for (int j = 0; j < q; j++) {
            // vector: (top[j][j]; bot[0..j][j]), stride q in bot
            double tau = generateSplit(top, j * q + j, bot, j, j + 1, q);
            if (tau == 0.0) {
                continue;
            }
            for (int k = j + 1; k < q; k++) {
                double w = top[j * q + k];
                for (int i = 0; i <= j; i++) {
                    w += bot[i * q + j] * bot[i * q + k];
                }
                if (w != 0.0) {
                    double t = tau * w;
                    top[j * q + k] -= t;
                    for (int i = 0; i <= j; i++) {
                        bot[i * q + k] -= t * bot[i * q + j];
                    }
                }
            }
        }
        makeDiagonalNonNegative(top, q);
        return top;
    }

    /** Reflector whose alpha lives in one array and whose tail lives in another (see Householder). */
    private static double generateSplit(double[] top, int alphaIdx, double[] bot, int off, int len, int stride) {
        // Copy into a contiguous scratch vector so that the LAPACK-style generator can be reused.
        double[] v = new double[len + 1];
        v[0] = top[alphaIdx];
        for (int i = 0; i < len; i++) {
            v[i + 1] = bot[off + i * stride];
        }
        double tau = Householder.generate(v, 0, 1, len, 1);
        top[alphaIdx] = v[0];
        for (int i = 0; i < len; i++) {
            bot[off + i * stride] = v[i + 1];
        }
        return tau;
    }

    private static double[] upperTriangle(double[] r, int q) {
        double[] out = new double[q * q];
        for (int i = 0; i < q; i++) {
            for (int k = i; k < q; k++) {
                double v = r[i * q + k];
                if (!Double.isFinite(v)) {
                    throw new BadInputException("R factor entry (" + i + ", " + k + ") is " + v
                            + "; only finite numbers are allowed");
                }
                out[i * q + k] = v;
            }
        }
        return out;
    }

    /** Multiplies every row with a negative diagonal by -1 (a column sign change of Q). */
    private static void makeDiagonalNonNegative(double[] r, int q) {
        for (int i = 0; i < q; i++) {
            if (r[i * q + i] < 0.0) {
                for (int k = i; k < q; k++) {
                    r[i * q + k] = -r[i * q + k];
                }
            }
            if (r[i * q + i] == 0.0) {
                r[i * q + i] = 0.0; // normalise -0.0 for bit-reproducible comparisons
            }
        }
    }
}
