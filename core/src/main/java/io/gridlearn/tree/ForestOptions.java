package io.gridlearn.tree;

import io.gridlearn.OptionException;

/**
 * The options of a random forest fit, validated on construction, each refusal naming its option.
 *
 * @param objective      squared error (regression) or Gini (binary classification)
 * @param trees          trees in the forest, 1 to {@value #MAX_TREES} (scikit-learn's {@code n_estimators}, 100)
 * @param maxDepth       the deepest level a node may be split at is {@code maxDepth − 1}, 1 to {@value #MAX_DEPTH}
 *                       (16 by default; scikit-learn's default is unlimited)
 * @param minChildWeight least bootstrap weight (Σ counts) in each child of a split, finite, ≥ 0 (1: as
 *                       scikit-learn's {@code min_samples_leaf=1}, a child needs one drawn row)
 * @param maxBins        most bins per feature (the missing values' bin aside), 2 to {@value GbtOptions#MAX_BINS}
 * @param maxFeatures    features tried per split, ≥ 0; 0 for the default: ⌊√d⌋ for Gini, ⌊d/3⌋ for squared error,
 *                       at least 1 (Breiman 2001; Spark's {@code auto}); capped at d
 */
public record ForestOptions(ForestObjective objective, int trees, int maxDepth, double minChildWeight, int maxBins,
                            int maxFeatures) {
    /** Trees unless given (scikit-learn's {@code n_estimators}). */
    public static final int DEFAULT_TREES = 100;
    /** Depth unless given. */
    public static final int DEFAULT_MAX_DEPTH = 16;
    /** One drawn row per child unless given. */
    public static final double DEFAULT_MIN_CHILD_WEIGHT = 1.0;
    /** XGBoost's {@code max_bin} default, as gbt. */
    public static final int DEFAULT_MAX_BINS = 256;
    /** Node indices are ints; deeper trees than this are not useful with histograms. */
    public static final int MAX_DEPTH = 60;
    /** Most trees. */
    public static final int MAX_TREES = 100_000;

    /**
     * Checks every option.
     *
     * @param objective      not null
     * @param trees          1 to {@value #MAX_TREES}
     * @param maxDepth       1 to {@value #MAX_DEPTH}
     * @param minChildWeight finite, ≥ 0
     * @param maxBins        2 to 65,535
     * @param maxFeatures    ≥ 0 (0: the default rule)
     */
    public ForestOptions {
        if (objective == null) {
            throw new OptionException("objective", "must be given: one of " + ForestObjective.names());
        }
        if (trees < 1 || trees > MAX_TREES) {
            throw new OptionException("trees", "must be between 1 and " + MAX_TREES + ", was " + trees);
        }
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw new OptionException("maxDepth", "must be between 1 and " + MAX_DEPTH + ", was " + maxDepth);
        }
        if (!(minChildWeight >= 0) || Double.isInfinite(minChildWeight)) {
            throw new OptionException("minChildWeight", "must be a finite number >= 0, was " + minChildWeight);
        }
        if (maxBins < 2 || maxBins > GbtOptions.MAX_BINS) {
            throw new OptionException("maxBins", "must be between 2 and " + GbtOptions.MAX_BINS + ", was " + maxBins);
        }
        if (maxFeatures < 0) {
            throw new OptionException("maxFeatures", "must be >= 1, was " + maxFeatures);
        }
    }

    /**
     * The defaults for an objective: 100 trees of depth 16, min child weight 1, 256 bins, the default features
     * per split.
     *
     * @param objective the criterion
     * @return the options
     */
    public static ForestOptions of(ForestObjective objective) {
        return new ForestOptions(objective, DEFAULT_TREES, DEFAULT_MAX_DEPTH, DEFAULT_MIN_CHILD_WEIGHT,
                DEFAULT_MAX_BINS, 0);
    }

    /**
     * Features tried per split for d features: {@link #maxFeatures} when given (capped at d), else ⌊√d⌋ for Gini
     * and ⌊d/3⌋ for squared error, at least 1.
     *
     * @param d the number of features
     * @return m, 1 ≤ m ≤ d
     */
    public int featuresPerSplit(int d) {
        int m = maxFeatures > 0 ? maxFeatures
                : objective.classifier() ? (int) Math.floor(Math.sqrt(d)) : d / 3;
        return Math.max(1, Math.min(m, d));
    }

    /**
     * @param n the number of trees
     * @return a copy with that many trees
     */
    public ForestOptions withTrees(int n) {
        return new ForestOptions(objective, n, maxDepth, minChildWeight, maxBins, maxFeatures);
    }

    /**
     * @param d the maximum depth
     * @return a copy with that depth
     */
    public ForestOptions withMaxDepth(int d) {
        return new ForestOptions(objective, trees, d, minChildWeight, maxBins, maxFeatures);
    }

    /**
     * @param w the least bootstrap weight of a child
     * @return a copy with that min child weight
     */
    public ForestOptions withMinChildWeight(double w) {
        return new ForestOptions(objective, trees, maxDepth, w, maxBins, maxFeatures);
    }

    /**
     * @param b the most bins per feature
     * @return a copy with that max bins
     */
    public ForestOptions withMaxBins(int b) {
        return new ForestOptions(objective, trees, maxDepth, minChildWeight, b, maxFeatures);
    }

    /**
     * @param m features tried per split (0: the default rule)
     * @return a copy with that many
     */
    public ForestOptions withMaxFeatures(int m) {
        return new ForestOptions(objective, trees, maxDepth, minChildWeight, maxBins, m);
    }
}
