package io.gridlearn;

import io.gridlearn.tree.GbtOptions;
import io.gridlearn.tree.GbtSpec;
import io.gridlearn.tree.Objective;

import java.util.List;

/**
 * Gradient-boosted trees by the histogram method, with XGBoost 1.7 {@code hist}'s parameters and defaults
 * (Chen &amp; Guestrin 2016): {@code trees} rounds (100) of one depth-wise tree each, of depth at most
 * {@code maxDepth} (6), leaf weights −G/(H + λ) shrunk by {@code eta} (0.3), λ = {@code lambda} (1), splits that
 * reduce the loss by more than {@code gamma} (0) with a Hessian sum of at least {@code minChildWeight} (1) on each
 * side, features cut into at most {@code maxBins} (256) bins, missing values in a bin of their own whose direction
 * each split learns. Histograms are summed in 64-bit fixed point, so the model is the same bits on any number of
 * members.
 *
 * <p>Instances are immutable: every method returns a new spec; a value out of range is refused at once.
 */
public final class Gbt extends BuiltInSpec {
    String target;
    List<String> features;
    GbtOptions options;
    long seed = 42;
    String weights;

    private Gbt(GbtOptions options) {
        this.options = options;
    }

    /**
     * XGBoost's defaults for an objective: the last column as the label, every other column a feature.
     *
     * @param objective {@link Objective#SQUARED_ERROR}, {@link Objective#LOGISTIC} (labels in [0, 1]) or
     *                  {@link Objective#SOFTMAX} (labels the classes 0 … K−1; {@code trees} counts rounds of K trees)
     * @return a spec with the defaults
     */
    public static Gbt of(Objective objective) {
        return new Gbt(GbtOptions.of(Checks.given("Gbt.of(objective)", "objective", objective)));
    }

    private Gbt with(GbtOptions o) {
        Gbt c = new Gbt(o);
        c.target = target;
        c.features = features;
        c.seed = seed;
        c.weights = weights;
        return c;
    }

    /**
     * The label column (default: the dataset's last column).
     *
     * @param column a numeric column (in [0, 1] for logistic)
     * @return a copy with that label
     */
    public Gbt target(String column) {
        Gbt c = with(options);
        c.target = Checks.given("Gbt.target(column)", "column", column);
        return c;
    }

    /**
     * The feature columns (default: every column but the label).
     *
     * @param columns names of numeric columns
     * @return a copy with those features
     */
    public Gbt features(String... columns) {
        Gbt c = with(options);
        c.features = Checks.columns("Gbt.features(columns)", columns);
        return c;
    }

    /**
     * @param n boosting rounds, 1 to 1,000,000 (default 100)
     * @return a copy with that many trees
     */
    public Gbt trees(int n) {
        return with(options.withTrees(n));
    }

    /**
     * @param d the maximum depth, 1 to 20 (default 6)
     * @return a copy with that depth
     */
    public Gbt maxDepth(int d) {
        return with(options.withMaxDepth(d));
    }

    /**
     * @param e the learning rate, in (0, 1] (default 0.3)
     * @return a copy with that eta
     */
    public Gbt eta(double e) {
        return with(options.withEta(e));
    }

    /**
     * @param l the L2 penalty on leaf weights, ≥ 0 (default 1)
     * @return a copy with that lambda
     */
    public Gbt lambda(double l) {
        return with(options.withLambda(l));
    }

    /**
     * @param g the least loss reduction of a split, ≥ 0 (default 0)
     * @return a copy with that gamma
     */
    public Gbt gamma(double g) {
        return with(options.withGamma(g));
    }

    /**
     * @param w the least Hessian sum of each child of a split, ≥ 0 (default 1)
     * @return a copy with that min child weight
     */
    public Gbt minChildWeight(double w) {
        return with(options.withMinChildWeight(w));
    }

    /**
     * @param b the most bins per feature, 2 to 65,535 (default 256)
     * @return a copy with that max bins
     */
    public Gbt maxBins(int b) {
        return with(options.withMaxBins(b));
    }

    /**
     * XGBoost's {@code subsample}: each tree is grown on the rows whose hash of (row id, tree, seed) falls below
     * the share, so about that share of the rows, the same ones on any number of members.
     *
     * @param s the share of rows per tree, in (0, 1] (default 1: every row)
     * @return a copy with that subsample
     */
    public Gbt subsample(double s) {
        return with(options.withSubsample(s));
    }

    /**
     * XGBoost's {@code colsample_bytree}: each tree may split on max(1, ⌊share · d⌋) of the d features, drawn per
     * tree from the seed.
     *
     * @param c the share of features per tree, in (0, 1] (default 1: every feature)
     * @return a copy with that colsample_bytree
     */
    public Gbt colsampleBytree(double c) {
        return with(options.withColsampleBytree(c));
    }

    /**
     * Holds a share of the rows out of the fit (by a hash of row id and seed) and scores it after every tree
     * (rmse or logloss, in the model's {@code summary.testScores}).
     *
     * @param f the share, in [0, 1) (default 0: every row is fitted)
     * @return a copy with that test fraction
     */
    public Gbt testFraction(double f) {
        return with(options.withTestFraction(f));
    }

    /**
     * XGBoost's {@code early_stopping_rounds} on the {@link #testFraction} share: the fit stops when the held-out
     * score has not improved for n trees, and the model keeps the trees up to the best one.
     *
     * @param n the rounds, ≥ 0 (default 0: never stop early); needs a test fraction
     * @return a copy with those rounds
     */
    public Gbt earlyStoppingRounds(int n) {
        return with(options.withEarlyStoppingRounds(n));
    }

    /**
     * @param s the seed of the row and feature samples and of the held-out share (default 42; no effect when
     *          nothing is sampled or held out)
     * @return a copy with that seed
     */
    public Gbt seed(long s) {
        Gbt c = with(options);
        c.seed = s;
        return c;
    }

    /**
     * Instance weights, as XGBoost's: each row's gradient and Hessian are multiplied by its weight, so a weight of
     * 2 counts the row twice and 0 leaves it out (of the bins too). Negative or non-finite weights are refused,
     * naming the row.
     *
     * @param column a numeric column, neither the label nor a feature
     * @return a copy with those weights
     */
    public Gbt weights(String column) {
        Gbt c = with(options);
        c.weights = Checks.given("Gbt.weights(column)", "column", column);
        return c;
    }

    @Override
    GbtSpec toSpec() {
        return new GbtSpec(target, features, options, seed, weights);
    }

    @Override
    public String algorithm() {
        return "gbt";
    }
}
