package io.gridlearn.pca;

import io.gridlearn.BadInputException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.runtime.Learner;
import io.gridlearn.runtime.LearnerOption;
import io.gridlearn.runtime.LearnerOption.Type;
import io.gridlearn.runtime.LearnerSpec;
import io.gridlearn.runtime.OptionValues;

import java.util.List;

import static io.gridlearn.model.ModelValidation.vector;
import static io.gridlearn.model.ModelValidation.need;

/** Principal component analysis in the learner runtime. A PCA model transforms rows; it does not predict one value. */
public final class PcaLearner implements Learner {
    @Override
    public List<String> algorithms() {
        return List.of("pca");
    }

    @Override
    public String description() {
        return "principal components from the exact covariance (or correlation) matrix, two passes";
    }

    @Override
    public List<LearnerOption> options() {
        return List.of(
                LearnerOption.of("components", Type.INT, "K", "Number of components (default: all)."),
                LearnerOption.flag("standardize", "Analyse z-scored columns (population sd): the correlation structure."));
    }

    @Override
    public boolean supervised(String algorithm) {
        return false;
    }

    @Override
    public LearnerSpec spec(String algorithm, OptionValues v) {
        v.refuse(algorithm, "it is fit on every row", "testFraction", "folds", "path");
        v.refuse(algorithm, "only the linear family and kmeans keep live models", "live");
        return new PcaSpec(v.strings("features"), v.intValue("components", null), v.on("standardize"),
                v.string("missing", "error"), v.longValue("seed", 42L));
    }

    @Override
    public RowPredictor predictor(ModelDocument m) {
        throw new BadInputException("a " + m.algorithm() + " model does not predict one value per row");
    }

    @Override
    public void validate(ModelDocument m, String origin) {
        need(m.components() != null, origin, "pca", "components");
        for (double[] c : m.components()) {
            vector(c, m.features().size(), origin, "components");
        }
    }

    @Override
    public java.util.Optional<io.gridlearn.report.ReportSection> report() {
        return java.util.Optional.of(new PcaReport());
    }
}
