package io.gridlearn.bayes;

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
 * Gaussian naive Bayes in the learner runtime. A model predicts argmaxₖ [log πₖ − Σⱼ (½ log(2π σ²ₖⱼ) +
 * (xⱼ − μₖⱼ)²/(2σ²ₖⱼ))], with class probabilities by the log-sum-exp form.
 */
public final class NaiveBayesLearner implements Learner {
    @Override
    public List<String> algorithms() {
        return List.of("naive-bayes");
    }

    @Override
    public String description() {
        return "Gaussian naive Bayes from exact per-class moments, one pass";
    }

    @Override
    public List<LearnerOption> options() {
        return List.of(LearnerOption.of("varSmoothing", Type.DOUBLE, "E",
                "Share of the largest feature variance added to every variance (default 1e-9, scikit-learn's)."),
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
        return new NaiveBayesSpec(v.string("target", null), v.strings("features"), v.string(Weights.OPTION, null),
                new NaiveBayesOptions(v.doubleValue("varSmoothing", NaiveBayesOptions.DEFAULT_VAR_SMOOTHING),
                        v.string("missing", "error")), v.longValue("seed", 42L));
    }

    @Override
    public RowPredictor predictor(ModelDocument m) {
        double[] priors = m.classPriors();
        double[][] mu = m.means();
        double[][] var = m.variances();
        return new RowPredictor() {
            @Override
            public double predict(double[] x) {
                return m.classes().get(Predictors.argmax(logJoint(x)));
            }

            @Override
            public double[] probabilities(double[] x) {
                return Predictors.normalise(logJoint(x));
            }

            private double[] logJoint(double[] x) {
                double[] s = new double[priors.length];
                for (int k = 0; k < s.length; k++) {
                    double l = Math.log(priors[k]);
                    for (int j = 0; j < x.length; j++) {
                        double d = x[j] - mu[k][j];
                        l -= 0.5 * Math.log(2 * Math.PI * var[k][j]) + d * d / (2 * var[k][j]);
                    }
                    s[k] = l;
                }
                return s;
            }
        };
    }

    @Override
    public boolean predictsLabels(ModelDocument model) {
        return true;
    }

    @Override
    public void validate(ModelDocument m, String origin) {
        int p = m.features().size();
        need(m.classPriors() != null && m.means() != null && m.variances() != null && m.classes() != null,
                origin, "naive-bayes", "classes, classPriors, means and variances");
        int k = m.classPriors().length;
        need(m.means().length == k && m.variances().length == k && m.classes().size() == k, origin,
                "naive-bayes", "one prior, mean row and variance row per class");
        for (int c = 0; c < k; c++) {
            vector(m.means()[c], p, origin, "means");
            vector(m.variances()[c], p, origin, "variances");
        }
    }

    @Override
    public java.util.Optional<io.gridlearn.report.ReportSection> report() {
        return java.util.Optional.of(new NaiveBayesReport());
    }
}
