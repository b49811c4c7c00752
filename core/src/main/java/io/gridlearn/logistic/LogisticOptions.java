package io.gridlearn.logistic;

import io.gridlearn.BadInputException;
import io.gridlearn.pass.Missing;

/**
 * Options of {@link LogisticTrainer} and {@link SoftmaxTrainer}. The objective (CONTRACT) is
 * <pre>
 *   (1/n) Σ_i logloss(y_i, b0 + x_i·b) + lambda [ (1-alpha)/2 ||b||² + alpha ||b||_1 ],
 * </pre>
 * intercept unpenalised. scikit-learn's {@code C} ({@code C Σ logloss + ½||w||²}) is {@code lambda = 1/(C n)},
 * {@code alpha = 0}.
 *
 * @param lambda      penalty strength, finite and {@code >= 0}; 0 is maximum likelihood
 * @param alpha       elastic-net mixing in {@code [0, 1]}: 0 ridge (L2), 1 lasso (L1)
 * @param standardize penalise the coefficients of z-scored features (population std); results are always
 *                    reported on the original feature scale
 * @param intercept   fit an unpenalised intercept
 * @param solver      {@code newton} (IRLS; L1 by coordinate descent on the quadratic model) or {@code lbfgs}
 *                    (L2 or no penalty; gradient passes, about one per iteration, after one Hessian pass at
 *                    θ = 0 for its preconditioner when the model has at most 512 parameters)
 * @param maxIter     maximum number of iterations, {@code >= 1}
 * @param tol         convergence tolerance {@code > 0} on the largest optimality violation of the mean
 *                    objective in working (standardized) units; a relative objective change below {@code tol²}
 *                    also counts (the objective is quadratic near the optimum, so that is a parameter change
 *                    of order {@code tol})
 * @param missing     {@code error} (default): refuse rows with a non-finite feature; {@code skip}: leave them out
 *                    of every pass ({@link io.gridlearn.pass.Missing}); a non-finite target is refused under both
 */
public record LogisticOptions(double lambda, double alpha, boolean standardize, boolean intercept, String solver,
                              int maxIter, double tol, String missing) {
    /** The Newton solver's name: {@value}. */
    public static final String NEWTON = "newton";
    /** The L-BFGS solver's name: {@value}. */
    public static final String LBFGS = "lbfgs";
    /** Iterations at most unless set: {@value}. */
    public static final int DEFAULT_MAX_ITER = 100;
    /** The tolerance unless set: {@value}. */
    public static final double DEFAULT_TOL = 1e-10;

    /**
     * Checks the options, and that {@code lbfgs} is not asked for an L1 penalty.
     *
     * @param lambda      penalty strength, finite and ≥ 0
     * @param alpha       elastic-net mixing in [0, 1]
     * @param standardize penalise the coefficients of z-scored features
     * @param intercept   fit an unpenalised intercept
     * @param solver      {@link #NEWTON} or {@link #LBFGS}
     * @param maxIter     maximum number of iterations, ≥ 1
     * @param tol         convergence tolerance, finite and &gt; 0
     * @param missing     {@code error} or {@code skip}
     */
    public LogisticOptions {
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new BadInputException("lambda must be a finite number >= 0 (0 = no penalty), got " + lambda);
        }
        if (!(alpha >= 0.0 && alpha <= 1.0)) {
            throw new BadInputException("alpha must lie in [0, 1] (0 = ridge/L2, 1 = lasso/L1), got " + alpha);
        }
        if (!NEWTON.equals(solver) && !LBFGS.equals(solver)) {
            throw new BadInputException("solver must be \"newton\" or \"lbfgs\", got " + solver);
        }
        if (LBFGS.equals(solver) && lambda > 0.0 && alpha > 0.0) {
            throw new BadInputException("solver lbfgs handles only an L2 penalty or none (alpha = 0 or lambda = 0),"
                    + " got alpha " + alpha + "; use solver newton for L1 / elastic net");
        }
        if (maxIter < 1) {
            throw new BadInputException("maxIter must be >= 1, got " + maxIter);
        }
        if (!(tol > 0.0) || Double.isInfinite(tol)) {
            throw new BadInputException("tol must be a finite number > 0, got " + tol);
        }
        Missing.checkIterative(missing);
    }

    /**
     * With {@code --missing error}.
     *
     * @param lambda      penalty strength, finite and ≥ 0
     * @param alpha       elastic-net mixing in [0, 1]
     * @param standardize penalise the coefficients of z-scored features
     * @param intercept   fit an unpenalised intercept
     * @param solver      {@link #NEWTON} or {@link #LBFGS}
     * @param maxIter     maximum number of iterations, ≥ 1
     * @param tol         convergence tolerance, finite and &gt; 0
     */
    public LogisticOptions(double lambda, double alpha, boolean standardize, boolean intercept, String solver,
                           int maxIter, double tol) {
        this(lambda, alpha, standardize, intercept, solver, maxIter, tol, Missing.ERROR);
    }

    /**
     * Whether rows with a missing feature are left out.
     *
     * @return true for {@code skip}
     */
    public boolean skipMissing() {
        return Missing.SKIP.equals(missing);
    }

    /**
     * The same options with another missing-value rule.
     *
     * @param newMissing {@code error} or {@code skip}
     * @return the new options
     */
    public LogisticOptions withMissing(String newMissing) {
        return new LogisticOptions(lambda, alpha, standardize, intercept, solver, maxIter, tol, newMissing);
    }

    /**
     * Maximum likelihood, standardized, with intercept, Newton, default limits.
     *
     * @return the options
     */
    public static LogisticOptions defaults() {
        return new LogisticOptions(0.0, 0.0, true, true, NEWTON, DEFAULT_MAX_ITER, DEFAULT_TOL);
    }

    /**
     * The same options with another penalty.
     *
     * @param newLambda penalty strength, finite and ≥ 0
     * @param newAlpha  elastic-net mixing in [0, 1]
     * @return the new options
     */
    public LogisticOptions withPenalty(double newLambda, double newAlpha) {
        return new LogisticOptions(newLambda, newAlpha, standardize, intercept, solver, maxIter, tol, missing);
    }

    /**
     * The same options with standardisation on or off.
     *
     * @param on true to penalise the coefficients of z-scored features
     * @return the new options
     */
    public LogisticOptions withStandardize(boolean on) {
        return new LogisticOptions(lambda, alpha, on, intercept, solver, maxIter, tol, missing);
    }

    /**
     * The same options with another solver.
     *
     * @param newSolver {@link #NEWTON} or {@link #LBFGS}
     * @return the new options
     */
    public LogisticOptions withSolver(String newSolver) {
        return new LogisticOptions(lambda, alpha, standardize, intercept, newSolver, maxIter, tol, missing);
    }

    /**
     * The same options with other limits.
     *
     * @param newMaxIter maximum number of iterations, ≥ 1
     * @param newTol     convergence tolerance, finite and &gt; 0
     * @return the new options
     */
    public LogisticOptions withLimits(int newMaxIter, double newTol) {
        return new LogisticOptions(lambda, alpha, standardize, intercept, solver, newMaxIter, newTol, missing);
    }

    /**
     * True when the fit is maximum likelihood (the MLE may not exist: separation is checked).
     *
     * @return true when λ = 0
     */
    public boolean unpenalised() {
        return lambda == 0.0;
    }
}
