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

    /** Maximum likelihood, Newton, intercepts, features as they are. */
    public static Softmax of() {
        return new Softmax(new Logistic(true));
    }

    /** The class column (default: the dataset's last column). */
    public Softmax target(String column) {
        return new Softmax(delegate.target(column));
    }

    /** The feature columns (default: every column but the target). */
    public Softmax features(String... columns) {
        return new Softmax(delegate.features(columns));
    }

    /** An L2 penalty of strength {@code lambda} ≥ 0. */
    public Softmax l2(double lambda) {
        return new Softmax(delegate.l2(lambda));
    }

    /** Penalise z-scored features (population sd); coefficients are reported on the original scale. */
    public Softmax standardize(boolean on) {
        return new Softmax(delegate.standardize(on));
    }

    /** Fit intercepts (default true). */
    public Softmax intercept(boolean on) {
        return new Softmax(delegate.intercept(on));
    }

    /** The optimiser (default {@link Logistic.Solver#NEWTON}). */
    public Softmax solver(Logistic.Solver s) {
        return new Softmax(delegate.solver(s));
    }

    /** Iterations at most (default 100) and the tolerance on the largest optimality violation (default 1e-10). */
    public Softmax limits(int maxIter, double tol) {
        return new Softmax(delegate.limits(maxIter, tol));
    }

    /** What to do with missing feature values: {@link Missing#ERROR} (default) or {@link Missing#SKIP}. */
    public Softmax missing(Missing rule) {
        return new Softmax(delegate.missing(rule));
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
