package io.gridlearn.linear;

import io.gridlearn.BadInputException;

/**
 * Options of {@link NormalEquations#ridge}.
 *
 * @param lambda        penalty {@code lambda >= 0} of {@code (1/(2n)) RSS + (lambda/2) ||b||^2}; scikit-learn's
 *                      {@code Ridge(alpha)} corresponds to {@code lambda = alpha / n}
 * @param standardize   whether to penalise the coefficients of z-scored features (results are still
 *                      reported on the original scale)
 * @param rankTolerance pivot tolerance of the LDL' factorisation, in {@code [0, 1)}
 */
public record RidgeOptions(double lambda, boolean standardize, double rankTolerance) {
    /**
     * Validates the options.
     *
     * @param lambda        penalty, finite and {@code >= 0}
     * @param standardize   whether to penalise the coefficients of z-scored features
     * @param rankTolerance pivot tolerance, in {@code [0, 1)}
     * @throws io.gridlearn.BadInputException if a value is out of range
     */
    public RidgeOptions {
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new BadInputException("ridge lambda must be a finite number >= 0, got " + lambda);
        }
        if (!(rankTolerance >= 0.0 && rankTolerance < 1.0)) {
            throw new BadInputException("rank tolerance must lie in [0, 1), got " + rankTolerance);
        }
    }

    /**
     * Options with the default rank tolerance {@link NormalEquations#DEFAULT_RANK_TOLERANCE}.
     *
     * @param lambda      penalty {@code lambda >= 0} of {@code (1/(2n)) RSS + (lambda/2) ||b||^2}
     * @param standardize whether to penalise the coefficients of z-scored features
     * @return the options
     */
    public static RidgeOptions of(double lambda, boolean standardize) {
        return new RidgeOptions(lambda, standardize, NormalEquations.DEFAULT_RANK_TOLERANCE);
    }
}
