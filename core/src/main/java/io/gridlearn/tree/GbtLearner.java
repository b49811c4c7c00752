package io.gridlearn.tree;

import io.gridlearn.BadInputException;
import io.gridlearn.OptionException;
import io.gridlearn.PredictionType;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.model.FeatureBinding;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.pass.Weights;
import io.gridlearn.runtime.Learner;
import io.gridlearn.runtime.LearnerOption;
import io.gridlearn.runtime.LearnerOption.Type;
import io.gridlearn.runtime.LearnerSpec;
import io.gridlearn.runtime.OptionValues;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.gridlearn.model.ModelValidation.need;

/**
 * Gradient-boosted trees ({@code gbt}) in the learner runtime, by the histogram method with XGBoost 1.7's
 * {@code hist} parameters and defaults ({@link GbtTrainer}): the same model bits on any number of members.
 * A squared-error model predicts a value; a logistic one predicts the class (1 when σ(m) &gt; ½) and its
 * probabilities, and on the link scale the margin m; a softmax one predicts the class of the largest margin and the
 * softmax probabilities, as the {@code softmax} learner (no link scale). {@code evaluate} scores a logistic or
 * softmax model as every classifier
 * (accuracy, log loss, confusion matrix) and a squared-error model by R², MSE, RMSE and MAE
 * ({@link GbtEvalKernel}).
 */
public final class GbtLearner implements Learner {
    @Override
    public List<String> algorithms() {
        return List.of(GbtModel.ALGORITHM);
    }

    @Override
    public String description() {
        return "gradient-boosted trees by the histogram method, XGBoost 1.7 hist's parameters (squared-error,"
                + " logistic, softmax); exact fixed-point histograms, the same trees on any number of members";
    }

    @Override
    public List<LearnerOption> options() {
        return List.of(
                LearnerOption.of("objective", Type.STRING, "NAME", "Loss: " + Objective.names() + " (required)."),
                LearnerOption.of("trees", Type.INT, "N", "Boosting rounds, one tree each (one per class for"
                        + " softmax) (default " + GbtOptions.DEFAULT_TREES + ")."),
                LearnerOption.of("maxDepth", Type.INT, "D", "Deepest split level + 1, as XGBoost's max_depth (default "
                        + GbtOptions.DEFAULT_MAX_DEPTH + ")."),
                LearnerOption.of("eta", Type.DOUBLE, "E", "Learning rate in (0, 1] (default " + GbtOptions.DEFAULT_ETA
                        + ")."),
                LearnerOption.of("lambda", Type.DOUBLE, "L", "For gbt: L2 penalty on leaf weights >= 0 (default 1)."),
                LearnerOption.of("gamma", Type.DOUBLE, "G", "Least loss reduction of a split >= 0 (default 0)."),
                LearnerOption.of("minChildWeight", Type.DOUBLE, "W", "Least Hessian sum in a child >= 0 (default 1)."),
                LearnerOption.of("maxBins", Type.INT, "B", "Most bins per feature, missing values apart (default "
                        + GbtOptions.DEFAULT_MAX_BINS + ")."),
                LearnerOption.of("subsample", Type.DOUBLE, "S", "Share of rows each tree is grown on, in (0, 1], drawn"
                        + " by a hash of row id, tree and --seed (default 1)."),
                LearnerOption.of("colsampleBytree", Type.DOUBLE, "C", "Share of features each tree may split on, in"
                        + " (0, 1], drawn per tree from --seed (default 1)."),
                LearnerOption.of("testFraction", Type.DOUBLE, "F", "Hold out this share of rows (by a hash of the row id"
                        + " and --seed): not fitted, scored after every tree (default 0)."),
                LearnerOption.of("earlyStoppingRounds", Type.INT, "N", "Stop when the --test-fraction share's"
                        + " rmse/logloss/mlogloss has not improved for N trees; the model keeps the trees up to the best."),
                LearnerOption.of(Weights.OPTION, Type.STRING, "COL", "Instance weights, as XGBoost's: each row's"
                        + " gradient and Hessian times its weight (>= 0; 2 counts a row twice, 0 leaves it out)."));
    }

    @Override
    public boolean supervised(String algorithm) {
        return true;
    }

    @Override
    public LearnerSpec spec(String algorithm, OptionValues v) {
        v.refuse(algorithm, "it is fit on every row but the --test-fraction share; evaluate it with 'evaluate' on"
                + " held-out data", "folds", "path");
        v.refuse(algorithm, "only the linear family and kmeans keep live models", "live");
        String missing = v.string("missing", "error");
        if (!"error".equals(missing)) {
            throw new OptionException("missing", "does not apply to gbt: missing feature values (NaN) are kept in"
                    + " their own bin and each split learns where they go; was '" + missing + "'");
        }
        if (!v.has("objective")) {
            throw new BadInputException("fit gbt needs --objective: one of " + Objective.names());
        }
        GbtOptions o = new GbtOptions(Objective.of(v.string("objective", null), "objective"),
                v.intValue("trees", GbtOptions.DEFAULT_TREES), v.intValue("maxDepth", GbtOptions.DEFAULT_MAX_DEPTH),
                v.doubleValue("eta", GbtOptions.DEFAULT_ETA), v.doubleValue("lambda", GbtOptions.DEFAULT_LAMBDA),
                v.doubleValue("gamma", GbtOptions.DEFAULT_GAMMA),
                v.doubleValue("minChildWeight", GbtOptions.DEFAULT_MIN_CHILD_WEIGHT),
                v.intValue("maxBins", GbtOptions.DEFAULT_MAX_BINS),
                v.doubleValue("subsample", GbtOptions.DEFAULT_SUBSAMPLE),
                v.doubleValue("colsampleBytree", GbtOptions.DEFAULT_COLSAMPLE_BYTREE),
                v.doubleValue("testFraction", 0.0), v.intValue("earlyStoppingRounds", 0)).checked();
        return new GbtSpec(v.string("target", null), v.strings("features"), o, v.longValue("seed", 42L),
                v.string(Weights.OPTION, null));
    }

    @Override
    public RowPredictor predictor(ModelDocument m) {
        return GbtModel.predictor(m, false);
    }

    /** The link scale of a logistic model is its margin m (log-odds); a squared-error model's is its prediction. */
    @Override
    public RowPredictor predictor(ModelDocument m, PredictionType type) {
        return GbtModel.predictor(m, type == PredictionType.LINK);
    }

    @Override
    public boolean predictsLabels(ModelDocument m) {
        return GbtModel.objective(m).classifies();
    }

    /** Squared error: R², MSE, RMSE and MAE from exact sums; logistic, softmax: the common classifier evaluation. */
    @Override
    public Optional<Map<String, Object>> evaluate(ModelDocument m, PassRunner runner, DatasetSchema schema) {
        if (GbtModel.objective(m).classifies()) {
            return Optional.empty();
        }
        int[] inputs = FeatureBinding.inputColumns(m, schema.columns(), "dataset '" + schema.name() + "'");
        int target = FeatureBinding.targetColumn(m, schema.columns());
        if (target < 0) {
            throw new BadInputException("dataset '" + schema.name() + "' has no target column '" + m.target() + "'");
        }
        double[] s = runner.sum(new GbtEvalKernel(ModelJson.write(m), inputs, target));
        double n = s[GbtEvalKernel.ROWS];
        double mse = s[GbtEvalKernel.SSE] / n;
        double sst = s[GbtEvalKernel.SYY] - s[GbtEvalKernel.SY] * s[GbtEvalKernel.SY] / n;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", (long) n);
        out.put("r2", 1 - s[GbtEvalKernel.SSE] / sst);
        out.put("mse", mse);
        out.put("rmse", Math.sqrt(mse));
        out.put("mae", s[GbtEvalKernel.SAE] / n);
        if (s[GbtEvalKernel.SKIPPED] > 0) {
            out.put("rowsSkipped", (long) s[GbtEvalKernel.SKIPPED]);
        }
        return Optional.of(out);
    }

    @Override
    public void validate(ModelDocument m, String origin) {
        need(m.extension("objective") instanceof String, origin, GbtModel.ALGORITHM, "an \"objective\" ("
                + Objective.names() + ")");
        try {
            GbtModel.objective(m);
        } catch (BadInputException e) {
            need(false, origin, GbtModel.ALGORITHM, "a known objective (" + e.getMessage() + ")");
        }
        need(m.extension("baseScore") instanceof Number b && b.doubleValue() > 0 && b.doubleValue() < 1, origin,
                GbtModel.ALGORITHM, "a \"baseScore\" in (0, 1)");
        int count = 0;
        try {
            count = GbtModel.trees(m, m.features().size()).size();
        } catch (IllegalArgumentException e) {
            need(false, origin, GbtModel.ALGORITHM, "well-formed \"trees\" (" + e.getMessage() + ")");
        }
        if (GbtModel.objective(m) == Objective.SOFTMAX) {
            need(m.classes() != null && m.classes().size() >= 2, origin, GbtModel.ALGORITHM, "\"classes\" [0, …, K-1]"
                    + " with K >= 2 for a softmax model");
            need(count % m.classes().size() == 0, origin, GbtModel.ALGORITHM, "whole rounds of " + m.classes().size()
                    + " trees (one per class), not " + count + " trees");
        }
    }

    /** Loss per round or tree, feature importance, and for classifiers the confusion matrix, ROC and calibration. */
    @Override
    public Optional<io.gridlearn.report.ReportSection> report() {
        return Optional.of(new TreeReport());
    }
}
