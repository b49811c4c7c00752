package io.gridlearn.logistic;

import io.gridlearn.pass.Weights;
import io.gridlearn.BadInputException;
import io.gridlearn.eval.HistogramAuc;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.pass.Missing;
import io.gridlearn.pass.PassRunner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The driver half shared by {@link LogisticTrainer} and {@link SoftmaxTrainer}: checks, standardization,
 * solver, separation, standard errors, metrics and documents.
 */
final class FitDriver {
    static final int MAX_SOFTMAX_CLASSES = 1000;

    private final PassRunner runner;
    private final int[] cols;
    private final int target;
    private final List<String> features;
    private final String targetName;
    private final LogisticOptions options;
    private final boolean softmax;
    private final int weightColumn;
    private final String weightName;

    FitDriver(PassRunner runner, int[] cols, int target, List<String> features, String targetName,
              LogisticOptions options, boolean softmax, int weightColumn, String weightName) {
        this.weightColumn = weightColumn;
        this.weightName = weightName;
        this.runner = Objects.requireNonNull(runner, "runner");
        this.cols = cols.clone();
        this.target = target;
        this.features = List.copyOf(features);
        this.targetName = targetName;
        this.options = Objects.requireNonNull(options, "options");
        this.softmax = softmax;
        if (features.size() != cols.length) {
            throw new IllegalArgumentException(cols.length + " feature columns but " + features.size() + " names");
        }
        if (softmax && options.lambda() > 0 && options.alpha() > 0) {
            throw new BadInputException("softmax supports an L2 penalty or none (alpha = 0), got alpha "
                    + options.alpha());
        }
    }

    ModelDocument fit(IterationListener listener, ModelDocument resumeFrom) {
        IterationListener l = listener == null ? IterationListener.NONE : listener;
        if (weightColumn >= 0) {
            Weights.check(runner, weightColumn, weightName);
        }
        Preparation prep = Preparation.run(runner, cols, target, softmax ? MAX_SOFTMAX_CLASSES : 2, !softmax,
                options, features, targetName, weightColumn);
        int k = prep.classCounts().length;
        KernelObjective f = new KernelObjective(runner, cols, target, softmax ? k : 0, prep, options, weightColumn);
        SolverState start = Checkpoints.start(resumeFrom, f.d, f.q, features, prep, softmax);
        SolverState.Listener sl = s -> l.onIteration(document(s, prep, k, null, null, null, -1));
        SolverState end = LogisticOptions.LBFGS.equals(options.solver())
                ? LbfgsSolver.solve(f, options, start, sl)
                : NewtonSolver.solve(f, options, start, sl);
        double[][] se = null;
        if (!f.penalised()) {
            Evaluation e = end.eval().hessian() != null ? end.eval() : f.evaluate(end.theta(), true);
            double[] inverse;
            try {
                inverse = DenseMath.inverse(DenseMath.cholesky(e.hessian(), f.d), f.d);
            } catch (DenseMath.NotPositiveDefinite ex) {
                if (e.sure() > 0) {
                    throw Separation.error("singular Hessian at the end with " + Weights.count(e.sure())
                            + " rows fitted within 1e-10 of certainty");
                }
                throw new BadInputException("the Hessian of the log-likelihood is singular at the optimum:"
                        + " features are collinear; drop the redundant features or add a penalty");
            }
            Separation.checkInflation(e, inverse, f.d);
            if (!softmax) {
                se = standardErrors(inverse, f.d, prep, e.rows());
            }
        }
        MetricsKernel metrics = new MetricsKernel(cols, target, k, prep.center(), prep.scale(), end.theta(),
                weightColumn);
        double[] m = runner.sum(metrics);
        if (weightColumn < 0) {
            return document(end, prep, k, se, m, end.eval(), -1);
        }
        return document(end, prep, k, se, m, end.eval(), (long) m[metrics.positiveRowsSlot()])
                .withExtensions(Map.of(Weights.OPTION, weightName));
    }

    /**
     * Wald standard errors {@code sqrt(diag(H^{-1}))} of the sum log-likelihood's Hessian {@code H = n A},
     * carried to the original scale: {@code se(b_j) = se(θ_j)/s_j} and, as {@code b0 = a'θ} with
     * {@code a = (1, -c_1/s_1, ...)}, {@code var(b0) = a' H^{-1} a}. With frequency weights n is Σw (the
     * information of the rows repeated wᵢ times, as statsmodels' {@code freq_weights}).
     */
    private static double[][] standardErrors(double[] inverseA, int d, Preparation prep, double n) {
        double[] a = new double[d];
        a[0] = 1.0;
        double[] se = new double[d - 1];
        for (int j = 1; j < d; j++) {
            double s = prep.scale() == null ? 1.0 : prep.scale()[j - 1];
            a[j] = prep.center() == null ? 0.0 : -prep.center()[j - 1] / s;
            se[j - 1] = Math.sqrt(inverseA[j * d + j] / n) / s;
        }
        double v = 0.0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                v += a[i] * inverseA[i * d + j] * a[j];
            }
        }
        return new double[][] {{Math.sqrt(v / n)}, se};
    }

    /**
     * The model at a solver state; {@code metrics} null for a checkpoint. {@code positiveRows} is the number of
     * rows of positive weight (weighted fits), else −1.
     */
    private ModelDocument document(SolverState s, Preparation prep, int k, double[][] se, double[] metrics,
                                   Evaluation finalEval, long positiveRows) {
        int q = cols.length + 1;
        double[] orig = Scale.toOriginal(s.theta(), q, prep.center(), prep.scale());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("iteration", s.iteration());
        summary.put("objective", s.objective());
        summary.put("change", Double.isNaN(s.change()) ? null : s.change());
        summary.put("converged", s.converged());
        summary.put("solver", options.solver());
        summary.put("lambda", options.lambda());
        summary.put("alpha", options.alpha());
        summary.put("standardize", options.standardize());
        if (options.skipMissing()) {
            summary.put(Missing.SKIPPED_ROWS, prep.skipped());
        }
        summary.put("growing", s.growing());
        summary.put(Checkpoints.PARAMETERS, s.theta().clone());
        if (s.memoryS() != null) {
            summary.put("lbfgsS", s.memoryS());
            summary.put("lbfgsY", s.memoryY());
        }
        Map<String, Map<String, Double>> metricMap = null;
        if (metrics != null) {
            double n = weightColumn < 0 ? (double) (long) metrics[0] : metrics[0];
            if (weightColumn < 0) {
                summary.put("rows", (long) n);
            } else {
                summary.put("rows", positiveRows);
                summary.put(Weights.WEIGHT_SUM, Weights.count(n));
            }
            summary.put("logLikelihood", finalEval.logLik());
            List<List<Number>> confusion = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                List<Number> row = new ArrayList<>();
                for (int p = 0; p < k; p++) {
                    double c = metrics[5 + t * k + p];
                    row.add(weightColumn < 0 ? (Number) (long) c : Weights.count(c));
                }
                confusion.add(row);
            }
            summary.put("confusionMatrix", confusion);
            Map<String, Double> train = new LinkedHashMap<>();
            train.put("accuracy", metrics[4] / n);
            train.put("logLoss", metrics[3] / n);
            if (!softmax) {
                train.put("auc", HistogramAuc.of(metrics, 5 + k * k, MetricsKernel.BINS));
                summary.put("aucMethod", "histogram of the linear score, " + MetricsKernel.BINS
                        + " bins on [-40, 40]; same-bin pairs count 1/2");
            }
            metricMap = Map.of("train", train);
        }
        if (!softmax) {
            return new ModelDocument(ModelDocument.FORMAT, null, 0, "logistic", targetName, features, orig[0],
                    java.util.Arrays.copyOfRange(orig, 1, q), se == null ? null : se[0][0], se == null ? null : se[1],
                    null, null, List.of(0, 1), null, null, null, null, null, null, null, null, null, summary,
                    metricMap, null, null);
        }
        double[] intercepts = new double[k];
        double[][] w = new double[k][];
        double mean = 0.0;
        for (int c = 0; c < k; c++) {
            intercepts[c] = orig[c * q];
            w[c] = java.util.Arrays.copyOfRange(orig, c * q + 1, (c + 1) * q);
            mean += intercepts[c] / k;
        }
        for (int c = 0; c < k && options.intercept(); c++) {
            intercepts[c] -= mean; // the likelihood is shift invariant: report sum(b) = 0 exactly
        }
        List<Integer> classes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            classes.add(c);
        }
        return new ModelDocument(ModelDocument.FORMAT, null, 0, "softmax", targetName, features, null, null, null,
                null, null, null, classes, intercepts, w, null, null, null, null, null, null, null, summary,
                metricMap, null, null);
    }
}
