package io.gridlearn;

import io.gridlearn.logistic.LogisticOptions;
import io.gridlearn.logistic.LogisticSpec;

import java.util.List;
import java.util.Locale;

/**
 * Binary logistic regression of a 0/1 target. For n rows it minimises
 * <pre>
 *   (1/n) Σᵢ logloss(yᵢ, b₀ + xᵢ·b)  +  λ [ (1−α)/2 ‖b‖²  +  α ‖b‖₁ ],   logloss(y, η) = log(1 + e^η) − yη,
 * </pre>
 * the intercept unpenalised (scikit-learn's {@code C} is λ = 1/(C·n), α = 0). Newton/IRLS takes one pass over
 * the data per iteration (gradient and Hessian from exact sums); L1 is handled by coordinate descent on the
 * quadratic approximation; {@link Solver#LBFGS} uses gradients only. Unpenalised fits report standard errors;
 * separable data, where the maximum-likelihood estimate does not exist, is refused with a message. Every
 * iteration is a checkpoint in the model store, from which a fit can resume.
 *
 * <p>Instances are immutable: every method returns a new spec.
 */
public final class Logistic extends BuiltInSpec {
    /** The optimiser. */
    public enum Solver {
        /** Newton's method (IRLS), with step halving; any penalty (the default). */
        NEWTON,
        /** Limited-memory BFGS; an L2 penalty or none. */
        LBFGS
    }

    final boolean softmax;
    String target;
    List<String> features;
    double lambda;
    double alpha;
    boolean standardize;
    boolean intercept = true;
    Solver solver = Solver.NEWTON;
    int maxIter = LogisticOptions.DEFAULT_MAX_ITER;
    double tol = LogisticOptions.DEFAULT_TOL;
    Missing missing = Missing.ERROR;
    String weights;

    Logistic(boolean softmax) {
        this.softmax = softmax;
    }

    /**
     * Maximum likelihood (no penalty), Newton, intercept, features as they are.
     *
     * @return a spec for binary logistic regression with the default options
     */
    public static Logistic of() {
        return new Logistic(false);
    }

    private String where(String method) {
        return (softmax ? "Softmax." : "Logistic.") + method;
    }

    Logistic copy() {
        Logistic c = new Logistic(softmax);
        c.target = target;
        c.features = features;
        c.lambda = lambda;
        c.alpha = alpha;
        c.standardize = standardize;
        c.intercept = intercept;
        c.solver = solver;
        c.maxIter = maxIter;
        c.tol = tol;
        c.missing = missing;
        c.weights = weights;
        return c;
    }

    /**
     * Frequency weights (statsmodels' {@code freq_weights}, scikit-learn's {@code sample_weight}): row i counts as
     * wᵢ copies of itself, so n becomes Σw in the objective, the standardization, the standard errors and the
     * training metrics. A weight of 0 leaves the row out exactly; a negative or non-finite weight is refused naming
     * the row. The column is left out of the default features.
     *
     * @param column the weight column's name (numeric, values finite and ≥ 0)
     * @return a new spec with those weights
     */
    public Logistic weights(String column) {
        Logistic c = copy();
        c.weights = Checks.given(where("weights(column)"), "column", column);
        return c;
    }

    /**
     * The class column (default: the dataset's last column).
     *
     * @param column the class column's name
     * @return a new spec with that target
     */
    public Logistic target(String column) {
        Logistic c = copy();
        c.target = Checks.given(where("target(column)"), "column", column);
        return c;
    }

    /**
     * The feature columns (default: every column but the target).
     *
     * @param columns the feature columns' names, in the order of the coefficients
     * @return a new spec with those features
     */
    public Logistic features(String... columns) {
        Logistic c = copy();
        c.features = Checks.columns(where("features(columns)"), columns);
        return c;
    }

    /**
     * An elastic-net penalty: strength {@code lambda} ≥ 0, L1 share {@code alpha} in [0, 1].
     *
     * @param lambda the penalty strength λ, ≥ 0
     * @param alpha  the L1 share α of the penalty, in [0, 1]
     * @return a new spec with that penalty
     */
    public Logistic penalty(double lambda, double alpha) {
        Logistic c = copy();
        c.lambda = Checks.nonNegative(where("penalty(lambda, alpha)"), "lambda", lambda);
        c.alpha = Checks.unit(where("penalty(lambda, alpha)"), "alpha", alpha);
        return c;
    }

    /**
     * An L2 penalty of strength {@code lambda} ≥ 0 (α = 0).
     *
     * @param lambda the penalty strength λ, ≥ 0
     * @return a new spec with that penalty
     */
    public Logistic l2(double lambda) {
        return penalty(lambda, 0);
    }

    /**
     * Penalise z-scored features (population sd); coefficients are reported on the original scale.
     *
     * @param on true to standardise the features (default false)
     * @return a new spec with that choice
     */
    public Logistic standardize(boolean on) {
        Logistic c = copy();
        c.standardize = on;
        return c;
    }

    /**
     * Fit an intercept (default true).
     *
     * @param on true to fit an intercept, false to fit through the origin
     * @return a new spec with that choice
     */
    public Logistic intercept(boolean on) {
        Logistic c = copy();
        c.intercept = on;
        return c;
    }

    /**
     * The optimiser (default {@link Solver#NEWTON}).
     *
     * @param s the optimiser
     * @return a new spec with that optimiser
     */
    public Logistic solver(Solver s) {
        Logistic c = copy();
        c.solver = Checks.given(where("solver(solver)"), "solver", s);
        return c;
    }

    /**
     * Iterations at most (default 100) and the tolerance on the largest optimality violation (default 1e-10).
     *
     * @param maxIter the most iterations, ≥ 1
     * @param tol     the tolerance on the largest optimality violation, &gt; 0
     * @return a new spec with those limits
     */
    public Logistic limits(int maxIter, double tol) {
        Logistic c = copy();
        c.maxIter = Checks.atLeast(where("limits(maxIter, tol)"), "maxIter", 1, maxIter);
        c.tol = Checks.positive(where("limits(maxIter, tol)"), "tol", tol);
        return c;
    }

    /**
     * What to do with missing feature values: {@link Missing#ERROR} (default) or {@link Missing#SKIP}.
     *
     * @param rule {@link Missing#ERROR} or {@link Missing#SKIP}
     * @return a new spec with that rule
     */
    public Logistic missing(Missing rule) {
        Checks.given(where("missing(rule)"), "rule", rule);
        if (rule == Missing.MEAN) {
            throw new BadInputException(where("missing(rule)") + ": Missing.MEAN is for the linear family; use ERROR or SKIP");
        }
        Logistic c = copy();
        c.missing = rule;
        return c;
    }

    LogisticOptions options() {
        if (solver == Solver.LBFGS && lambda > 0 && alpha > 0) {
            throw new BadInputException(where("solver(LBFGS)") + ": L-BFGS takes an L2 penalty or none, not alpha "
                    + alpha + "; use Solver.NEWTON for an L1 or elastic-net penalty");
        }
        return new LogisticOptions(lambda, alpha, standardize, intercept, solver.name().toLowerCase(Locale.ROOT),
                maxIter, tol, missing.id());
    }

    @Override
    LogisticSpec toSpec() {
        return new LogisticSpec(softmax, target, features, weights, options(), 42);
    }

    @Override
    public String algorithm() {
        return softmax ? "softmax" : "logistic";
    }
}
