package io.gridlearn.logistic;

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

import static io.gridlearn.model.ModelValidation.vector;
import static io.gridlearn.model.ModelValidation.need;

/**
 * Binary logistic ({@code logistic}) and multinomial ({@code softmax}) regression in the learner runtime.
 * A binary model predicts class 1 when b₀ + x·b > 0, with P(1) = 1/(1 + e^−(b₀ + x·b)); a softmax model
 * predicts the class of the largest score b₀ₖ + x·bₖ, with probabilities by the log-sum-exp form of softmax.
 */
public final class LogisticLearner implements Learner {
    @Override
    public List<String> algorithms() {
        return List.of("logistic", "softmax");
    }

    @Override
    public String description() {
        return "logistic (binary) and softmax (multinomial) regression by Newton/IRLS or L-BFGS, one pass per "
                + "iteration, elastic net by coordinate descent on the quadratic approximation";
    }

    @Override
    public List<LearnerOption> options() {
        return List.of(
                LearnerOption.of("lambda", Type.DOUBLE, "L", "Penalty strength λ >= 0 (default 0: maximum likelihood)."),
                LearnerOption.of("alpha", Type.DOUBLE, "A", "L1 share of the penalty, in [0, 1] (default 0)."),
                LearnerOption.flag("standardize", "Penalise z-scored features (population sd); report original-scale coefficients."),
                LearnerOption.flag("noIntercept", "Fit without an intercept."),
                LearnerOption.of("solver", Type.STRING, "NAME", "newton (default) or lbfgs."),
                LearnerOption.of("maxIter", Type.INT, "N", "Iterations at most (default 100)."),
                LearnerOption.of("tol", Type.DOUBLE, "T", "Convergence tolerance (default 1e-10)."),
                LearnerOption.of(Weights.OPTION, Type.STRING, "COL", Weights.DESCRIPTION));
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
        LogisticOptions o = new LogisticOptions(v.doubleValue("lambda", 0.0), v.doubleValue("alpha", 0.0),
                v.on("standardize"), !v.on("noIntercept"), v.string("solver", LogisticOptions.NEWTON),
                v.intValue("maxIter", LogisticOptions.DEFAULT_MAX_ITER), v.doubleValue("tol", LogisticOptions.DEFAULT_TOL),
                v.string("missing", "error"));
        return new LogisticSpec(algorithm.equals("softmax"), v.string("target", null), v.strings("features"),
                v.string(Weights.OPTION, null), o, v.longValue("seed", 42L));
    }

    @Override
    public RowPredictor predictor(ModelDocument m) {
        return m.algorithm().equals("softmax") ? softmax(m) : binary(m);
    }

    /**
     * The response is the predicted class (as {@link #predictor(ModelDocument)}); the link scale of a binary model
     * is its log-odds of the second class, η = b₀ + x·b (statsmodels' {@code predict(linear=True)}, Spark's raw
     * prediction). A softmax model has one linear predictor per class, not one link scale: refused.
     */
    @Override
    public RowPredictor predictor(ModelDocument m, io.gridlearn.PredictionType type) {
        if (type == io.gridlearn.PredictionType.RESPONSE) {
            return predictor(m);
        }
        if (m.algorithm().equals("softmax")) {
            throw io.gridlearn.OptionException.worded("{type} link does not apply to a softmax model: it has one"
                    + " linear predictor per class, not one link scale; predict it with {type} response, the default");
        }
        double b0 = m.intercept();
        double[] b = m.coefficients();
        return x -> Predictors.dot(b0, b, x);
    }

    @Override
    public boolean predictsLabels(ModelDocument model) {
        return true;
    }

    private static RowPredictor binary(ModelDocument m) {
        double b0 = m.intercept();
        double[] b = m.coefficients();
        return new RowPredictor() {
            @Override
            public double predict(double[] x) {
                return Predictors.dot(b0, b, x) > 0 ? 1 : 0;
            }

            @Override
            public double[] probabilities(double[] x) {
                double eta = Predictors.dot(b0, b, x);
                double p1 = eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
                return new double[] {1 - p1, p1};
            }
        };
    }

    private static RowPredictor softmax(ModelDocument m) {
        double[] b0 = m.intercepts();
        double[][] w = m.coefficientMatrix();
        return new RowPredictor() {
            @Override
            public double predict(double[] x) {
                return Predictors.argmax(scores(x));
            }

            @Override
            public double[] probabilities(double[] x) {
                return Predictors.normalise(scores(x));
            }

            private double[] scores(double[] x) {
                double[] s = new double[b0.length];
                for (int k = 0; k < s.length; k++) {
                    s[k] = Predictors.dot(b0[k], w[k], x);
                }
                return s;
            }
        };
    }

    @Override
    public void validate(ModelDocument m, String origin) {
        int p = m.features().size();
        if (m.algorithm().equals("softmax")) {
            need(m.intercepts() != null && m.coefficientMatrix() != null, origin, "softmax", "intercepts and coefficientMatrix");
            need(m.coefficientMatrix().length == m.intercepts().length, origin, "softmax", "one coefficient row per intercept");
            for (double[] row : m.coefficientMatrix()) {
                vector(row, p, origin, "coefficientMatrix rows");
            }
        } else {
            need(m.intercept() != null && m.coefficients() != null, origin, "logistic", "intercept and coefficients");
            vector(m.coefficients(), p, origin, "coefficients");
        }
    }

    @Override
    public java.util.Optional<io.gridlearn.report.ReportSection> report() {
        return java.util.Optional.of(new LogisticReport());
    }
}
