package io.gridlearn.linear;

import io.gridlearn.BadInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * OLS and ridge regression from {@link CrossProducts} by an LDL' (square-root-free Cholesky)
 * factorisation.
 *
 * <p>With centred cross products {@code C = sum (x - xbar)(x - xbar)'}, {@code c = sum (x - xbar)(y - ybar)}
 * the intercept model {@code y = b0 + x'b} has normal equations {@code C b = c}, {@code b0 = ybar - xbar'b};
 * without intercept C and c are the raw sums and there is no b0. Ridge minimises
 * <pre>
 *   (1/(2n)) sum (y - b0 - x'b)^2 + (lambda/2) ||b||^2   =>   (C + n lambda I) b = c,
 * </pre>
 * with b0 unpenalised. With {@code standardize} the penalty applies to {@code btilde_j = b_j s_j},
 * {@code s_j = sqrt(C_jj/n)}: {@code (S^-1 C S^-1 + n lambda I) btilde = S^-1 c}, then {@code b = S^-1 btilde}.
 *
 * <p>OLS statistics: {@code (X'X)^-1} for the coefficients is {@code C^-1}, and for the intercept
 * {@code Var(b0)/sigma^2 = 1/n + xbar' C^-1 xbar}. The model sum of squares is {@code c' C^-1 c}, computed as
 * {@code sum_j u_j^2/d_j} (no cancellation), and {@code RSS = yy - c'C^-1 c}. The normal equations square
 * the condition number, so accuracy is about {@code cond(X)^2 * 1e-16}; use {@link QrLeastSquares} for
 * ill-conditioned designs.
 *
 * <p>Rank check: on the equilibrated matrix each pivot is {@code d_j = 1 - R_j^2} (R_j^2: squared multiple
 * correlation of column j with the earlier columns). {@code d_j <= tol} (default {@code 1e-12}: forming C squares the
 * condition number, so smaller pivots are dominated by rounding and cannot be told from zero) or {@code C_jj = 0}
 * (a constant column with intercept, an all-zero one without) raises {@link BadInputException} naming the
 * column(s).
 */
public final class NormalEquations {
    /** Default pivot tolerance of the rank check on the equilibrated cross products. */
    public static final double DEFAULT_RANK_TOLERANCE = 1e-12;

    private NormalEquations() {
    }

    /**
     * {@link #ols(CrossProducts, List, double)} with the default tolerance.
     *
     * @param cp       the sufficient statistics; centred for a fit with intercept
     * @param features one name per feature of {@code cp}
     * @return the solution
     * @throws BadInputException if a column is collinear/constant or there are too few rows
     */
    public static LeastSquaresSolution ols(CrossProducts cp, List<String> features) {
        return ols(cp, features, DEFAULT_RANK_TOLERANCE);
    }

    /**
     * Ordinary least squares; the intercept is present exactly when {@code cp.centred()}.
     *
     * @param cp            the sufficient statistics
     * @param features      one name per feature of {@code cp}
     * @param rankTolerance pivot tolerance of the rank check, in {@code [0, 1)}
     * @return the solution: coefficients, {@code diag((X'X)^-1)}, RSS, TSS = {@code cp.yy()} and MSS
     * @throws BadInputException if a column is collinear/constant or there are too few rows
     */
    public static LeastSquaresSolution ols(CrossProducts cp, List<String> features, double rankTolerance) {
        checkNames(cp, features);
        if (!(rankTolerance >= 0.0 && rankTolerance < 1.0)) {
            throw new BadInputException("rank tolerance must lie in [0, 1), got " + rankTolerance);
        }
        int p = cp.p();
        boolean icpt = cp.centred();
        int k = p + (icpt ? 1 : 0);
        if (cp.n() <= k) {
            throw new BadInputException("a model with " + k + " parameters needs more than " + k
                    + " rows, got n=" + io.gridlearn.pass.Weights.count(cp.n()));
        }
        Ldlt f = factorOrThrow(cp.xx(), p, rankTolerance, features, icpt);
        double[] c = cp.xy();
        double[] b = f.solve(c);
        double[] var = f.inverseDiagonal();
        double mss = f.quadraticForm(c);
        double rss = Math.max(0.0, cp.yy() - mss);
        double[] beta = new double[k];
        double[] v = new double[k];
        int off = icpt ? 1 : 0;
        System.arraycopy(b, 0, beta, off, p);
        System.arraycopy(var, 0, v, off, p);
        if (icpt) {
            double b0 = cp.yMean();
            for (int j = 0; j < p; j++) {
                b0 -= cp.xMeanAt(j) * b[j];
            }
            beta[0] = b0;
            v[0] = 1.0 / cp.n() + f.quadraticForm(cp.xMean());
        }
        return new LeastSquaresSolution(features, icpt, cp.n(), beta, v, rss, cp.yy(), mss);
    }

    /**
     * Ridge regression (see the class comment). {@code lambda = 0} is OLS (and then needs full rank).
     *
     * @param cp       the sufficient statistics; centred for a fit with intercept
     * @param features one name per feature of {@code cp}
     * @param options  lambda, standardization and the rank tolerance
     * @return the coefficients on the original and the working scale
     * @throws BadInputException for a constant column under standardize, or a singular system
     */
    public static RidgeFit ridge(CrossProducts cp, List<String> features, RidgeOptions options) {
        checkNames(cp, features);
        WorkingProblem w = WorkingProblem.of(cp, options.standardize(), features);
        int p = cp.p();
        double[] m = w.a.clone();
        double shift = cp.n() * options.lambda();
        for (int j = 0; j < p; j++) {
            m[j * p + j] += shift;
        }
        Ldlt f = factorOrThrow(m, p, options.rankTolerance(), features, cp.centred());
        double[] bt = f.solve(w.c);
        double[] b = w.toOriginal(bt);
        return new RidgeFit(features, options.lambda(), options.standardize(), cp.centred(), w.intercept(b), b, bt);
    }

    private static Ldlt factorOrThrow(double[] m, int p, double tol, List<String> features, boolean icpt) {
        Ldlt f = Ldlt.factor(m, p, tol);
        if (f.dependent.length > 0) {
            List<String> names = new ArrayList<>();
            for (int j : f.dependent) {
                names.add(features.get(j));
            }
            throw Collinearity.error(names, icpt);
        }
        return f;
    }

    private static void checkNames(CrossProducts cp, List<String> features) {
        if (features == null || features.size() != cp.p()) {
            throw new IllegalArgumentException("need " + cp.p() + " feature names, got "
                    + (features == null ? "null" : features.size()));
        }
    }
}
