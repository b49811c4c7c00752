package io.gridlearn.glm;

import io.gridlearn.BadInputException;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.eval.HistogramAuc;
import io.gridlearn.model.FeatureBinding;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.pass.PassRunner;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code evaluate} of a GLM: its mean deviance and its family's metrics on a dataset, from the exact sums of one
 * pass next to the data ({@link GlmEvalKernel}; two for the Gaussian R²), so the same bits on any number of
 * members. Each row is scored as {@code predict} scores it, μ = g⁻¹(b₀ + x·b + offset), with the row's offset from
 * the dataset's offset column when the model was fit with one (data without that column is refused). When the
 * model was fit with frequency weights and the dataset has the weights column (by name), every sum is weighted
 * by it, as statsmodels' {@code freq_weights}; otherwise every row has weight 1. With fᵢ the weights, n = Σfᵢ,
 * rᵢ = yᵢ − μᵢ and d the family's unit deviance:
 * <pre>
 *   deviance = Σ fᵢ d(yᵢ, μᵢ)          meanDeviance = deviance / n
 *   rmse = √(Σ fᵢ rᵢ² / n)              mae = Σ fᵢ |rᵢ| / n
 *   Gaussian:  mse = Σ fᵢ rᵢ² / n,  r2 = 1 − Σ fᵢ rᵢ² / Σ fᵢ (yᵢ − ȳ)²,  ȳ = Σ fᵢ yᵢ / n
 *   binomial:  logLoss = −Σ fᵢ [yᵢ log μᵢ' + (1 − yᵢ) log(1 − μᵢ')] / n,  μ' = μ clipped to [1e-15, 1 − 1e-15]
 *              auc = P(μ of a y = 1 row &gt; μ of a y = 0 row) + ½ P(tie), pairs weighted by fᵢfⱼ
 * </pre>
 * meanDeviance is scikit-learn's {@code mean_poisson_deviance}, {@code mean_gamma_deviance} and
 * {@code mean_tweedie_deviance(power=p)} with {@code sample_weight} = the weights, and the mean squared error for
 * Gaussian; on the training data it is statsmodels' {@code deviance / nobs}. The AUC is computed from the weights of
 * each class in {@value GlmEvalKernel#BINS} equal bins of logit(μ) on [−40, 40] (as logistic regression's training
 * AUC): a positive and a negative row in the same bin count as a tie; it is given only when every scored response
 * is 0 or 1 and both classes are present.
 *
 * <p>Rows with a missing (non-finite) feature, offset, response or weight are left out and counted
 * ({@code rowsSkipped}). Refused, with exit status 2 on the command line and nothing computed: a response outside
 * the family's support (a negative count for Poisson, …), a negative weight, and a row whose fitted mean leaves the
 * family's domain (a Gamma model with the inverse link whose η is negative there): the deviance is not defined.
 */
final class GlmEvaluation {
    private GlmEvaluation() {
    }

    static Map<String, Object> evaluate(ModelDocument m, PassRunner runner, DatasetSchema schema) {
        String where = "dataset '" + schema.name() + "'";
        int[] inputs = FeatureBinding.inputColumns(m, schema.columns(), where);
        int target = FeatureBinding.targetColumn(m, schema.columns());
        if (target < 0) {
            throw new BadInputException(where + " has no target column '" + m.target() + "' to evaluate against");
        }
        String weights = m.extension("weights") instanceof String w ? w : null;
        int weight = -1;
        if (weights != null && schema.columnNames().contains(weights)) {
            weight = schema.columnIndex(weights);
            if (schema.columns().get(weight).kind() != ColumnKind.NUMERIC) {
                throw new BadInputException(where + ": column '" + weights + "' (the model's frequency weights)"
                        + " holds text; every value of it must be a number");
            }
        }
        Distribution d = GlmLearner.distribution(m);
        String json = ModelJson.write(m);
        double[] s = runner.sum(new GlmEvalKernel(json, inputs, target, weight, 0.0));
        refuse(s, m, d, where, weights);
        double n = s[GlmEvalKernel.WEIGHT];
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", (long) s[GlmEvalKernel.ROWS]);
        if (s[GlmEvalKernel.SKIPPED] > 0) {
            out.put("rowsSkipped", (long) s[GlmEvalKernel.SKIPPED]);
        }
        if (weight >= 0) {
            out.put("weights", weights);
            out.put("weightSum", n);
        }
        double deviance = s[GlmEvalKernel.DEVIANCE];
        double mse = s[GlmEvalKernel.SQUARED] / n;
        out.put("meanDeviance", deviance / n);
        out.put("deviance", n > 0 ? deviance : Double.NaN);
        out.put("rmse", Math.sqrt(mse));
        out.put("mae", s[GlmEvalKernel.ABSOLUTE] / n);
        if (d.family == Family.GAUSSIAN) {
            out.put("mse", mse);
            double tss = Double.NaN;
            if (n > 0) {
                double mean = s[GlmEvalKernel.Y] / n;
                double[] c = runner.sum(new GlmEvalKernel(json, inputs, target, weight, mean));
                // corrected two-pass sum of squares about the mean (Chan, Golub and LeVeque 1983)
                tss = c[GlmEvalKernel.YY] - c[GlmEvalKernel.Y] * c[GlmEvalKernel.Y] / n;
            }
            out.put("r2", tss > 0 ? 1 - s[GlmEvalKernel.SQUARED] / tss : Double.NaN);
        }
        if (d.family == Family.BINOMIAL) {
            out.put("logLoss", s[GlmEvalKernel.LOG_LOSS] / n);
            if (s[GlmEvalKernel.NOT_BINARY] == 0) {
                double auc = HistogramAuc.of(s, GlmEvalKernel.HEAD, GlmEvalKernel.BINS);
                if (!Double.isNaN(auc)) {
                    out.put("auc", auc);
                }
            }
        }
        return out;
    }

    private static void refuse(double[] s, ModelDocument m, Distribution d, String where, String weights) {
        long outside = (long) s[GlmEvalKernel.OUTSIDE_SUPPORT];
        if (outside > 0) {
            throw new BadInputException(where + ": " + outside + " row(s) have a response (column '" + m.target()
                    + "') outside the " + d.family.cliName() + " family's support (" + d.support() + " is needed);"
                    + " the deviance is not defined for them");
        }
        long negative = (long) s[GlmEvalKernel.NEGATIVE_WEIGHT];
        if (negative > 0) {
            throw new BadInputException(where + ": " + negative + " row(s) have a negative weight in column '"
                    + weights + "' (the model's frequency weights); weights must be >= 0");
        }
        long domain = (long) s[GlmEvalKernel.OUTSIDE_DOMAIN];
        if (domain > 0) {
            String allowed = d.family == Family.BINOMIAL ? "a mean in [0, 1]" : "a positive mean";
            throw new BadInputException(where + ": the model's " + d.link.cliName() + " link gives " + domain
                    + " row(s) a fitted mean outside the " + d.family.cliName() + " family's domain (" + allowed
                    + " is needed); the deviance is not defined for them");
        }
    }
}
