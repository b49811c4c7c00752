package io.gridlearn.linear;

import io.gridlearn.BadInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Least squares from the final TSQR factor R of {@code Z = [1, x_1..x_p, y]} (with intercept,
 * {@code q = p + 2}) or {@code Z = [x_1..x_p, y]} (without, {@code q = p + 1}).
 *
 * <p>Partition {@code R = [R_X, r_Xy; 0, r_yy]}, with {@code R_X} the leading {@code k x k} block
 * ({@code k = q - 1} parameters). Since {@code Z = Q R}, the least-squares problem
 * {@code min ||y - X b||} becomes {@code min ||r_Xy - R_X b||^2 + r_yy^2}, so
 * <pre>
 *   b   = R_X^-1 r_Xy                (back substitution),
 *   RSS = r_yy^2,
 *   TSS = sum_{i &gt;= 1} R_{i,y}^2     (with intercept: R_{0,y} = sqrt(n) ybar is the mean's part),
 *       = sum_{i &gt;= 0} R_{i,y}^2     (without: the uncentred sum of y^2),
 *   MSS = TSS - RSS = the same sums stopping before row k,
 *   (X'X)^-1 = R_X^-1 R_X^-T,  so  diag((X'X)^-1)_j = ||row j of R_X^-1||^2,
 * </pre>
 * with {@code R_X^-1} from a triangular inverse: {@code R'R} is never formed, so the accuracy is that of
 * Householder QR (Higham 2002, "Accuracy and Stability of Numerical Algorithms", 2nd ed., chapter 20),
 * governed by {@code cond(X)} rather than its square.
 *
 * <p>Rank check: column {@code j} of X is declared collinear with the columns before it (or constant,
 * when there is an intercept) if {@code |R_jj| <= tol ||Z_j||}, where {@code ||Z_j||^2 = sum_{i<=j} R_ij^2}
 * is the column's norm recovered from R; {@code |R_jj| / ||Z_j||} is the sine of the angle between
 * column {@code j} and the span of the earlier ones. Default {@code tol = 1e-13}.
 *
 * <p>The final R is rounded to double, which alone limits the coefficients to about
 * {@code cond(X) * 1e-16} relative accuracy (and the standard errors likewise). {@link #refine} removes that
 * limit using {@link ResidualMoments} accumulated in double-double over a second pass through the data
 * ({@code g = X'(y - X b)}, {@code r'r}, {@code G = X'X}): iterative refinement preconditioned by R
 * (corrected semi-normal equations, Bjorck 1996, "Numerical Methods for Least Squares Problems", SIAM),
 * <pre>
 *   d := d + R_X^-1 R_X^-T (g - G d)  until converged,   b+ = b + d,   RSS(b+) = r'r - 2 d'g + d'G d,
 * </pre>
 * and the same for the columns of {@code G^-1}, whose diagonal gives the standard errors. Each sweep
 * contracts the error by a factor of about {@code ||I - (R'R)^-1 G||}, far below 1 unless X is numerically
 * singular, so the result is the least-squares solution of the stored data to double precision. See
 * {@code Refinement}.
 */
public final class QrLeastSquares {
    /** Default relative tolerance of the rank check. */
    public static final double DEFAULT_RANK_TOLERANCE = 1e-13;

    private QrLeastSquares() {
    }

    /**
     * {@link #solve(double[], double, List, boolean, double)} with the default tolerance.
     *
     * @param r         row-major {@code q x q} upper-triangular R of {@code [1?, X, y]}
     * @param n         number of rows of Z (Σw when the rows were scaled by √w)
     * @param features  names of the p feature columns
     * @param intercept whether Z starts with a ones column
     * @return the solution
     * @throws BadInputException if a column is collinear or there are not more rows than parameters
     */
    public static LeastSquaresSolution solve(double[] r, double n, List<String> features, boolean intercept) {
        return solve(r, n, features, intercept, DEFAULT_RANK_TOLERANCE);
    }

    /**
     * {@code solve(...).report()} with the default tolerance.
     *
     * @param r         row-major {@code q x q} upper-triangular R of {@code [1?, X, y]}
     * @param n         number of rows of Z (Σw when the rows were scaled by √w)
     * @param features  names of the p feature columns
     * @param intercept whether Z starts with a ones column
     * @return the report of the solution
     * @throws BadInputException if a column is collinear or there are not more rows than parameters
     */
    public static OlsReport fit(double[] r, double n, List<String> features, boolean intercept) {
        return solve(r, n, features, intercept).report();
    }

    /**
     * Solves the least-squares problem whose R factor is {@code r}.
     *
     * @param r             row-major {@code q x q} upper-triangular R of {@code [1?, X, y]}
     * @param n             number of rows of Z (Σw when the rows were scaled by √w)
     * @param features      names of the p feature columns
     * @param intercept     whether Z starts with a ones column
     * @param rankTolerance relative tolerance of the rank check, in {@code [0, 1)}
     * @return coefficients and {@code diag((X'X)^-1)} by back substitution; RSS = {@code R[k][k]^2}, MSS and TSS
     *         from the last column of R
     * @throws BadInputException if a column is collinear or there are not more rows than parameters
     */
    public static LeastSquaresSolution solve(double[] r, double n, List<String> features, boolean intercept,
                                             double rankTolerance) {
        int q = features.size() + (intercept ? 2 : 1);
        checkR(r, q);
        if (!(rankTolerance >= 0.0 && rankTolerance < 1.0)) {
            throw new BadInputException("rank tolerance must lie in [0, 1), got " + rankTolerance);
        }
        int k = q - 1;
        if (n <= k) {
            throw new BadInputException("a model with " + k + " parameters needs more than " + k
                    + " rows, got n=" + io.gridlearn.pass.Weights.count(n));
        }
        List<String> bad = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            double norm = Householder.norm2(r, j, j + 1, q); // column j, rows 0..j
            if (!(Math.abs(r[j * q + j]) > rankTolerance * norm)) {
                bad.add(Collinearity.designName(features, intercept, j));
            }
        }
        if (!bad.isEmpty()) {
            throw Collinearity.error(bad, intercept);
        }
        double[] rhs = new double[k];
        for (int i = 0; i < k; i++) {
            rhs[i] = r[i * q + k];
        }
        double[] beta = backSubstitute(r, q, k, rhs);
        double[] var = unscaledVariance(r, q, k);
        int first = intercept ? 1 : 0;
        double ryy = r[k * q + k];
        double mss = sumSquares(r, q, k, first, k);
        double tss = sumSquares(r, q, k, first, k + 1);
        return new LeastSquaresSolution(features, intercept, n, beta, var, ryy * ryy, tss, mss);
    }

    /**
     * One refinement pass (see the class comment): coefficients, RSS and {@code diag((X'X)^-1)} recomputed
     * from the double-double moments of a second pass over the data.
     *
     * @param r        the R factor {@code solution} was computed from
     * @param solution the current solution
     * @param moments  {@link ResidualMoments} of all rows at {@code solution.beta()}, with {@code X'X}
     * @return the refined solution (TSS and MSS kept)
     * @throws IllegalArgumentException if {@code moments} do not match the fit or lack {@code X'X}
     */
    public static LeastSquaresSolution refine(double[] r, LeastSquaresSolution solution, ResidualMoments moments) {
        double[] beta0 = solution.beta();
        int k = beta0.length;
        int q = k + 1;
        checkR(r, q);
        if (moments.parameters() != k) {
            throw new IllegalArgumentException("residual moments have " + moments.parameters()
                    + " parameters, expected " + k);
        }
        if (!moments.hasGram()) {
            throw new IllegalArgumentException("moments without X'X: use refine(r, solution, moments, gramPairs)");
        }
        Refinement ref = Refinement.run(r, q, beta0, moments);
        return new LeastSquaresSolution(solution.features(), solution.intercept(), solution.n(), ref.beta,
                ref.unscaledVariance, ref.rss, solution.tss(), solution.mss());
    }

    /**
     * The light refinement: coefficients and RSS refined from {@link ResidualMoments#residualsOnly} against a
     * Gram matrix {@code gramPairs} the caller already has (row-major (hi, lo) pairs in design order, e.g. from
     * the exact moments of the first pass); {@code diag((X'X)^-1)} refined against the same Gram when
     * {@code refineVariance}, else kept as R gave it. See {@code LinearSolver} for when this is enough.
     *
     * @param r              the R factor {@code solution} was computed from
     * @param solution       the current solution
     * @param moments        {@link ResidualMoments} of all rows at {@code solution.beta()}, with or without
     *                       {@code X'X}
     * @param gramPairs      {@code X'X}, {@code k x k} row-major (hi, lo) pairs in design order: length {@code 2k²}
     * @param refineVariance whether to refine {@code diag((X'X)^-1)} too
     * @return the refined solution (TSS and MSS kept)
     * @throws IllegalArgumentException if the moments or the Gram do not match the fit
     */
    public static LeastSquaresSolution refine(double[] r, LeastSquaresSolution solution, ResidualMoments moments,
                                              double[] gramPairs, boolean refineVariance) {
        double[] beta0 = solution.beta();
        int k = beta0.length;
        checkR(r, k + 1);
        if (moments.rows() < 1 || moments.parameters() != k || gramPairs.length != 2 * k * k) {
            throw new IllegalArgumentException("residual moments or Gram do not match the fit: rows "
                    + moments.rows() + ", parameters " + moments.parameters() + " vs " + k + ", Gram entries "
                    + gramPairs.length);
        }
        Refinement ref = Refinement.run(r, k + 1, beta0, moments, gramPairs,
                refineVariance ? null : solution.unscaledVariance());
        return new LeastSquaresSolution(solution.features(), solution.intercept(), solution.n(), ref.beta,
                ref.unscaledVariance, ref.rss, solution.tss(), solution.mss());
    }

    /**
     * {@link #refine(double[], LeastSquaresSolution, ResidualMoments)} with the moments accumulated here,
     * summed exactly as the grid's refinement pass sums them ({@link ResidualSums}). Each block is column-major {@code [1?, X, y]} with
     * {@code length / q} rows.
     *
     * @param r        the R factor {@code solution} was computed from
     * @param solution the current solution
     * @param blocks   every block of the data, column-major {@code [1?, X, y]}
     * @return the refined solution
     * @throws IllegalArgumentException if there is no block or a block's length is not a multiple of q
     */
    public static LeastSquaresSolution refine(double[] r, LeastSquaresSolution solution, Iterable<double[]> blocks) {
        double[] beta = solution.beta();
        int q = beta.length + 1;
        ResidualSums sums = new ResidualSums();
        for (double[] block : blocks) {
            if (block.length % q != 0) {
                throw new IllegalArgumentException("block length " + block.length + " is not a multiple of q=" + q);
            }
            sums.add(ResidualMoments.of(block, block.length / q, q, beta));
        }
        ResidualMoments total = sums.total();
        if (total == null) {
            throw new IllegalArgumentException("refinement needs at least one block");
        }
        return refine(r, solution, total);
    }

    /** Solves {@code R_X b = rhs} where {@code R_X} is the leading {@code k x k} block of r. */
    static double[] backSubstitute(double[] r, int q, int k, double[] rhs) {
        double[] b = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = rhs[i];
            for (int m = i + 1; m < k; m++) {
                s -= r[i * q + m] * b[m];
            }
            b[i] = s / r[i * q + i];
        }
        return b;
    }

    /** {@code diag(R_X^-1 R_X^-T)}: squared row norms of the triangular inverse. */
    static double[] unscaledVariance(double[] r, int q, int k) {
        double[] inv = new double[k * k]; // row-major upper triangle of R_X^-1
        for (int c = 0; c < k; c++) {
            // column c of R_X^-1 solves R_X x = e_c; x is zero below row c
            inv[c * k + c] = 1.0 / r[c * q + c];
            for (int i = c - 1; i >= 0; i--) {
                double s = 0.0;
                for (int m = i + 1; m <= c; m++) {
                    s += r[i * q + m] * inv[m * k + c];
                }
                inv[i * k + c] = -s / r[i * q + i];
            }
        }
        double[] var = new double[k];
        for (int j = 0; j < k; j++) {
            double norm = Householder.norm2(inv, j * k + j, k - j, 1);
            var[j] = norm * norm;
        }
        return var;
    }

    /** {@code sum_{i=from}^{to-1} R_{i,col}^2}, scaled against overflow. */
    private static double sumSquares(double[] r, int q, int col, int from, int to) {
        if (to <= from) {
            return 0.0;
        }
        double norm = Householder.norm2(r, from * q + col, to - from, q);
        return norm * norm;
    }

    private static void checkR(double[] r, int q) {
        if (r == null || r.length != q * q) {
            throw new IllegalArgumentException("R must be q*q = " + (q * q) + " entries for q = " + q + ", got "
                    + (r == null ? "null" : r.length));
        }
        for (int i = 0; i < q; i++) {
            for (int k = i; k < q; k++) {
                if (!Double.isFinite(r[i * q + k])) {
                    throw new BadInputException("R entry (" + i + ", " + k + ") is " + r[i * q + k]
                            + "; only finite numbers are allowed");
                }
            }
        }
    }
}
