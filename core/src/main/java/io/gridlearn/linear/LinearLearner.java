package io.gridlearn.linear;

import io.gridlearn.OptionException;
import io.gridlearn.BadInputException;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.Predictors;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.pass.Weights;
import io.gridlearn.runtime.Learner;
import io.gridlearn.runtime.LearnerOption;
import io.gridlearn.runtime.LearnerOption.Type;
import io.gridlearn.runtime.LearnerSpec;
import io.gridlearn.runtime.OptionValues;

import java.util.List;

/**
 * The linear family in the learner runtime: {@code linear}, {@code ridge}, {@code lasso}, {@code elastic-net}.
 * Predictions are ŷ = b₀ + Σ bⱼxⱼ, fused multiply-adds in feature order (the same bits locally and in the grid).
 */
public final class LinearLearner implements Learner {
    @Override
    public List<String> algorithms() {
        return List.of("linear", "ridge", "lasso", "elastic-net");
    }

    @Override
    public String description() {
        return "exact least squares in one pass (QR or normal equations), ridge, lasso and elastic net by "
                + "coordinate descent on the exact cross products";
    }

    @Override
    public List<LearnerOption> options() {
        return List.of(
                LearnerOption.of("lambda", Type.DOUBLE, "L", "Penalty strength λ >= 0 (required by ridge, lasso, elastic-net)."),
                LearnerOption.of("alpha", Type.DOUBLE, "A", "L1 share of the penalty, in [0, 1]."),
                LearnerOption.flag("standardize", "Fit on z-scored features (population sd); report original-scale coefficients."),
                LearnerOption.flag("noIntercept", "Fit without an intercept."),
                LearnerOption.of("solver", Type.STRING, "NAME", "qr (numerically stable, default) or cholesky (normal equations)."),
                LearnerOption.of("testFraction", Type.DOUBLE, "F", "Hold out this share of rows (by a hash of the row id and --seed)."),
                LearnerOption.of("folds", Type.INT, "K", "k-fold cross-validation metrics."),
                LearnerOption.of("path", Type.INT, "N", "Also compute a regularisation path of N λ values from λ_max down."),
                LearnerOption.of("maxIter", Type.INT, "N", "Iterations at most (coordinate-descent sweeps; default 100000)."),
                LearnerOption.of("tol", Type.DOUBLE, "T", "Convergence tolerance (coordinate descent; default 1e-12)."),
                LearnerOption.of("method", Type.STRING, "METHOD", "exact (default) or average (one fit per block, averaged; for comparison)."),
                LearnerOption.of(Weights.OPTION, Type.STRING, "COL", Weights.DESCRIPTION));
    }

    @Override
    public boolean supervised(String algorithm) {
        return true;
    }

    @Override
    public LearnerSpec spec(String algorithm, OptionValues v) {
        int folds = v.intValue("folds", 0);
        if (folds == 1) {
            throw OptionException.worded("{folds} must be at least 2");
        }
        LinearOptions options = new LinearOptions(algorithm, v.doubleValue("lambda", Double.NaN),
                v.doubleValue("alpha", Double.NaN), v.on("standardize"), !v.on("noIntercept"),
                v.string("solver", "qr"), new RowGrouping(v.doubleValue("testFraction", 0.0), folds,
                v.longValue("seed", 42L)), v.string("missing", "error"), v.intValue("maxIter", 100_000),
                v.doubleValue("tol", 1e-12), v.intValue("path", 0), v.string("method", "exact"));
        return new LinearSpec(v.string("target", null), v.strings("features"), v.string(Weights.OPTION, null), options,
                v.on("live"));
    }

    @Override
    public RowPredictor predictor(ModelDocument m) {
        double b0 = m.intercept();
        double[] b = m.coefficients();
        return x -> Predictors.dot(b0, b, x);
    }

    /**
     * Both scales are ŷ = b₀ + x·b: the linear family has the identity link (a Gaussian GLM with the identity
     * link), so {@link io.gridlearn.PredictionType#LINK} gives the same bits as the response.
     */
    @Override
    public RowPredictor predictor(ModelDocument m, io.gridlearn.PredictionType type) {
        return predictor(m);
    }

    @Override
    public void validate(ModelDocument m, String origin) {
        int p = m.features().size();
        if (m.intercept() == null || m.coefficients() == null) {
            throw new BadInputException(origin + ": a " + m.algorithm() + " model needs \"intercept\" and \"coefficients\"");
        }
        if (m.coefficients().length != p) {
            throw new BadInputException(origin + ": " + m.coefficients().length + " coefficients for " + p + " features");
        }
        for (double c : m.coefficients()) {
            if (!Double.isFinite(c)) {
                throw new BadInputException(origin + ": a coefficient is not a finite number");
            }
        }
    }

    @Override
    public java.util.Optional<io.gridlearn.runtime.LiveHandler> live() {
        return java.util.Optional.of(io.gridlearn.runtime.LiveHandler.of(LiveModels::onAppend, LiveModels::onChange,
                LiveModels::unregisterDataset));
    }

    @Override
    public java.util.Optional<io.gridlearn.report.ReportSection> report() {
        return java.util.Optional.of(new LinearReport());
    }
}
