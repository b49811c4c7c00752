package io.gridlearn.kmeans;

import io.gridlearn.OptionException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.pass.Weights;
import io.gridlearn.runtime.Learner;
import io.gridlearn.runtime.LearnerOption;
import io.gridlearn.runtime.LearnerOption.Type;
import io.gridlearn.runtime.LearnerSpec;
import io.gridlearn.runtime.OptionValues;

import java.util.List;

import static io.gridlearn.model.ModelValidation.vector;
import static io.gridlearn.model.ModelValidation.need;

/**
 * k-means in the learner runtime. A model predicts the index of the nearest centre in squared Euclidean
 * distance, Σⱼ (xⱼ − cₖⱼ)² accumulated with fused multiply-adds in feature order; ties go to the lower index.
 */
public final class KMeansLearner implements Learner {
    @Override
    public List<String> algorithms() {
        return List.of("kmeans");
    }

    @Override
    public String description() {
        return "k-means: Lloyd iterations from exact per-cluster sums, k-means|| or random or given initial rows";
    }

    @Override
    public List<LearnerOption> options() {
        return List.of(
                LearnerOption.of("k", Type.INT, "K", "Number of clusters (required)."),
                LearnerOption.of("init", Type.STRING, "INIT",
                        "Initialisation: kmeans-parallel (default), random, or rows:I,J,... (0-based row numbers)."),
                LearnerOption.of("maxIter", Type.INT, "N", "Lloyd iterations at most (default 300)."),
                LearnerOption.of("tol", Type.DOUBLE, "T", "Stop when the centres move less than this in total squared distance (default 0)."),
                LearnerOption.of("decay", Type.DOUBLE, "A", "Live kmeans: weight kept by old rows at each change, in (0, 1] (default 1: no forgetting)."),
                LearnerOption.of(Weights.OPTION, Type.STRING, "COL", Weights.DESCRIPTION));
    }

    @Override
    public boolean supervised(String algorithm) {
        return false;
    }

    @Override
    public LearnerSpec spec(String algorithm, OptionValues v) {
        v.refuse(algorithm, "it is fit on every row", "testFraction", "folds", "path");
        Integer k = v.intValue("k", null);
        if (k == null) {
            throw OptionException.worded("fit kmeans needs {k} (the number of clusters)");
        }
        KMeansOptions o = new KMeansOptions(k, v.intValue("maxIter", KMeansOptions.DEFAULT_MAX_ITER),
                v.doubleValue("tol", 0.0), v.string("init", "kmeans-parallel"), v.longValue("seed", 42L),
                v.string("missing", "error"));
        return new KMeansSpec(v.strings("features"), v.string(Weights.OPTION, null), o, v.on("live"),
                v.doubleValue("decay", 1.0));
    }

    @Override
    public RowPredictor predictor(ModelDocument m) {
        double[][] centres = m.centers();
        return x -> {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int k = 0; k < centres.length; k++) {
                double d = 0;
                for (int j = 0; j < x.length; j++) {
                    double t = x[j] - centres[k][j];
                    d = Math.fma(t, t, d);
                }
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
            return best;
        };
    }

    @Override
    public boolean predictsLabels(ModelDocument model) {
        return true;
    }

    @Override
    public void validate(ModelDocument m, String origin) {
        need(m.centers() != null && m.centers().length > 0, origin, "kmeans", "centers");
        for (double[] c : m.centers()) {
            vector(c, m.features().size(), origin, "centers");
        }
    }

    @Override
    public java.util.Optional<io.gridlearn.runtime.LiveHandler> live() {
        return java.util.Optional.of(io.gridlearn.runtime.LiveHandler.of(StreamingKMeans::onAppend, StreamingKMeans::onChange,
                StreamingKMeans::unregisterDataset));
    }

    @Override
    public java.util.Optional<io.gridlearn.report.ReportSection> report() {
        return java.util.Optional.of(new KMeansReport());
    }
}
