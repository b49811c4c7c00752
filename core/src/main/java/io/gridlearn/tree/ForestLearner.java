package io.gridlearn.tree;

import io.gridlearn.BadInputException;
import io.gridlearn.OptionException;
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
 * Random forests ({@code random-forest}) in the learner runtime: Breiman's forest (2001) by {@code gbt}'s
 * histogram method ({@link ForestTrainer}), the same model bits on any number of members. A squared-error forest
 * predicts the trees' average; a Gini forest predicts the class (1 when the averaged class-1 share is above ½)
 * and its probabilities, and has no link scale. {@code evaluate} scores a Gini forest as every classifier
 * (accuracy, log loss, confusion matrix) and a squared-error forest by R², MSE, RMSE and MAE
 * ({@link GbtEvalKernel}, which runs any model's predictor).
 */
public final class ForestLearner implements Learner {
    @Override
    public List<String> algorithms() {
        return List.of(ForestModel.ALGORITHM);
    }

    @Override
    public String description() {
        return "Breiman's random forest (bootstrap rows, random features per split, averaged trees) by gbt's"
                + " histogram method (squared-error, gini); the same trees on any number of members";
    }

    @Override
    public List<LearnerOption> options() {
        return List.of(
                LearnerOption.of("objective", Type.STRING, "NAME", "Split criterion: " + ForestObjective.names()
                        + " (squared-error: regression; gini: binary classification, labels 0 or 1) (required)."),
                LearnerOption.of("trees", Type.INT, "N", "Trees in the forest (default "
                        + ForestOptions.DEFAULT_TREES + ")."),
                LearnerOption.of("maxDepth", Type.INT, "D", "Deepest split level + 1 (default "
                        + ForestOptions.DEFAULT_MAX_DEPTH + ")."),
                LearnerOption.of("minChildWeight", Type.DOUBLE, "W", "Least bootstrap weight in a child >= 0"
                        + " (default 1)."),
                LearnerOption.of("maxBins", Type.INT, "B", "Most bins per feature, missing values apart (default "
                        + ForestOptions.DEFAULT_MAX_BINS + ")."),
                LearnerOption.of("maxFeatures", Type.INT, "M", "Features tried per split (default: floor(sqrt(d))"
                        + " for gini, floor(d/3) for squared-error, at least 1)."),
                LearnerOption.of(Weights.OPTION, Type.STRING, "COL", "Instance weights: each row's bootstrap count"
                        + " times its weight (>= 0; 0 leaves the row out)."));
    }

    @Override
    public boolean supervised(String algorithm) {
        return true;
    }

    @Override
    public LearnerSpec spec(String algorithm, OptionValues v) {
        v.refuse(algorithm, "it is fit on every row; evaluate it with 'evaluate' on held-out data",
                "testFraction", "folds", "path");
        v.refuse(algorithm, "only the linear family and kmeans keep live models", "live");
        String missing = v.string("missing", "error");
        if (!"error".equals(missing)) {
            throw new OptionException("missing", "does not apply to random-forest: missing feature values (NaN) are"
                    + " kept in their own bin and each split learns where they go; was '" + missing + "'");
        }
        if (!v.has("objective")) {
            throw new BadInputException("fit random-forest needs --objective: one of " + ForestObjective.names());
        }
        ForestOptions o = new ForestOptions(ForestObjective.of(v.string("objective", null), "objective"),
                v.intValue("trees", ForestOptions.DEFAULT_TREES),
                v.intValue("maxDepth", ForestOptions.DEFAULT_MAX_DEPTH),
                v.doubleValue("minChildWeight", ForestOptions.DEFAULT_MIN_CHILD_WEIGHT),
                v.intValue("maxBins", ForestOptions.DEFAULT_MAX_BINS),
                v.intValue("maxFeatures", 0));
        if (v.has("maxFeatures") && o.maxFeatures() < 1) {
            throw new OptionException("maxFeatures", "must be >= 1, was " + o.maxFeatures());
        }
        return new ForestSpec(v.string("target", null), v.strings("features"), o, v.longValue("seed", 42L),
                v.string(Weights.OPTION, null));
    }

    @Override
    public RowPredictor predictor(ModelDocument m) {
        return ForestModel.predictor(m);
    }

    @Override
    public boolean predictsLabels(ModelDocument m) {
        return ForestModel.objective(m).classifier();
    }

    /** Squared error: R², MSE, RMSE and MAE from exact sums; Gini: the common classifier evaluation. */
    @Override
    public Optional<Map<String, Object>> evaluate(ModelDocument m, PassRunner runner, DatasetSchema schema) {
        if (ForestModel.objective(m).classifier()) {
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
        need(m.extension("objective") instanceof String, origin, ForestModel.ALGORITHM, "an \"objective\" ("
                + ForestObjective.names() + ")");
        try {
            ForestModel.objective(m);
        } catch (BadInputException e) {
            need(false, origin, ForestModel.ALGORITHM, "a known objective (" + e.getMessage() + ")");
        }
        try {
            ForestModel.trees(m, m.features().size());
        } catch (IllegalArgumentException e) {
            need(false, origin, ForestModel.ALGORITHM, "well-formed \"trees\" (" + e.getMessage() + ")");
        }
    }

    /** Loss per round or tree, feature importance, and for classifiers the confusion matrix, ROC and calibration. */
    @Override
    public Optional<io.gridlearn.report.ReportSection> report() {
        return Optional.of(new TreeReport());
    }
}
