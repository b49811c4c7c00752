package io.gridlearn.tree;

import io.gridlearn.OptionException;

/**
 * The options of a gradient-boosted tree fit, with XGBoost 1.7's names and defaults for {@code tree_method=hist}
 * where they apply ({@code n_estimators}, {@code max_depth}, {@code eta}, {@code reg_lambda}, {@code gamma},
 * {@code min_child_weight}, {@code max_bin}, {@code subsample}, {@code colsample_bytree}); validated on
 * construction, each refusal naming its option.
 *
 * @param objective      the loss: squared error, logistic or softmax
 * @param trees          boosting rounds, one tree each (K for softmax), ≥ 1 (XGBoost's {@code num_boost_round}, 100
 *                       here)
 * @param maxDepth       the deepest level a node may be split at is {@code maxDepth − 1}, in 1 to {@value #MAX_DEPTH}
 * @param eta            learning rate (shrinkage) applied to every leaf weight, in (0, 1]
 * @param lambda         L2 penalty on the leaf weights, finite, ≥ 0
 * @param gamma          least loss reduction a split must make ({@code min_split_loss}), finite, ≥ 0
 * @param minChildWeight least Hessian sum in each child of a split, finite, ≥ 0
 * @param maxBins        most bins per feature (the missing values' bin aside), 2 to {@value #MAX_BINS}
 * @param subsample      share of the rows each tree is grown on, in (0, 1]; a row is in tree t's sample when a
 *                       uniform drawn from a hash of (row id, t, seed) is below it (XGBoost's {@code subsample})
 * @param colsampleBytree share of the features each tree may split on, in (0, 1]: max(1, ⌊share · d⌋) of them,
 *                       drawn per tree from a hash of (t, seed) (XGBoost's {@code colsample_bytree})
 * @param testFraction   share of rows held out (by a hash of row id and seed, {@link io.gridlearn.data.RowGrouping}):
 *                       not fitted, scored after every tree; in [0, 1)
 * @param earlyStoppingRounds stop when the held-out metric has not improved for this many trees (0: never);
 *                       needs {@code testFraction} &gt; 0 ({@link #checked}; XGBoost's
 *                       {@code early_stopping_rounds})
 */
public record GbtOptions(Objective objective, int trees, int maxDepth, double eta, double lambda, double gamma,
                         double minChildWeight, int maxBins, double subsample, double colsampleBytree,
                         double testFraction, int earlyStoppingRounds) {
    /** Boosting rounds unless given. */
    public static final int DEFAULT_TREES = 100;
    /** XGBoost's {@code max_depth} default. */
    public static final int DEFAULT_MAX_DEPTH = 6;
    /** XGBoost's {@code eta} default. */
    public static final double DEFAULT_ETA = 0.3;
    /** XGBoost's {@code lambda} default. */
    public static final double DEFAULT_LAMBDA = 1.0;
    /** XGBoost's {@code gamma} default. */
    public static final double DEFAULT_GAMMA = 0.0;
    /** XGBoost's {@code min_child_weight} default. */
    public static final double DEFAULT_MIN_CHILD_WEIGHT = 1.0;
    /** XGBoost's {@code max_bin} default. */
    public static final int DEFAULT_MAX_BINS = 256;
    /** XGBoost's {@code subsample} default: every row in every tree. */
    public static final double DEFAULT_SUBSAMPLE = 1.0;
    /** XGBoost's {@code colsample_bytree} default: every feature in every tree. */
    public static final double DEFAULT_COLSAMPLE_BYTREE = 1.0;
    /** The deepest trees allowed: a level's histograms grow as 2^depth. */
    public static final int MAX_DEPTH = 20;
    /** Bins are stored as unsigned 16-bit values with one more for missing values. */
    public static final int MAX_BINS = 65_535;
    /** Most boosting rounds. */
    public static final int MAX_TREES = 1_000_000;

    /**
     * Checks every option.
     *
     * @param objective      not null
     * @param trees          1 to {@value #MAX_TREES}
     * @param maxDepth       1 to {@value #MAX_DEPTH}
     * @param eta            in (0, 1]
     * @param lambda         finite, ≥ 0
     * @param gamma          finite, ≥ 0
     * @param minChildWeight finite, ≥ 0
     * @param maxBins        2 to {@value #MAX_BINS}
     * @param subsample      in (0, 1]
     * @param colsampleBytree in (0, 1]
     * @param testFraction   in [0, 1)
     * @param earlyStoppingRounds ≥ 0; &gt; 0 only with a test fraction
     */
    public GbtOptions {
        if (objective == null) {
            throw new OptionException("objective", "must be given: one of " + Objective.names());
        }
        if (trees < 1 || trees > MAX_TREES) {
            throw new OptionException("trees", "must be between 1 and " + MAX_TREES + ", was " + trees);
        }
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw new OptionException("maxDepth", "must be between 1 and " + MAX_DEPTH + ", was " + maxDepth);
        }
        if (!(eta > 0 && eta <= 1)) {
            throw new OptionException("eta", "must be in (0, 1], was " + eta);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new OptionException("lambda", "must be a finite number >= 0, was " + lambda);
        }
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new OptionException("gamma", "must be a finite number >= 0, was " + gamma);
        }
        if (!(minChildWeight >= 0) || Double.isInfinite(minChildWeight)) {
            throw new OptionException("minChildWeight", "must be a finite number >= 0, was " + minChildWeight);
        }
        if (maxBins < 2 || maxBins > MAX_BINS) {
            throw new OptionException("maxBins", "must be between 2 and " + MAX_BINS + ", was " + maxBins);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new OptionException("subsample", "must be in (0, 1], was " + subsample);
        }
        if (!(colsampleBytree > 0 && colsampleBytree <= 1)) {
            throw new OptionException("colsampleBytree", "must be in (0, 1], was " + colsampleBytree);
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new OptionException("testFraction", "must be in [0, 1), was " + testFraction);
        }
        if (earlyStoppingRounds < 0) {
            throw new OptionException("earlyStoppingRounds", "must be >= 0 (0: never stop early), was "
                    + earlyStoppingRounds);
        }
    }

    /**
     * Refuses early stopping without a held-out share (checked when the fit starts, so that the two may be set in
     * any order).
     *
     * @return these options
     */
    public GbtOptions checked() {
        if (earlyStoppingRounds > 0 && testFraction == 0) {
            throw new OptionException("earlyStoppingRounds", "needs a held-out share to watch: give a test"
                    + " fraction (--test-fraction, e.g. 0.2)");
        }
        return this;
    }

    /**
     * Every row and every feature in every tree ({@code subsample} and {@code colsampleBytree} 1).
     *
     * @param objective      not null
     * @param trees          1 to {@value #MAX_TREES}
     * @param maxDepth       1 to {@value #MAX_DEPTH}
     * @param eta            in (0, 1]
     * @param lambda         finite, ≥ 0
     * @param gamma          finite, ≥ 0
     * @param minChildWeight finite, ≥ 0
     * @param maxBins        2 to {@value #MAX_BINS}
     */
    public GbtOptions(Objective objective, int trees, int maxDepth, double eta, double lambda, double gamma,
                      double minChildWeight, int maxBins) {
        this(objective, trees, maxDepth, eta, lambda, gamma, minChildWeight, maxBins, DEFAULT_SUBSAMPLE,
                DEFAULT_COLSAMPLE_BYTREE, 0, 0);
    }

    /**
     * @return whether some trees see only part of the rows or of the features
     */
    public boolean samples() {
        return subsample < 1 || colsampleBytree < 1;
    }

    /**
     * XGBoost 1.7's defaults for an objective.
     *
     * @param objective the loss
     * @return 100 trees of depth 6, eta 0.3, lambda 1, gamma 0, min child weight 1, 256 bins
     */
    public static GbtOptions of(Objective objective) {
        return new GbtOptions(objective, DEFAULT_TREES, DEFAULT_MAX_DEPTH, DEFAULT_ETA, DEFAULT_LAMBDA, DEFAULT_GAMMA,
                DEFAULT_MIN_CHILD_WEIGHT, DEFAULT_MAX_BINS);
    }

    /**
     * @param n boosting rounds
     * @return a copy with that many trees
     */
    public GbtOptions withTrees(int n) {
        return new GbtOptions(objective, n, maxDepth, eta, lambda, gamma, minChildWeight, maxBins,
                subsample, colsampleBytree, testFraction, earlyStoppingRounds);
    }

    /**
     * @param d the depth
     * @return a copy with that maximum depth
     */
    public GbtOptions withMaxDepth(int d) {
        return new GbtOptions(objective, trees, d, eta, lambda, gamma, minChildWeight, maxBins,
                subsample, colsampleBytree, testFraction, earlyStoppingRounds);
    }

    /**
     * @param e the learning rate
     * @return a copy with that eta
     */
    public GbtOptions withEta(double e) {
        return new GbtOptions(objective, trees, maxDepth, e, lambda, gamma, minChildWeight, maxBins,
                subsample, colsampleBytree, testFraction, earlyStoppingRounds);
    }

    /**
     * @param l the L2 penalty
     * @return a copy with that lambda
     */
    public GbtOptions withLambda(double l) {
        return new GbtOptions(objective, trees, maxDepth, eta, l, gamma, minChildWeight, maxBins,
                subsample, colsampleBytree, testFraction, earlyStoppingRounds);
    }

    /**
     * @param g the least loss reduction of a split
     * @return a copy with that gamma
     */
    public GbtOptions withGamma(double g) {
        return new GbtOptions(objective, trees, maxDepth, eta, lambda, g, minChildWeight, maxBins,
                subsample, colsampleBytree, testFraction, earlyStoppingRounds);
    }

    /**
     * @param w the least Hessian sum of a child
     * @return a copy with that min child weight
     */
    public GbtOptions withMinChildWeight(double w) {
        return new GbtOptions(objective, trees, maxDepth, eta, lambda, gamma, w, maxBins,
                subsample, colsampleBytree, testFraction, earlyStoppingRounds);
    }

    /**
     * @param b the most bins per feature
     * @return a copy with that max bins
     */
    public GbtOptions withMaxBins(int b) {
        return new GbtOptions(objective, trees, maxDepth, eta, lambda, gamma, minChildWeight, b,
                subsample, colsampleBytree, testFraction, earlyStoppingRounds);
    }

    /**
     * @param s the share of rows per tree, in (0, 1]
     * @return a copy with that subsample
     */
    public GbtOptions withSubsample(double s) {
        return new GbtOptions(objective, trees, maxDepth, eta, lambda, gamma, minChildWeight, maxBins, s,
                colsampleBytree, testFraction, earlyStoppingRounds);
    }

    /**
     * @param c the share of features per tree, in (0, 1]
     * @return a copy with that colsample_bytree
     */
    public GbtOptions withColsampleBytree(double c) {
        return new GbtOptions(objective, trees, maxDepth, eta, lambda, gamma, minChildWeight, maxBins, subsample, c,
                testFraction, earlyStoppingRounds);
    }

    /**
     * @param f the share of rows held out, in [0, 1)
     * @return a copy with that test fraction
     */
    public GbtOptions withTestFraction(double f) {
        return new GbtOptions(objective, trees, maxDepth, eta, lambda, gamma, minChildWeight, maxBins, subsample,
                colsampleBytree, f, earlyStoppingRounds);
    }

    /**
     * @param n stop when the held-out metric has not improved for n trees (0: never)
     * @return a copy with those early-stopping rounds
     */
    public GbtOptions withEarlyStoppingRounds(int n) {
        return new GbtOptions(objective, trees, maxDepth, eta, lambda, gamma, minChildWeight, maxBins, subsample,
                colsampleBytree, testFraction, n);
    }
}
