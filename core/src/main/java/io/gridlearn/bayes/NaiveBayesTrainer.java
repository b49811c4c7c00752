package io.gridlearn.bayes;

import io.gridlearn.OptionException;
import io.gridlearn.BadInputException;
import io.gridlearn.eval.ClassificationKernel;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.pass.Missing;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.pass.Weights;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Gaussian naive Bayes (scikit-learn's {@code GaussianNB} conventions), in three passes: a sampler pass for
 * the labels and per-class shifts ({@link ClassSampler}), one moments pass ({@link ClassMomentsKernel}) and a
 * scoring pass (core's {@link ClassificationKernel}) for the training accuracy and confusion matrix.
 *
 * <p>Model: p(y = k | x) ∝ π_k Π_j N(x_j; μ_kj, σ²_kj) with π_k = n_k / n, μ_kj the class mean,
 * σ²_kj = (1/n_k) Σ_{i: y_i = k} (x_ij − μ_kj)² + ε (population variance) and
 * ε = varSmoothing × max_j var_population(X_j) over all rows (Hastie, Tibshirani &amp; Friedman, ESL 2nd ed.
 * §6.6.3; scikit-learn 1.2 {@code GaussianNB}). The final combination of the exact shifted sums is done in
 * 40-digit decimal arithmetic and rounded once.
 *
 * <p>With frequency weights (scikit-learn's {@code sample_weight}, statsmodels' {@code freq_weights}: row i counts
 * wᵢ times) every count becomes a weight total: π_k = W_k / W with W_k = Σ_{y_i = k} wᵢ, μ_kj and σ²_kj the
 * weighted mean and population variance of the class, and ε = varSmoothing × the largest weighted variance over
 * all rows — the model of the rows repeated wᵢ times. (scikit-learn's {@code fit(X, y, sample_weight)} takes ε over
 * the rows as given, unweighted; with {@code var_smoothing = 0} the two agree.) The training accuracy, log loss
 * and confusion matrix are weighted the same way; a weight of 0 leaves the row out exactly. A weighted model
 * records its weight column ({@code "weights"}) and Σw ({@code summary.weightSum}); {@code summary.rows} counts the
 * rows of positive weight.
 */
public final class NaiveBayesTrainer {
    private static final MathContext MC = new MathContext(40);
    private static final int MAX_CLASSES = 100_000;

    private NaiveBayesTrainer() {
    }

    /**
     * Fits the model in three passes over the dataset.
     *
     * @param runner         the pass runner over the dataset
     * @param featureColumns the block columns of the p features
     * @param targetColumn   the block column of the class label
     * @param features       the features' names, one per column
     * @param target         the target's name
     * @param o              the options
     * @return the model, without name, version or provenance
     */
    public static ModelDocument fit(PassRunner runner, int[] featureColumns, int targetColumn, List<String> features,
                                    String target, NaiveBayesOptions o) {
        return fit(runner, featureColumns, targetColumn, features, target, o, -1, null);
    }

    /**
     * Fits the model with frequency weights: one more pass first, which refuses a negative or non-finite weight
     * naming the row ({@link Weights#check}).
     *
     * @param runner         the pass runner over the dataset
     * @param featureColumns the block columns of the p features
     * @param targetColumn   the block column of the class label
     * @param features       the features' names, one per column
     * @param target         the target's name
     * @param o              the options
     * @param weightColumn   the block column of the frequency weights, or −1 for none
     * @param weights        the weight column's name (recorded in the model), or null for none
     * @return the model, without name, version or provenance
     */
    public static ModelDocument fit(PassRunner runner, int[] featureColumns, int targetColumn, List<String> features,
                                    String target, NaiveBayesOptions o, int weightColumn, String weights) {
        int p = featureColumns.length;
        if (p == 0 || features.size() != p) {
            throw new BadInputException("need at least one feature and one name per feature column; got "
                    + p + " columns and " + features.size() + " names");
        }
        if (weightColumn >= 0) {
            Weights.check(runner, weightColumn, weights);
        }
        SortedMap<Long, double[]> firsts = runner.sample(new ClassSampler(featureColumns, targetColumn, weightColumn));
        int k = 0;
        for (Map.Entry<Long, double[]> e : firsts.entrySet()) {
            double y = e.getValue()[0];
            if (y != Math.rint(y) || y < 0 || y >= MAX_CLASSES) {
                throw new BadInputException("row " + e.getKey() + " (0-based): target " + target + " = " + y
                        + " is not a class label; labels must be the integers 0, 1, …, K−1");
            }
            k = Math.max(k, (int) y + 1);
        }
        double[] shifts = new double[k * p];
        boolean[] have = new boolean[k];
        for (double[] row : firsts.values()) { // row-id order: the lowest-id row of each class wins
            int c = (int) row[0];
            if (!have[c]) {
                have[c] = true;
                System.arraycopy(row, 1, shifts, c * p, p);
            }
        }
        double[] s = runner.sum(new ClassMomentsKernel(featureColumns, targetColumn, k, shifts, weightColumn));
        long nonFinite = (long) s[ClassMomentsKernel.nonFiniteSlot(k, p)];
        long nonFiniteTarget = (long) s[ClassMomentsKernel.nonFiniteTargetSlot(k, p)];
        if (nonFinite > 0 && !o.skipMissing()) {
            throw OptionException.worded(nonFinite + " rows have a missing or non-finite value in a feature or the"
                    + " target; naive Bayes needs every used value finite (drop or impute them first, or leave out"
                    + " rows with a missing feature with {missing} skip)");
        }
        if (nonFiniteTarget > 0) {
            throw OptionException.worded(nonFiniteTarget + " rows have a missing or non-finite target " + target
                    + "; a row without a label cannot be used ({missing} skip leaves out rows with a missing feature"
                    + " only): remove them first");
        }
        if (k == 0 || s[ClassMomentsKernel.badLabelSlot(k, p)] > 0) {
            throw new BadInputException("no rows with a valid class label 0…K−1 in " + target);
        }
        for (int c = 0; c < k; c++) {
            if (!have[c]) {
                throw new BadInputException("class " + c + " has no rows, but labels go up to " + (k - 1)
                        + "; labels must be 0…K−1 with every class present");
            }
        }
        ModelDocument m = model(runner, featureColumns, targetColumn, features, target, o, s, shifts, k, nonFinite,
                weightColumn);
        return weightColumn < 0 ? m : m.withExtensions(Map.of(Weights.OPTION, weights));
    }

    private static ModelDocument model(PassRunner runner, int[] cols, int targetColumn, List<String> features,
                                       String target, NaiveBayesOptions o, double[] s, double[] shifts, int k,
                                       long skipped, int weightColumn) {
        int p = cols.length;
        int stride = 1 + 2 * p;
        double n = 0; // Σ n_k: rows, or Σw (exact: the sum of the exactly summed class totals, whole or not)
        BigDecimal total = BigDecimal.ZERO;
        for (int c = 0; c < k; c++) {
            total = total.add(new BigDecimal(s[c * stride]));
        }
        n = total.doubleValue();
        double[] priors = new double[k];
        double[][] means = new double[k][p];
        double[][] vars = new double[k][p];
        BigDecimal[] sumX = zeros(p);
        BigDecimal[] sumX2 = zeros(p);
        for (int c = 0; c < k; c++) {
            double nk = s[c * stride];
            priors[c] = nk / n;
            BigDecimal bn = new BigDecimal(nk);
            for (int j = 0; j < p; j++) {
                BigDecimal e = new BigDecimal(s[c * stride + 1 + j]);
                BigDecimal q = new BigDecimal(s[c * stride + 1 + p + j]);
                BigDecimal sh = new BigDecimal(shifts[c * p + j]);
                means[c][j] = sh.add(e.divide(bn, MC)).doubleValue();
                vars[c][j] = q.subtract(e.multiply(e).divide(bn, MC)).divide(bn, MC).doubleValue();
                // Σx = e + n s and Σx² = q + 2 s e + n s², exactly, for the all-rows variance behind ε.
                sumX[j] = sumX[j].add(e).add(bn.multiply(sh));
                sumX2[j] = sumX2[j].add(q).add(sh.multiply(e).multiply(BigDecimal.valueOf(2)))
                        .add(bn.multiply(sh).multiply(sh));
            }
        }
        BigDecimal bn = total;
        double maxVar = 0;
        for (int j = 0; j < p; j++) {
            double v = sumX2[j].subtract(sumX[j].multiply(sumX[j]).divide(bn, MC)).divide(bn, MC).doubleValue();
            maxVar = Math.max(maxVar, v);
        }
        double eps = o.varSmoothing() * maxVar;
        for (double[] row : vars) {
            for (int j = 0; j < p; j++) {
                row[j] += eps;
            }
        }
        List<Integer> classes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            classes.add(c);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        if (weightColumn < 0) {
            summary.put("rows", (long) n);
        } else {
            summary.put("rows", (long) s[ClassMomentsKernel.positiveWeightSlot(k, p)]);
            summary.put(Weights.WEIGHT_SUM, Weights.count(n));
        }
        if (o.skipMissing()) {
            summary.put(Missing.SKIPPED_ROWS, skipped);
        }
        summary.put("varSmoothing", o.varSmoothing());
        summary.put("epsilon", eps);
        ModelDocument m = new ModelDocument(ModelDocument.FORMAT, null, 0, "naive-bayes", target, features, null,
                null, null, null, null, null, classes, null, null, null, null, null, null, priors, means, vars,
                summary, null, null, null);
        return score(runner, cols, targetColumn, m, k, weightColumn);
    }

    /** The scoring pass: confusion matrix (rows true, columns predicted) and accuracy on the training rows. */
    private static ModelDocument score(PassRunner runner, int[] cols, int targetColumn, ModelDocument m, int k,
                                       int weightColumn) {
        double[] s = runner.sum(new ClassificationKernel(ModelJson.write(m), cols, targetColumn, k, weightColumn));
        List<List<Number>> confusion = new ArrayList<>();
        double correct = 0;
        for (int t = 0; t < k; t++) {
            List<Number> row = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                row.add(weightColumn < 0 ? (Number) (long) s[t * k + c] : Weights.count(s[t * k + c]));
            }
            correct += s[t * k + t];
            confusion.add(row);
        }
        double scored = s[k * k + 1];
        Map<String, Object> summary = new LinkedHashMap<>(m.summary());
        summary.put("confusionMatrix", confusion);
        // insertion order, not Map.of's per-JVM order: the model JSON must be the same bytes on every run
        Map<String, Double> train = new LinkedHashMap<>();
        train.put("accuracy", correct / scored);
        train.put("logLoss", s[k * k] / scored);
        Map<String, Map<String, Double>> metrics = Map.of("train", train);
        return new ModelDocument(m.format(), null, 0, m.algorithm(), m.target(), m.features(), null, null, null,
                null, null, null, m.classes(), null, null, null, null, null, null, m.classPriors(), m.means(),
                m.variances(), summary, metrics, null, null);
    }

    /**
     * Log posterior probabilities log p(y = k | x), normalised with log-sum-exp so that they are finite even
     * when every joint likelihood underflows.
     *
     * @param m a naive Bayes model
     * @param x one row of features, in model order
     * @return log p(y = k | x) for each class k, in the order of {@code classes}
     */
    public static double[] predict(ModelDocument m, double[] x) {
        double[] pri = m.classPriors();
        double[] l = new double[pri.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < l.length; c++) {
            double v = Math.log(pri[c]);
            for (int j = 0; j < x.length; j++) {
                double var = m.variances()[c][j];
                double d = x[j] - m.means()[c][j];
                v -= 0.5 * Math.log(2 * Math.PI * var) + d * d / (2 * var);
            }
            l[c] = v;
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : l) {
            sum += Math.exp(v - max);
        }
        double lse = max + Math.log(sum);
        for (int c = 0; c < l.length; c++) {
            l[c] -= lse;
        }
        return l;
    }

    private static BigDecimal[] zeros(int p) {
        BigDecimal[] z = new BigDecimal[p];
        java.util.Arrays.fill(z, BigDecimal.ZERO);
        return z;
    }
}
