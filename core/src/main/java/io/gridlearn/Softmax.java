package io.gridlearn;

import io.gridlearn.logistic.LogisticSpec;

/**
 * Multinomial logistic (softmax) regression of a class column with codes 0..K−1. For n rows it minimises
 * <pre>
 *   (1/n) Σᵢ [ log Σₖ e^(b₀ₖ + xᵢ·bₖ) − (b₀ᵧ + xᵢ·bᵧ) ]  +  (λ/2) Σₖ ‖bₖ‖²,   y = yᵢ,
 * </pre>
 * scikit-learn's multinomial objective, with ½‖Σₖ θₖ‖² fixing the otherwise free shift of the parameters
 * (intercepts are centred). Newton on all K(p+1) parameters, one pass over the data per iteration, or L-BFGS;
 * every iteration is a checkpoint in the model store, from which a fit can resume.
 *
 * <p>Instances are immutable: every method returns a new spec.
 */
public final class Softmax extends BuiltInSpec {
    private final Logistic delegate;

    private Softmax(Logistic delegate) {
        this.delegate = delegate;
    }

    /**
     * Maximum likelihood, Newton, intercepts, features as they are.
     *
     * @return a spec for multinomial logistic regression with the default options
     */
    public static Softmax of() {
        return new Softmax(new Logistic(true));
    }

    /**
     * The class column (default: the dataset's last column).
     *
     * @param column the class column's name
     * @return a new spec with that target
     */
    public Softmax target(String column) {
        return new Softmax(delegate.target(column));
    }

    /**
     * The feature columns (default: every column but the target).
     *
     * @param columns the feature columns' names, in the order of the coefficients
     * @return a new spec with those features
     */
    public Softmax features(String... columns) {
        return new Softmax(delegate.features(columns));
    }

    /**
     * An L2 penalty of strength {@code lambda} ≥ 0.
     *
     * @param lambda the penalty strength λ, ≥ 0
     * @return a new spec with that penalty
     */
    public Softmax l2(double lambda) {
        return new Softmax(delegate.l2(lambda));
    }

    /**
     * Penalise z-scored features (population sd); coefficients are reported on the original scale.
     *
     * @param on true to standardise the features (default false)
     * @return a new spec with that choice
     */
    public Softmax standardize(boolean on) {
        return new Softmax(delegate.standardize(on));
    }

    /**
     * Fit intercepts (default true).
     *
     * @param on true to fit an intercept per class, false to fit through the origin
     * @return a new spec with that choice
     */
    public Softmax intercept(boolean on) {
        return new Softmax(delegate.intercept(on));
    }

    /**
     * The optimiser (default {@link Logistic.Solver#NEWTON}).
     *
     * @param s the optimiser
     * @return a new spec with that optimiser
     */
    public Softmax solver(Logistic.Solver s) {
        return new Softmax(delegate.solver(s));
    }

    /**
     * Iterations at most (default 100) and the tolerance on the largest optimality violation (default 1e-10).
     *
     * @param maxIter the most iterations, ≥ 1
     * @param tol     the tolerance on the largest optimality violation, &gt; 0
     * @return a new spec with those limits
     */
    public Softmax limits(int maxIter, double tol) {
        return new Softmax(delegate.limits(maxIter, tol));
    }

    /**
     * What to do with missing feature values: {@link Missing#ERROR} (default) or {@link Missing#SKIP}.
     *
     * @param rule {@link Missing#ERROR} or {@link Missing#SKIP}
     * @return a new spec with that rule
     */
    public Softmax missing(Missing rule) {
        return new Softmax(delegate.missing(rule));
    }

    /**
     * Frequency weights, as {@link Logistic#weights(String)}: row i counts as wᵢ copies of itself; 0 leaves it out.
     *
     * @param column the weight column's name (numeric, values finite and ≥ 0)
     * @return a new spec with those weights
     */
    public Softmax weights(String column) {
        return new Softmax(delegate.weights(column));
    }

    @Override
    LogisticSpec toSpec() {
        return delegate.toSpec();
    }

    @Override
    public String algorithm() {
        return "softmax";
    }
}
