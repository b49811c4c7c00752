package io.gridlearn.bayes;

import io.gridlearn.BadInputException;
import io.gridlearn.pass.Missing;

/**
 * Options of {@link NaiveBayesTrainer}.
 *
 * @param varSmoothing ε = varSmoothing × max_j var_population(X_j) is added to every class variance
 *                     (scikit-learn's {@code var_smoothing}, default 1e-9); finite and ≥ 0
 * @param missing      {@code error} (default) or {@code skip} ({@link io.gridlearn.pass.Missing}); a
 *                     non-finite target is refused under both
 */
public record NaiveBayesOptions(double varSmoothing, String missing) {
    /** scikit-learn's default {@code var_smoothing}: {@value}. */
    public static final double DEFAULT_VAR_SMOOTHING = 1e-9;

    /**
     * Checks the options.
     *
     * @param varSmoothing ε as a share of the largest feature variance, finite and ≥ 0
     * @param missing      {@code error} or {@code skip}
     */
    public NaiveBayesOptions {
        if (!(varSmoothing >= 0) || Double.isInfinite(varSmoothing)) {
            throw new BadInputException("varSmoothing must be finite and >= 0, was " + varSmoothing);
        }
        Missing.checkIterative(missing);
    }

    /**
     * With {@code --missing error}.
     *
     * @param varSmoothing ε as a share of the largest feature variance, finite and ≥ 0
     */
    public NaiveBayesOptions(double varSmoothing) {
        this(varSmoothing, Missing.ERROR);
    }

    /**
     * Whether rows with a missing feature are left out.
     *
     * @return true for {@code skip}
     */
    public boolean skipMissing() {
        return Missing.SKIP.equals(missing);
    }

    /** The defaults: {@link #DEFAULT_VAR_SMOOTHING}, {@code --missing error}. */
    public NaiveBayesOptions() {
        this(DEFAULT_VAR_SMOOTHING);
    }
}
