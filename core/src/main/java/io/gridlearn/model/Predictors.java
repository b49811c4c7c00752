package io.gridlearn.model;

import io.gridlearn.PredictionType;
import io.gridlearn.runtime.Learners;

import java.util.List;

/**
 * A {@link RowPredictor} for a model document, from the learner that made it (the runtime's registry), and the
 * arithmetic predictors share. All arithmetic uses fused multiply-adds in feature order, so a prediction is the
 * same bits locally, in the grid and on any member.
 */
public final class Predictors {
    private Predictors() {
    }

    /**
     * The model's predictor; refuses a model that does not predict one value per row, or of an unknown learner.
     *
     * @param m a model of a registered learner
     * @return its predictor
     */
    public static RowPredictor of(ModelDocument m) {
        return Learners.predictor(m);
    }

    /**
     * The model's predictor on the given scale; refuses a scale the model does not have
     * ({@link io.gridlearn.runtime.Learner#predictor(ModelDocument, PredictionType)}).
     *
     * @param m    a model of a registered learner
     * @param type the scale of the predictions
     * @return its predictor on that scale
     */
    public static RowPredictor of(ModelDocument m, PredictionType type) {
        return Learners.predictor(m, type);
    }

    /**
     * The columns besides its features that the model reads to predict (a GLM's offset), in the order its
     * predictor takes them after the features.
     *
     * @param m a model of a registered learner
     * @return the extra input columns, empty for most models
     */
    public static List<InputColumn> inputs(ModelDocument m) {
        return Learners.inputs(m);
    }

    /**
     * True when predictions are class labels or cluster indices (integers), not real values.
     *
     * @param m a model
     * @return true for labels or cluster indices
     */
    public static boolean predictsLabels(ModelDocument m) {
        return Learners.predictsLabels(m);
    }

    /**
     * b₀ + Σⱼ bⱼxⱼ, one fused multiply-add per feature, in feature order.
     *
     * @param b0 the intercept
     * @param b  the coefficients, one per feature
     * @param x  the features, at least as many as {@code b}
     * @return the linear predictor b₀ + Σⱼ bⱼxⱼ
     */
    public static double dot(double b0, double[] b, double[] x) {
        double y = b0;
        for (int j = 0; j < b.length; j++) {
            y = Math.fma(b[j], x[j], y);
        }
        return y;
    }

    /**
     * The index of the largest score; the first one on ties.
     *
     * @param s the scores, at least one
     * @return the index of the largest
     */
    public static int argmax(double[] s) {
        int best = 0;
        for (int k = 1; k < s.length; k++) {
            if (s[k] > s[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * exp(s − max) normalised: the log-sum-exp trick, so large scores do not overflow.
     *
     * @param s the scores, at least one
     * @return the probabilities exp(sₖ − max) / Σₗ exp(sₗ − max), one per score, summing to 1
     */
    public static double[] normalise(double[] s) {
        double max = s[argmax(s)];
        double total = 0;
        double[] p = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            p[k] = Math.exp(s[k] - max);
            total += p[k];
        }
        for (int k = 0; k < s.length; k++) {
            p[k] /= total;
        }
        return p;
    }
}
