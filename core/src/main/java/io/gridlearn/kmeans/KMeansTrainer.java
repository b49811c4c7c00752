package io.gridlearn.kmeans;

import io.gridlearn.OptionException;
import io.gridlearn.BadInputException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.pass.Missing;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.pass.Weights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * k-means by Lloyd's algorithm, one grid pass per iteration.
 *
 * <p>Iteration t assigns every row to the nearest of the centres c^(t−1) ({@link LloydKernel}, summed
 * exactly over blocks) and moves each centre to the mean of its rows, c^(t) = Σ x / n_c. It stops when
 * Σ_c ‖c^(t) − c^(t−1)‖² ≤ tol (tol = 0: when no centre moves, which happens exactly when the assignment
 * did not change, because the exact sums make the mean of an unchanged cluster the same bits), or after
 * maxIter iterations. {@code summary.centerUpdates} counts iterations in which some centre moved (the
 * oracle's {@code lloyd_center_updates}); {@code summary.iteration} counts passes.
 *
 * <p>Empty clusters keep their previous centre (no extra sampler pass; the choice is deterministic and
 * cheap); {@code summary.emptyClusters} counts how many times a cluster was empty over all iterations.
 *
 * <p>The final {@code objective} (inertia, Σ min_c ‖x − c‖²) and {@code clusterSizes} are for the final
 * centres: when the last iteration moved a centre (stopped by maxIter or tol > 0) one more labelling pass
 * computes them. In a checkpoint, {@code objective} is the inertia of that iteration's assignment step.
 *
 * <p>Rows with a non-finite feature value are refused ({@code --missing error}) or, with {@code --missing skip},
 * left out of every pass: the initialisation samplers ({@link HashSampler}, {@link ParallelSampler},
 * {@link RowIdSampler}) never return such a row, and {@link LloydKernel} counts and skips them;
 * {@code summary.skippedRows} reports how many.
 *
 * <p>With frequency weights (scikit-learn's {@code sample_weight}; row i counts wᵢ times) the centres are weighted
 * means, c = Σ w x / Σ w, the inertia is Σ w·min_c ‖x − c‖², {@code clusterSizes} are the clusters' Σw, and the
 * initialisation draws ∝ w ({@link KMeansInit}): the fit of the rows repeated wᵢ times. A weight of 0 leaves the
 * row out exactly; a negative or non-finite weight is refused naming the row, before any pass that could publish
 * a checkpoint. The model records its weight column ({@code "weights"}); a resume with other weights is refused.
 */
public final class KMeansTrainer {
    private KMeansTrainer() {
    }

    /**
     * Fits k-means: the initialisation, then Lloyd passes until {@code tol} or {@code maxIter}.
     *
     * @param runner         the pass runner over the dataset
     * @param featureColumns the block columns of the p features
     * @param features       the features' names, one per column
     * @param o              the options
     * @param listener       told of every iteration (a checkpoint), or null
     * @param resumeFrom     a checkpoint of this fit to continue from, or null to start afresh
     * @return the model, without name, version or provenance
     */
    public static ModelDocument fit(PassRunner runner, int[] featureColumns, List<String> features, KMeansOptions o,
                                    IterationListener listener, ModelDocument resumeFrom) {
        return fit(runner, featureColumns, features, o, listener, resumeFrom, -1, null);
    }

    /**
     * Fits k-means with frequency weights: one pass first refuses a negative or non-finite weight naming the row
     * ({@link Weights#check}), then the initialisation and Lloyd passes as without weights, every sum weighted.
     *
     * @param runner         the pass runner over the dataset
     * @param featureColumns the block columns of the p features
     * @param features       the features' names, one per column
     * @param o              the options
     * @param listener       told of every iteration (a checkpoint), or null
     * @param resumeFrom     a checkpoint of this fit (the same weights) to continue from, or null to start afresh
     * @param weightColumn   the block column of the frequency weights, or −1 for none
     * @param weights        the weight column's name (recorded in the model), or null for none
     * @return the model, without name, version or provenance
     */
    public static ModelDocument fit(PassRunner runner, int[] featureColumns, List<String> features, KMeansOptions o,
                                    IterationListener listener, ModelDocument resumeFrom, int weightColumn,
                                    String weights) {
        int p = featureColumns.length;
        if (p == 0 || features.size() != p) {
            throw new BadInputException("need at least one feature and one name per feature column; got "
                    + p + " columns and " + features.size() + " names");
        }
        if (o.k() > runner.rows()) {
            throw new BadInputException("k = " + o.k() + " exceeds the number of rows, " + runner.rows());
        }
        if (weightColumn >= 0) {
            double positive = Weights.check(runner, weightColumn, weights)[1];
            if (o.k() > positive) {
                throw new BadInputException("k = " + o.k() + " exceeds the number of rows of positive weight, "
                        + (long) positive);
            }
        }
        int k = o.k();
        State st = new State();
        st.weights = weights;
        if (resumeFrom != null) {
            st.resume(resumeFrom, k, p);
        } else {
            st.centres = KMeansInit.centres(runner, featureColumns, o, weightColumn);
            st.sizes = new double[k];
        }
        boolean fresh = false; // true when inertia and sizes already belong to the current centres
        while (!st.converged && st.iteration < o.maxIter()) {
            double[] s = runner.sum(new LloydKernel(featureColumns, flatten(List.of(st.centres)), k, weightColumn));
            st.skipped = checkFinite(s[LloydKernel.nonFiniteSlot(k, p)], o);
            double[][] next = new double[k][p];
            double shift = 0;
            for (int c = 0; c < k; c++) {
                double n = s[k * p + c];
                st.sizes[c] = n;
                if (n == 0) {
                    st.emptyClusters++;
                    next[c] = st.centres[c].clone();
                    continue;
                }
                for (int j = 0; j < p; j++) {
                    next[c][j] = s[c * p + j] / n;
                    double d = next[c][j] - st.centres[c][j];
                    shift += d * d;
                }
            }
            st.iteration++;
            st.objective = s[LloydKernel.inertiaSlot(k, p)];
            st.change = shift;
            st.converged = shift <= o.tol();
            fresh = shift == 0;
            if (shift > 0) {
                st.updates++;
            }
            st.centres = next;
            listener.onIteration(st.document(features, o, false));
        }
        if (!fresh) {
            double[] s = runner.sum(new LloydKernel(featureColumns, flatten(List.of(st.centres)), k, weightColumn));
            st.skipped = checkFinite(s[LloydKernel.nonFiniteSlot(k, p)], o);
            st.objective = s[LloydKernel.inertiaSlot(k, p)];
            for (int c = 0; c < k; c++) {
                st.sizes[c] = s[k * p + c];
            }
        }
        return st.document(features, o, true);
    }

    /**
     * Refuses a pass that left rows out for a non-finite value, unless {@code --missing skip}; returns the number
     * left out. Every pass (the samplers included) leaves out the same rows, so the count is the same in each.
     */
    static long checkFinite(double nonFinite, KMeansOptions o) {
        if (nonFinite > 0 && !o.skipMissing()) {
            throw OptionException.worded((long) nonFinite + " rows have a missing or non-finite value in a feature"
                    + " column; k-means needs every used value finite (drop or impute them first, or leave them"
                    + " out with {missing} skip)");
        }
        return (long) nonFinite;
    }

    static double[] flatten(List<double[]> rows) {
        int p = rows.get(0).length;
        double[] f = new double[rows.size() * p];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, f, i * p, p);
        }
        return f;
    }

    /** The fit's state; everything a checkpoint must carry for a bit-identical resume. */
    private static final class State {
        double[][] centres;
        int iteration;
        int updates;
        long emptyClusters;
        double objective = Double.NaN;
        double change = Double.NaN;
        boolean converged;
        double[] sizes;
        long skipped;
        String weights;

        void resume(ModelDocument m, int k, int p) {
            if (!"kmeans".equals(m.algorithm()) || m.centers() == null || m.centers().length != k
                    || m.summary() == null) {
                throw new BadInputException("resumeFrom must be a kmeans checkpoint with " + k + " centers");
            }
            centres = new double[k][];
            for (int c = 0; c < k; c++) {
                if (m.centers()[c].length != p) {
                    throw new BadInputException("resumeFrom centers have " + m.centers()[c].length
                            + " features, expected " + p);
                }
                centres[c] = m.centers()[c].clone();
            }
            if (!java.util.Objects.equals(weights, m.extension(Weights.OPTION))) {
                throw new BadInputException("cannot resume: the checkpoint was fit with weights "
                        + m.extension(Weights.OPTION) + ", this fit with " + weights);
            }
            Map<String, Object> s = m.summary();
            iteration = ((Number) s.get("iteration")).intValue();
            updates = ((Number) s.getOrDefault("centerUpdates", 0)).intValue();
            emptyClusters = ((Number) s.getOrDefault("emptyClusters", 0)).longValue();
            converged = Boolean.TRUE.equals(s.get("converged"));
            objective = ((Number) s.get("objective")).doubleValue();
            change = ((Number) s.get("change")).doubleValue();
            skipped = ((Number) s.getOrDefault(Missing.SKIPPED_ROWS, 0)).longValue();
            sizes = new double[k];
        }

        ModelDocument document(List<String> features, KMeansOptions o, boolean last) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("iteration", iteration);
            summary.put("objective", objective);
            summary.put("change", change);
            summary.put("converged", converged);
            summary.put("centerUpdates", updates);
            summary.put("emptyClusters", emptyClusters);
            summary.put("init", o.init());
            if (o.skipMissing()) {
                summary.put(Missing.SKIPPED_ROWS, skipped);
            }
            summary.put("final", last);
            List<Number> sz = new ArrayList<>();
            for (double v : sizes) {
                sz.add(weights == null ? (Number) (long) v : Weights.count(v)); // Σw per cluster when weighted
            }
            summary.put("clusterSizes", sz);
            double[][] c = new double[centres.length][];
            for (int i = 0; i < c.length; i++) {
                c[i] = centres[i].clone();
            }
            Map<String, Map<String, Double>> metrics = Map.of("train", Map.of("inertia", objective));
            ModelDocument m = new ModelDocument(ModelDocument.FORMAT, null, 0, "kmeans", null, features, null, null,
                    null, null, null, null, null, null, null, c, null, null, null, null, null, null, summary, metrics,
                    null, null);
            return weights == null ? m : m.withExtensions(Map.of(Weights.OPTION, weights));
        }
    }
}
