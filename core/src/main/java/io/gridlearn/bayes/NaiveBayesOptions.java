package io.gridlearn.bayes;

import io.gridlearn.BadInputException;

/**
 * Options of {@link NaiveBayesTrainer}.
 *
 * @param varSmoothing ε = varSmoothing × max_j var_population(X_j) is added to every class variance
 *                     (scikit-learn's {@code var_smoothing}, default 1e-9); finite and ≥ 0
 */
public record NaiveBayesOptions(double varSmoothing) {
    public static final double DEFAULT_VAR_SMOOTHING = 1e-9;

    public NaiveBayesOptions {
        if (!(varSmoothing >= 0) || Double.isInfinite(varSmoothing)) {
            throw new BadInputException("varSmoothing must be finite and >= 0, was " + varSmoothing);
        }
    }

    public NaiveBayesOptions() {
        this(DEFAULT_VAR_SMOOTHING);
    }
}
