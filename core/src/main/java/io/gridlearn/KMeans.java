package io.gridlearn;

import io.gridlearn.kmeans.KMeansOptions;
import io.gridlearn.kmeans.KMeansSpec;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * k-means clustering: Lloyd's iterations minimising the inertia
 * <pre>
 *   Σᵢ minₖ ‖xᵢ − cₖ‖²
 * </pre>
 * from exact per-cluster sums (one pass per iteration, the same centres on any number of members), started by
 * k-means‖ (Bahmani et al., "Scalable K-Means++", VLDB 2012; rows sampled by a hash of the row id and seed), by
 * k random rows, or by given rows. Stops when no centre moves (or they move less than the tolerance in total
 * squared distance) or after the iteration limit; an empty cluster keeps its centre. Every iteration is a
 * checkpoint in the model store, from which a fit can resume.
 *
 * <p>Instances are immutable: every method returns a new spec.
 */
public final class KMeans extends BuiltInSpec {
    /** How the first centres are chosen. */
    public enum Init {
        /** k-means‖ (the default). */
        KMEANS_PARALLEL,
        /** k rows chosen by a hash of the row id and seed. */
        RANDOM
    }

    private final int k;
    private List<String> features;
    private String init = "kmeans-parallel";
    private long seed = 42;
    private int maxIter = KMeansOptions.DEFAULT_MAX_ITER;
    private double tol;
    private Missing missing = Missing.ERROR;
    private boolean live;
    private double decay = 1;
    private String weights;

    private KMeans(int k) {
        this.k = k;
    }

    /**
     * k clusters, k ≥ 1.
     *
     * @param k the number of clusters, ≥ 1
     * @return a spec for k-means with the default options
     */
    public static KMeans of(int k) {
        return new KMeans(Checks.atLeast("KMeans.of(k)", "k", 1, k));
    }

    private KMeans copy() {
        KMeans c = new KMeans(k);
        c.features = features;
        c.init = init;
        c.seed = seed;
        c.maxIter = maxIter;
        c.tol = tol;
        c.missing = missing;
        c.live = live;
        c.decay = decay;
        c.weights = weights;
        return c;
    }

    /**
     * The columns clustered (default: every column).
     *
     * @param columns the columns' names, in the order of the centres' coordinates
     * @return a new spec with those columns
     */
    public KMeans features(String... columns) {
        KMeans c = copy();
        c.features = Checks.columns("KMeans.features(columns)", columns);
        return c;
    }

    /**
     * The initialisation (default {@link Init#KMEANS_PARALLEL}).
     *
     * @param how the initialisation
     * @return a new spec with that initialisation
     */
    public KMeans init(Init how) {
        KMeans c = copy();
        c.init = Checks.given("KMeans.init(how)", "how", how) == Init.RANDOM ? "random" : "kmeans-parallel";
        return c;
    }

    /**
     * Start from these rows (0-based row ids, one per cluster, in cluster order).
     *
     * @param rowIds the rows' 0-based ids, k of them
     * @return a new spec starting from those rows
     */
    public KMeans initRows(long... rowIds) {
        Checks.given("KMeans.initRows(rowIds)", "rowIds", rowIds);
        if (rowIds.length != k) {
            throw new BadInputException("KMeans.initRows(rowIds): " + rowIds.length + " rows given for k = " + k);
        }
        for (long r : rowIds) {
            if (r < 0) {
                throw new BadInputException("KMeans.initRows(rowIds): row ids are 0-based and >= 0, was " + r);
            }
        }
        KMeans c = copy();
        c.init = "rows:" + Arrays.stream(rowIds).mapToObj(Long::toString).collect(Collectors.joining(","));
        return c;
    }

    /**
     * The seed of the samplers (default 42).
     *
     * @param s the seed
     * @return a new spec with that seed
     */
    public KMeans seed(long s) {
        KMeans c = copy();
        c.seed = s;
        return c;
    }

    /**
     * Lloyd iterations at most (default 300) and the tolerance on the total squared centre move (default 0).
     *
     * @param maxIter the most Lloyd iterations, ≥ 1
     * @param tol     the tolerance on the total squared move of the centres, ≥ 0; 0 runs until no centre moves
     * @return a new spec with those limits
     */
    public KMeans limits(int maxIter, double tol) {
        KMeans c = copy();
        c.maxIter = Checks.atLeast("KMeans.limits(maxIter, tol)", "maxIter", 1, maxIter);
        c.tol = Checks.nonNegative("KMeans.limits(maxIter, tol)", "tol", tol);
        return c;
    }

    /**
     * What to do with missing values: {@link Missing#ERROR} (default) or {@link Missing#SKIP}.
     *
     * @param rule {@link Missing#ERROR} or {@link Missing#SKIP}
     * @return a new spec with that rule
     */
    public KMeans missing(Missing rule) {
        Checks.given("KMeans.missing(rule)", "rule", rule);
        if (rule == Missing.MEAN) {
            throw new BadInputException("KMeans.missing(rule): Missing.MEAN is for the linear family; use ERROR or SKIP");
        }
        KMeans c = copy();
        c.missing = rule;
        return c;
    }

    /**
     * Keep the model current as rows change, as mini-batches with forgetting factor {@code decay} in (0, 1]
     * (Spark's StreamingKMeans rule; 1 forgets nothing).
     *
     * @param decay the forgetting factor, in (0, 1]
     * @return a new spec of a live model
     */
    public KMeans live(double decay) {
        if (!(decay > 0 && decay <= 1)) {
            throw new BadInputException("KMeans.live(decay): decay must be in (0, 1], was " + decay);
        }
        KMeans c = copy();
        c.live = true;
        c.decay = decay;
        return c;
    }

    /**
     * Frequency weights (scikit-learn's {@code sample_weight}): row i counts wᵢ times, so the centres are weighted
     * means Σ w x / Σ w, the inertia is Σ w·min ‖x − c‖² and the initialisation draws ∝ w (k-means‖'s d² round
     * ∝ w·d²). A weight of 0 leaves the row out exactly; a negative or non-finite weight is refused naming the
     * row. The column is left out of the default features.
     *
     * @param column the weight column's name (numeric, values finite and ≥ 0)
     * @return a new spec with those weights
     */
    public KMeans weights(String column) {
        KMeans c = copy();
        c.weights = Checks.given("KMeans.weights(column)", "column", column);
        return c;
    }

    @Override
    KMeansSpec toSpec() {
        return new KMeansSpec(features, weights, new KMeansOptions(k, maxIter, tol, init, seed, missing.id()), live,
                decay);
    }

    @Override
    public String algorithm() {
        return "kmeans";
    }
}
