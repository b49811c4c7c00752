package io.gridlearn;

import io.gridlearn.data.RowGrouping;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearSpec;

import java.util.List;
import java.util.Locale;

/**
 * A linear regression fit: ordinary least squares, ridge, lasso or elastic net. For n training rows it minimises
 * <pre>
 *   (1/(2n)) Σᵢ (yᵢ − b₀ − xᵢ·b)²  +  λ [ (1−α)/2 ‖b‖²  +  α ‖b‖₁ ]
 * </pre>
 * (glmnet's documented form, scikit-learn's {@code ElasticNet}); ridge is α = 0, lasso α = 1, and the intercept
 * b₀ is never penalised. OLS is solved exactly from one pass (a tall-skinny QR by default, so the condition number
 * is not squared; or the normal equations), penalised fits by coordinate descent on the exact cross products.
 * Coefficients are on the original scale of the features, also with {@link #standardize(boolean)}.
 *
 * <p>Instances are immutable: every method returns a new spec.
 * <pre>{@code
 * Model m = gl.fit(Linear.ridge(0.1).target("medv").standardize(true), boston);
 * }</pre>
 */
public final class Linear extends BuiltInSpec {
    /** How OLS and ridge are solved. */
    public enum Solver {
        /** Tall-skinny QR with refinement: numerically stable (the default). */
        QR,
        /** The normal equations by Cholesky (LDLᵀ): one pass, the condition number squared. */
        CHOLESKY
    }

    private final String algorithm;
    private final double lambda;
    private final double alpha;
    private String target;
    private List<String> features;
    private boolean standardize;
    private boolean intercept = true;
    private Solver solver = Solver.QR;
    private double testFraction;
    private int folds;
    private long seed = 42;
    private Missing missing = Missing.ERROR;
    private int pathLength;
    private int maxIter = 100_000;
    private double tol = 1e-12;
    private boolean live;
    private String weights;

    private Linear(String algorithm, double lambda, double alpha) {
        this.algorithm = algorithm;
        this.lambda = lambda;
        this.alpha = alpha;
    }

    private Linear copy() {
        Linear c = new Linear(algorithm, lambda, alpha);
        c.target = target;
        c.features = features;
        c.standardize = standardize;
        c.intercept = intercept;
        c.solver = solver;
        c.testFraction = testFraction;
        c.folds = folds;
        c.seed = seed;
        c.missing = missing;
        c.pathLength = pathLength;
        c.maxIter = maxIter;
        c.tol = tol;
        c.live = live;
        c.weights = weights;
        return c;
    }

    /**
     * Ordinary least squares (λ = 0).
     *
     * @return a spec for OLS, with the default options
     */
    public static Linear ols() {
        return new Linear("linear", 0, 0);
    }

    /**
     * Ridge regression: α = 0, penalty strength {@code lambda} ≥ 0.
     *
     * @param lambda the penalty strength λ, ≥ 0
     * @return a spec for ridge regression
     */
    public static Linear ridge(double lambda) {
        return new Linear("ridge", Checks.nonNegative("Linear.ridge(lambda)", "lambda", lambda), 0);
    }

    /**
     * The lasso: α = 1, penalty strength {@code lambda} ≥ 0.
     *
     * @param lambda the penalty strength λ, ≥ 0
     * @return a spec for the lasso
     */
    public static Linear lasso(double lambda) {
        return new Linear("lasso", Checks.nonNegative("Linear.lasso(lambda)", "lambda", lambda), 1);
    }

    /**
     * The elastic net: penalty strength {@code lambda} ≥ 0, L1 share {@code alpha} in [0, 1].
     *
     * @param lambda the penalty strength λ, ≥ 0
     * @param alpha  the L1 share α of the penalty, in [0, 1]
     * @return a spec for the elastic net
     */
    public static Linear elasticNet(double lambda, double alpha) {
        return new Linear("elastic-net", Checks.nonNegative("Linear.elasticNet(lambda, alpha)", "lambda", lambda),
                Checks.unit("Linear.elasticNet(lambda, alpha)", "alpha", alpha));
    }

    /**
     * The target column (default: the dataset's last column).
     *
     * @param column the target column's name
     * @return a new spec with that target
     */
    public Linear target(String column) {
        Linear c = copy();
        c.target = Checks.given("Linear.target(column)", "column", column);
        return c;
    }

    /**
     * The feature columns (default: every column but the target).
     *
     * @param columns the feature columns' names, in the order of the coefficients
     * @return a new spec with those features
     */
    public Linear features(String... columns) {
        Linear c = copy();
        c.features = Checks.columns("Linear.features(columns)", columns);
        return c;
    }

    /**
     * Penalise z-scored features (population standard deviation); coefficients are still reported on the original scale.
     *
     * @param on true to standardise the features (default false)
     * @return a new spec with that choice
     */
    public Linear standardize(boolean on) {
        Linear c = copy();
        c.standardize = on;
        return c;
    }

    /**
     * Fit an intercept (default true).
     *
     * @param on true to fit an intercept b₀, false to fit through the origin
     * @return a new spec with that choice
     */
    public Linear intercept(boolean on) {
        Linear c = copy();
        c.intercept = on;
        return c;
    }

    /**
     * How OLS and ridge are solved (default {@link Solver#QR}); L1 penalties always use coordinate descent.
     *
     * @param s the solver of OLS and ridge
     * @return a new spec with that solver
     */
    public Linear solver(Solver s) {
        Linear c = copy();
        c.solver = Checks.given("Linear.solver(solver)", "solver", s);
        return c;
    }

    /**
     * Hold out this share of rows, chosen by a hash of the row id and {@link #seed(long)}, and report test metrics.
     *
     * @param fraction the share of rows held out, in [0, 1); 0 holds out none (the default)
     * @return a new spec with that share
     */
    public Linear testFraction(double fraction) {
        Linear c = copy();
        if (!(fraction >= 0 && fraction < 1)) {
            throw new BadInputException("Linear.testFraction(fraction): fraction must be in [0, 1), was " + fraction);
        }
        c.testFraction = fraction;
        return c;
    }

    /**
     * k-fold cross-validation metrics from the same pass ({@code k} ≥ 2; 0 for none).
     *
     * @param k the number of folds: 0, or at least 2
     * @return a new spec with that number of folds
     */
    public Linear folds(int k) {
        if (k == 1 || k < 0) {
            throw new BadInputException("Linear.folds(k): k must be 0 (no folds) or at least 2, was " + k);
        }
        Linear c = copy();
        c.folds = k;
        return c;
    }

    /**
     * The seed of the split and the folds (default 42).
     *
     * @param s the seed
     * @return a new spec with that seed
     */
    public Linear seed(long s) {
        Linear c = copy();
        c.seed = s;
        return c;
    }

    /**
     * What to do with missing feature values (default {@link Missing#ERROR}).
     *
     * @param rule the rule for rows with a missing feature
     * @return a new spec with that rule
     */
    public Linear missing(Missing rule) {
        Linear c = copy();
        c.missing = Checks.given("Linear.missing(rule)", "rule", rule);
        return c;
    }

    /**
     * Also compute a regularisation path of {@code n} λ values from λ_max down (0: none; at most 1000).
     *
     * @param n the number of λ values on the path, 0 to 1000
     * @return a new spec with that path
     */
    public Linear path(int n) {
        if (n < 0 || n > 1000) {
            throw new BadInputException("Linear.path(n): n must be between 0 and 1000, was " + n);
        }
        Linear c = copy();
        c.pathLength = n;
        return c;
    }

    /**
     * Coordinate descent: sweeps at most (default 100000) and tolerance on the largest scaled change (default 1e-12).
     *
     * @param maxIter the most coordinate-descent sweeps, ≥ 1
     * @param tol     the tolerance on the largest scaled coefficient change in a sweep, &gt; 0
     * @return a new spec with those limits
     */
    public Linear limits(int maxIter, double tol) {
        Linear c = copy();
        c.maxIter = Checks.atLeast("Linear.limits(maxIter, tol)", "maxIter", 1, maxIter);
        c.tol = Checks.positive("Linear.limits(maxIter, tol)", "tol", tol);
        return c;
    }

    /**
     * Frequency weights, as statsmodels' {@code freq_weights}: row i counts as wᵢ copies of itself, so the fit is
     * that of the rows repeated (n = Σw, Σ wᵢ xᵢ, Σ wᵢ xᵢ xᵢᵀ, …; standard errors, R², F and the log-likelihood
     * with Σw rows, df = Σw − parameters). A weight of 0 leaves the row out exactly; a negative or non-finite
     * weight is refused naming the row. The column is left out of the default features.
     *
     * @param column the weight column's name (numeric, values finite and ≥ 0)
     * @return a new spec with those weights
     */
    public Linear weights(String column) {
        Linear c = copy();
        c.weights = Checks.given("Linear.weights(column)", "column", column);
        return c;
    }

    /**
     * Keep the model current as rows are appended, removed or replaced (solved from maintained statistics).
     *
     * @param on true to keep the model live
     * @return a new spec with that choice
     */
    public Linear live(boolean on) {
        Linear c = copy();
        c.live = on;
        return c;
    }

    /** The runtime's spec of this fit. */
    @Override
    LinearSpec toSpec() {
        LinearOptions o = new LinearOptions(algorithm, algorithm.equals("linear") ? Double.NaN : lambda,
                algorithm.equals("elastic-net") ? alpha : Double.NaN, standardize, intercept,
                solver.name().toLowerCase(Locale.ROOT), new RowGrouping(testFraction, folds, seed), missing.id(),
                maxIter, tol, pathLength, "exact");
        return new LinearSpec(target, features, weights, o, live);
    }

    @Override
    public String algorithm() {
        return algorithm;
    }
}
