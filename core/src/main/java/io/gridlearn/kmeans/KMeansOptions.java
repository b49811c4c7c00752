package io.gridlearn.kmeans;

import io.gridlearn.BadInputException;
import io.gridlearn.pass.Missing;

/**
 * Options of {@link KMeansTrainer}.
 *
 * @param k       number of clusters, 1 ≤ k ≤ rows (the row bound is checked by the trainer)
 * @param maxIter maximum number of Lloyd passes, ≥ 1
 * @param tol     stop when Σ_c ‖c_new − c_old‖² ≤ tol; 0 (the default) stops only when no centre moves,
 *                i.e. when the assignment no longer changes
 * @param init    {@code rows:I,J,…} (k distinct-or-not 0-based row ids), {@code random} or
 *                {@code kmeans-parallel}
 * @param seed    seed of the row hashes and of the driver's k-means++ step
 * @param missing {@code error} (default): refuse rows with a non-finite feature; {@code skip}: leave them out of
 *                every pass, the initialisation samplers included ({@link io.gridlearn.pass.Missing})
 */
public record KMeansOptions(int k, int maxIter, double tol, String init, long seed, String missing) {
    /** Lloyd iterations at most unless set: {@value}. */
    public static final int DEFAULT_MAX_ITER = 300;

    /**
     * Checks the options, and that a {@code rows:} init names k row ids.
     *
     * @param k       number of clusters, ≥ 1
     * @param maxIter maximum number of Lloyd passes, ≥ 1
     * @param tol     the tolerance on the total squared centre move, finite and ≥ 0
     * @param init    {@code rows:I,J,…}, {@code random} or {@code kmeans-parallel}
     * @param seed    seed of the row hashes and of the driver's k-means++ step
     * @param missing {@code error} or {@code skip}
     */
    public KMeansOptions {
        if (k < 1) {
            throw new BadInputException("k must be >= 1, was " + k);
        }
        if (maxIter < 1) {
            throw new BadInputException("maxIter must be >= 1, was " + maxIter);
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new BadInputException("tol must be finite and >= 0, was " + tol);
        }
        if (init == null) {
            throw new BadInputException("init must be rows:I,J,..., random or kmeans-parallel");
        }
        if (init.startsWith("rows:")) {
            long[] ids = initRows(init);
            if (ids.length != k) {
                throw new BadInputException("init " + init + " names " + ids.length + " rows but k = " + k);
            }
        } else if (!init.equals("random") && !init.equals("kmeans-parallel")) {
            throw new BadInputException("init must be rows:I,J,..., random or kmeans-parallel, was " + init);
        }
        Missing.checkIterative(missing);
    }

    /**
     * With {@code --missing error}.
     *
     * @param k       number of clusters, ≥ 1
     * @param maxIter maximum number of Lloyd passes, ≥ 1
     * @param tol     the tolerance on the total squared centre move, finite and ≥ 0
     * @param init    {@code rows:I,J,…}, {@code random} or {@code kmeans-parallel}
     * @param seed    seed of the row hashes and of the driver's k-means++ step
     */
    public KMeansOptions(int k, int maxIter, double tol, String init, long seed) {
        this(k, maxIter, tol, init, seed, Missing.ERROR);
    }

    /**
     * Whether rows with a missing value are left out.
     *
     * @return true for {@code skip}
     */
    public boolean skipMissing() {
        return Missing.SKIP.equals(missing);
    }

    /**
     * k-means‖ initialisation, 300 iterations, tol 0.
     *
     * @param k    number of clusters, ≥ 1
     * @param seed seed of the row hashes and of the driver's k-means++ step
     * @return the options
     */
    public static KMeansOptions of(int k, long seed) {
        return new KMeansOptions(k, DEFAULT_MAX_ITER, 0, "kmeans-parallel", seed);
    }

    /**
     * The row ids of a {@code rows:I,J,…} init, in the order given (it fixes the cluster numbering).
     *
     * @param init an init of the form {@code rows:I,J,…}
     * @return the 0-based row ids, one per centre
     */
    public static long[] initRows(String init) {
        String[] parts = init.substring("rows:".length()).split(",");
        long[] ids = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ids[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadInputException("init " + init + ": '" + parts[i] + "' is not a row id");
            }
            if (ids[i] < 0) {
                throw new BadInputException("init " + init + ": row ids are 0-based and >= 0");
            }
        }
        return ids;
    }
}
