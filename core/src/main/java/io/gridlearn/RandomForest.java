package io.gridlearn;

import io.gridlearn.tree.ForestObjective;
import io.gridlearn.tree.ForestOptions;
import io.gridlearn.tree.ForestSpec;

import java.util.List;

/**
 * Breiman's random forest (Machine Learning 45:5–32, 2001) by the histogram method of {@link Gbt}: {@code trees}
 * (100) trees, each on a Poisson(1) bootstrap of the rows drawn by a hash of (row, tree, seed), each split chosen
 * among {@code maxFeatures} features drawn per node (default ⌊√d⌋ for {@link ForestObjective#GINI}, ⌊d/3⌋ for
 * {@link ForestObjective#SQUARED_ERROR}, at least 1), grown to depth {@code maxDepth} (16) with at least
 * {@code minChildWeight} (1) bootstrap weight per child, features cut into at most {@code maxBins} (256) bins;
 * the forest predicts the trees' average (for Gini, the class-1 probability). The model is the same bits on any
 * number of members.
 *
 * <p>Instances are immutable: every method returns a new spec; a value out of range is refused at once.
 */
public final class RandomForest extends BuiltInSpec {
    String target;
    List<String> features;
    ForestOptions options;
    long seed = 42;
    String weights;

    private RandomForest(ForestOptions options) {
        this.options = options;
    }

    /**
     * The defaults for an objective: the last column as the label, every other column a feature, seed 42.
     *
     * @param objective {@link ForestObjective#SQUARED_ERROR} (regression) or {@link ForestObjective#GINI}
     *                  (binary classification, labels 0 or 1)
     * @return a spec with the defaults
     */
    public static RandomForest of(ForestObjective objective) {
        return new RandomForest(ForestOptions.of(Checks.given("RandomForest.of(objective)", "objective", objective)));
    }

    private RandomForest with(ForestOptions o) {
        RandomForest c = new RandomForest(o);
        c.target = target;
        c.features = features;
        c.seed = seed;
        c.weights = weights;
        return c;
    }

    /**
     * The label column (default: the dataset's last column).
     *
     * @param column a numeric column (0 or 1 for Gini)
     * @return a copy with that label
     */
    public RandomForest target(String column) {
        RandomForest c = with(options);
        c.target = Checks.given("RandomForest.target(column)", "column", column);
        return c;
    }

    /**
     * The feature columns (default: every column but the label).
     *
     * @param columns names of numeric columns
     * @return a copy with those features
     */
    public RandomForest features(String... columns) {
        RandomForest c = with(options);
        c.features = Checks.columns("RandomForest.features(columns)", columns);
        return c;
    }

    /**
     * @param n trees, 1 to 100,000 (default 100)
     * @return a copy with that many trees
     */
    public RandomForest trees(int n) {
        return with(options.withTrees(n));
    }

    /**
     * @param d the maximum depth, 1 to 60 (default 16)
     * @return a copy with that depth
     */
    public RandomForest maxDepth(int d) {
        return with(options.withMaxDepth(d));
    }

    /**
     * @param w the least bootstrap weight of each child of a split, ≥ 0 (default 1)
     * @return a copy with that min child weight
     */
    public RandomForest minChildWeight(double w) {
        return with(options.withMinChildWeight(w));
    }

    /**
     * @param b the most bins per feature, 2 to 65,535 (default 256)
     * @return a copy with that max bins
     */
    public RandomForest maxBins(int b) {
        return with(options.withMaxBins(b));
    }

    /**
     * @param m features tried per split, ≥ 1 (default ⌊√d⌋ for Gini, ⌊d/3⌋ for squared error)
     * @return a copy with that many
     */
    public RandomForest maxFeatures(int m) {
        if (m < 1) {
            throw new OptionException("maxFeatures", "must be >= 1, was " + m);
        }
        return with(options.withMaxFeatures(m));
    }

    /**
     * @param s the seed of the bootstrap and of the features drawn per split (default 42)
     * @return a copy with that seed
     */
    public RandomForest seed(long s) {
        RandomForest c = with(options);
        c.seed = s;
        return c;
    }

    /**
     * Instance weights: each row's bootstrap count is multiplied by its weight, in the split criterion, the leaves'
     * means and the min child weight; 0 leaves the row out (of the bins too). Negative or non-finite weights are
     * refused, naming the row.
     *
     * @param column a numeric column, neither the label nor a feature
     * @return a copy with those weights
     */
    public RandomForest weights(String column) {
        RandomForest c = with(options);
        c.weights = Checks.given("RandomForest.weights(column)", "column", column);
        return c;
    }

    @Override
    ForestSpec toSpec() {
        return new ForestSpec(target, features, options, seed, weights);
    }

    @Override
    public String algorithm() {
        return "random-forest";
    }
}
