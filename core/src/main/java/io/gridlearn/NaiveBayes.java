package io.gridlearn;

import io.gridlearn.bayes.NaiveBayesOptions;
import io.gridlearn.bayes.NaiveBayesSpec;

import java.util.List;

/**
 * Gaussian naive Bayes: class priors πₖ and per-class means μₖⱼ and variances σ²ₖⱼ from exact moments in one
 * pass, each variance increased by ε = varSmoothing · maxⱼ Var(xⱼ) (scikit-learn's {@code var_smoothing}). A row
 * is given the class maximising log πₖ − Σⱼ [½ log(2πσ²ₖⱼ) + (xⱼ − μₖⱼ)²/(2σ²ₖⱼ)].
 *
 * <p>Instances are immutable: every method returns a new spec.
 */
public final class NaiveBayes extends BuiltInSpec {
    private String target;
    private List<String> features;
    private double varSmoothing = NaiveBayesOptions.DEFAULT_VAR_SMOOTHING;
    private Missing missing = Missing.ERROR;
    private String weights;

    private NaiveBayes() {
    }

    /**
     * Gaussian naive Bayes with scikit-learn's default smoothing (1e-9).
     *
     * @return a spec for Gaussian naive Bayes with the default options
     */
    public static NaiveBayes gaussian() {
        return new NaiveBayes();
    }

    private NaiveBayes copy() {
        NaiveBayes c = new NaiveBayes();
        c.target = target;
        c.features = features;
        c.varSmoothing = varSmoothing;
        c.missing = missing;
        c.weights = weights;
        return c;
    }

    /**
     * The class column (default: the dataset's last column).
     *
     * @param column the class column's name
     * @return a new spec with that target
     */
    public NaiveBayes target(String column) {
        NaiveBayes c = copy();
        c.target = Checks.given("NaiveBayes.target(column)", "column", column);
        return c;
    }

    /**
     * The feature columns (default: every column but the target).
     *
     * @param columns the feature columns' names, in model order
     * @return a new spec with those features
     */
    public NaiveBayes features(String... columns) {
        NaiveBayes c = copy();
        c.features = Checks.columns("NaiveBayes.features(columns)", columns);
        return c;
    }

    /**
     * The share of the largest feature variance added to every variance (≥ 0; default 1e-9).
     *
     * @param share the share of the largest variance, ≥ 0
     * @return a new spec with that smoothing
     */
    public NaiveBayes varSmoothing(double share) {
        NaiveBayes c = copy();
        c.varSmoothing = Checks.nonNegative("NaiveBayes.varSmoothing(share)", "share", share);
        return c;
    }

    /**
     * What to do with missing values: {@link Missing#ERROR} (default) or {@link Missing#SKIP}.
     *
     * @param rule {@link Missing#ERROR} or {@link Missing#SKIP}
     * @return a new spec with that rule
     */
    public NaiveBayes missing(Missing rule) {
        Checks.given("NaiveBayes.missing(rule)", "rule", rule);
        if (rule == Missing.MEAN) {
            throw new BadInputException("NaiveBayes.missing(rule): Missing.MEAN is for the linear family; use ERROR or SKIP");
        }
        NaiveBayes c = copy();
        c.missing = rule;
        return c;
    }

    /**
     * Frequency weights (scikit-learn's {@code sample_weight}): row i counts wᵢ times in the priors, means and
     * variances (π_k = W_k / W, weighted means and population variances; ε over the weighted variances, as the
     * rows repeated). A weight of 0 leaves the row out exactly; a negative or non-finite weight is refused naming
     * the row. The column is left out of the default features.
     *
     * @param column the weight column's name (numeric, values finite and ≥ 0)
     * @return a new spec with those weights
     */
    public NaiveBayes weights(String column) {
        NaiveBayes c = copy();
        c.weights = Checks.given("NaiveBayes.weights(column)", "column", column);
        return c;
    }

    @Override
    NaiveBayesSpec toSpec() {
        return new NaiveBayesSpec(target, features, weights, new NaiveBayesOptions(varSmoothing, missing.id()), 42);
    }

    @Override
    public String algorithm() {
        return "naive-bayes";
    }
}
